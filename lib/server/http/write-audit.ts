import { getRuntime } from '@/lib/server/runtime';

/**
 * The request header through which the custom server names a write to Next's route handlers, so a handler
 * that makes several writes (a manifest's objects) can have each audited. Set by the server's write guard,
 * which drops whatever a client sent under this name.
 */
export const WRITE_REF_HEADER = 'x-pilothouse-write-ref';

/** One object a route handler wrote, for its own audit line. */
export interface WrittenObject {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** The HTTP status the API server answered for this object. */
  code: number;
}

/** Tells the server's write guard what this request wrote, object by object (audited when it ends). */
export function auditWrittenObjects(request: { headers: { get(name: string): string | null } }, objects: WrittenObject[]): void {
  const ref = request.headers.get(WRITE_REF_HEADER);
  if (ref) getRuntime()?.writes?.objects(ref, objects);
}
