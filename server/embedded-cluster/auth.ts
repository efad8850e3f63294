import { randomBytes } from 'node:crypto';
import { VIEWERS_GROUP } from './auth/rbac/bootstrap-policy';
import { SYSTEM_MASTERS } from './auth/user-info';

/**
 * The static token users of every embedded cluster (kube-apiserver's `--token-auth-file`). Their
 * groups decide what they may do through RBAC: `admin` is in `system:masters`, `viewer` in the group the
 * bootstrap binds to a read-everything role; `alice` and `bob` have no rights until bound (the demo seed
 * gives alice `edit` and bob `view` in `team-a`).
 */
export const STATIC_USERS = {
  admin: { groups: [SYSTEM_MASTERS] },
  viewer: { groups: [VIEWERS_GROUP] },
  alice: { groups: ['developers'] },
  bob: { groups: [] },
} satisfies Record<string, { groups: string[] }>;

export type StaticUserName = keyof typeof STATIC_USERS;

/** The bearer tokens of one cluster start, one per static user: fresh random values every time. */
export type Tokens = Record<StaticUserName, string>;

/** New random tokens. */
export function createTokens(): Tokens {
  const token = () => randomBytes(24).toString('hex');
  return { admin: token(), viewer: token(), alice: token(), bob: token() };
}

/**
 * What a request without an Authorization header may do. kubectl (client-go) never sends credentials
 * over plain HTTP (kubernetes/kubectl#744: auth is only read for TLS connections), so for kubectl to
 * work against this HTTP server, credential-less requests must be let in, as the old insecure port
 * did. `reject` answers them 401 like a server with `--anonymous-auth=false`; otherwise they are
 * `system:anonymous` with the rights of the admin or the viewer.
 */
export type AnonymousAccess = 'admin' | 'viewer' | 'reject';
