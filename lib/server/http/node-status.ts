import type { ServerResponse } from 'node:http';
import { httpCodeOf, toStatus } from '@/lib/server/errors';

/** Answers a plain Node response with an error as its `metav1.Status`, for the custom server's own refusals. */
export function writeStatus(res: ServerResponse, error: unknown): void {
  const status = toStatus(error);
  res.writeHead(httpCodeOf(status), { 'content-type': 'application/json' }).end(JSON.stringify(status));
}
