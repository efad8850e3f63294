import { contextNameSchema } from '@/lib/contract/contexts';
import { BffError } from '@/lib/server/errors';
import { requestIdentity, type HeaderSource } from '@/lib/server/auth/request-identity';
import { getRuntime } from '@/lib/server/runtime';
import type { ContextRegistry, ResolvedContext } from '@/lib/server/contexts/registry-types';

/** The registry the custom server published; absent only if the app runs without `server/` (e.g. `next dev`). */
export function getContextRegistry(): ContextRegistry {
  const registry = getRuntime()?.contexts;
  if (!registry) throw new BffError('ContextUnavailable', 'cluster contexts are not available: start the console with `npm start`');
  return registry;
}

/**
 * Validates a context name from a URL and resolves it for the user of `request` (in a team mode; with the
 * context's own credentials without login). Taking the request makes forgetting whose request it is impossible.
 */
export async function resolveContext(name: unknown, request: HeaderSource): Promise<ResolvedContext> {
  const identity = requestIdentity(request);
  const parsed = contextNameSchema.safeParse(name);
  if (!parsed.success) throw new BffError('InvalidInput', `invalid context name: ${parsed.error.issues[0]?.message}`);
  return getContextRegistry().resolve(parsed.data, identity);
}
