import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** The answer's header naming its request id: the same id as in the request's log and audit lines. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ids = new WeakMap<IncomingMessage, string>();

/** Gives a request its id (on the answer, as `X-Request-Id`); the server does this first for every request. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  ids.set(req, id);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The request's id, given by `assignRequestId` (a request that had none, as in a unit test, gets one now). */
export function requestIdOf(req: IncomingMessage): string {
  return ids.get(req) ?? randomUUID();
}

/**
 * A request that failed in the server (not in a route handler, which answers with its Status): one error
 * line with the request id, the method and the route's path without its query. Never a header, so never
 * the Authorization header or the session cookie.
 */
export function logRequestFailure(log: Logger, req: IncomingMessage, error: unknown): void {
  log.error({ reqId: requestIdOf(req), method: req.method, path: (req.url ?? '').split('?')[0], err: error }, 'request failed');
}
