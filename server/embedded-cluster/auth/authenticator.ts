/**
 * kube-apiserver's request authentication: the bearer token goes to the static token file, then the
 * service-account token authenticator, then OIDC (the first that knows it wins); a bad token is 401
 * even when anonymous requests are allowed; no credentials at all is `system:anonymous`.
 */
import type { IncomingMessage } from 'node:http';
import { STATIC_USERS, type AnonymousAccess, type StaticUserName, type Tokens } from '../auth';
import { VIEWERS_GROUP } from './rbac/bootstrap-policy';
import { ALL_UNAUTHENTICATED, ANONYMOUS, SYSTEM_MASTERS, withAuthenticatedGroup, type UserInfo } from './user-info';

/** Something that may recognize a bearer token. */
export interface TokenAuthenticator {
  /** The token's user and the audiences it was valid for, or undefined when the token is not this one's. */
  authenticate(token: string, audiences?: string[]): Promise<{ user: UserInfo; audiences: string[] } | undefined>;
}

/** The audience of tokens meant for this API server (`--api-audiences` defaults to the issuer). */
export const API_AUDIENCE = 'https://kubernetes.default.svc.cluster.local';

/** Authenticates requests and bare tokens (TokenReview). */
export interface Authenticator {
  /** The user of a request, or undefined for 401 Unauthorized. */
  authenticateRequest(req: IncomingMessage): Promise<UserInfo | undefined>;
  authenticateToken(token: string, audiences?: string[]): Promise<{ user: UserInfo; audiences: string[] } | undefined>;
}

/** Chains the static tokens with further token authenticators (service accounts, OIDC). */
export function createAuthenticator(options: { tokens: Tokens; anonymous: AnonymousAccess; others: TokenAuthenticator[] }): Authenticator {
  const byToken = new Map<string, StaticUserName>(Object.entries(options.tokens).map(([name, token]) => [token, name as StaticUserName]));
  const authenticateToken = async (token: string, audiences?: string[]) => {
    const name = byToken.get(token);
    // Static tokens are valid for every audience the caller asks about.
    if (name) return { user: withAuthenticatedGroup({ name, groups: [...STATIC_USERS[name].groups] }), audiences: audiences ?? [API_AUDIENCE] };
    for (const authenticator of options.others) {
      const found = await authenticator.authenticate(token, audiences);
      if (found) return { ...found, user: withAuthenticatedGroup(found.user) };
    }
    return undefined;
  };
  return {
    authenticateToken,
    async authenticateRequest(req) {
      // A header that carries no bearer token is no credential; a bearer token nobody knows is 401 (the
      // anonymous authenticator is chained with FailOnError, so a bad token is never anonymous).
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!match?.[1]) return anonymousUser(options.anonymous);
      return (await authenticateToken(match[1]))?.user;
    },
  };
}

function anonymousUser(access: AnonymousAccess): UserInfo | undefined {
  if (access === 'reject') return undefined;
  return { name: ANONYMOUS, groups: [ALL_UNAUTHENTICATED, access === 'admin' ? SYSTEM_MASTERS : VIEWERS_GROUP] };
}
