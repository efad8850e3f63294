import { BffError } from '@/lib/server/errors';
import { getRuntime } from '@/lib/server/runtime';
import { IDENTITY_REF_HEADER, type Identity } from './identity';

/** Anything with request headers: a Next `Request`, `NextRequest` or `Headers` holder. */
export interface HeaderSource {
  headers: { get(name: string): string | null };
}

/**
 * The identity the custom server's gate attached to this request: undefined when the console runs without
 * login (`PILOTHOUSE_AUTH=none`: its own credentials). In a team mode a request without one is refused,
 * even though the gate already refused it: a route handler must never fall back to the console's credentials.
 */
export function requestIdentity(request: HeaderSource): Identity | undefined {
  const runtime = getRuntime();
  if ((runtime?.auth?.mode ?? 'none') === 'none') return undefined;
  const ref = request.headers.get(IDENTITY_REF_HEADER);
  const identity = ref ? runtime?.identities?.get(ref) : undefined;
  if (!identity) throw new BffError('Unauthenticated', 'log in first: this request has no session');
  return identity;
}
