import 'server-only';
import type { z } from 'zod';
import { BffError, httpCodeOf, toStatus } from '@/lib/server/errors';
import { getRuntime } from '@/lib/server/runtime';

/** The API server's own request body limit; larger bodies are refused before reaching it. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** A JSON answer. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, init);
}

/** Any error as a `metav1.Status` response, through the one error table. */
export function errorResponse(error: unknown): Response {
  const status = toStatus(error);
  if (status.code === 500 && !(error as { code?: unknown })?.code) (getRuntime()?.log ?? console).error('unexpected error in a route handler', error);
  return Response.json(status, { status: httpCodeOf(status) });
}

/** Reads a request body, refusing one over `limit` bytes without reading it all. */
export async function readRequestBody(request: Request, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () => new BffError('BodyTooLarge', `the request body is larger than the limit of ${limit} bytes`);
  if (declared > limit) throw tooLarge();
  if (!request.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return size === 0 ? undefined : Buffer.concat(chunks);
}

/** Parses a JSON body with a contract schema; a bad body is a 400 Status naming the first problem. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const body = await readRequestBody(request);
  let value: unknown;
  try {
    value = JSON.parse(body?.toString('utf8') ?? '');
  } catch {
    throw new BffError('InvalidInput', 'the request body must be JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BffError('InvalidInput', `invalid request body: ${where}${issue?.message ?? 'does not match the schema'}`);
  }
  return parsed.data;
}
