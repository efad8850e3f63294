import type { IncomingMessage, ServerResponse } from 'node:http';
import { BffError } from '@/lib/server/errors';
import { writeStatus } from '@/lib/server/http/node-status';
import { rawPathProblem } from '@/lib/server/proxy/proxy-path';

const GUARDED_PREFIX = '/api/clusters/';

/**
 * Answers a proxy request whose raw target has dot segments or encoded slashes with a 400 Status, and
 * returns true when it did. Runs in the custom server on `req.url` as received, because by the time a
 * route handler sees the URL it has been normalized and `a/%2e%2e/b` already reads `b`.
 */
export function refuseUnsafeRawPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '';
  if (!url.startsWith(GUARDED_PREFIX)) return false;
  const problem = rawPathProblem(url);
  if (!problem) return false;
  writeStatus(res, new BffError('InvalidPath', problem));
  return true;
}
