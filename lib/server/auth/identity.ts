import { createHash } from 'node:crypto';

/**
 * Who a request acts for in a team mode, and how the API server learns it. Lives only in the console's
 * memory: the token never goes into an answer, a log line or a header other than the API server's.
 */
export interface Identity {
  username: string;
  groups: string[];
  email?: string;
  /**
   * token mode: the user's own bearer token, and the API server that accepted it at login: it is sent to
   * that server only, never to another context's cluster (which would then hold a credential for the first).
   * oidc mode with `PILOTHOUSE_OIDC_CREDENTIAL=id-token`: the same, but the token is the session's ID
   * token, which is refreshed while the session lives: a function that gives the one to send now (and
   * refreshes it when it is about to expire), asked again for every request and every stream it opens.
   * proxy mode and oidc with `impersonate`: the console's credentials, impersonating the user.
   */
  credential: { kind: 'token'; token: string | (() => Promise<string>); server: string } | { kind: 'impersonate' };
  /**
   * Equal for two identities only if the API server sees them as the same user: what shared upstream
   * watches are keyed by, so no one joins a watch opened with someone else's rights. Never the token itself.
   */
  key: string;
}

/** The identity of a bearer token, as the cluster's SelfSubjectReview described it. */
export function tokenIdentity(user: { username: string; groups: string[]; email?: string }, token: string, server: string): Identity {
  // The token, hashed: two sessions of the same token share watches, two tokens of one user do not (one may
  // be revoked or expire before the other).
  const key = `token:${createHash('sha256').update(token).digest('hex')}`;
  return { ...user, credential: { kind: 'token', token, server }, key };
}

/**
 * oidc mode (`id-token`): the session's ID token, sent to `server` only. Keyed by session, not by token: the
 * token changes at every refresh, the user does not.
 */
export function sessionTokenIdentity(user: { username: string; groups: string[]; email?: string }, session: { sid: string; server: string; token: () => Promise<string> }): Identity {
  const key = `oidc:${createHash('sha256').update(session.sid).digest('hex')}`;
  return { ...user, credential: { kind: 'token', token: session.token, server: session.server }, key };
}

/**
 * Names under `system:` belong to Kubernetes itself (nodes, service accounts, `system:masters`). The console may
 * impersonate any user and group, so a proxy header or an ID token claim naming one would act with the cluster's
 * own powers; kube-apiserver's JWT authenticator refuses such names from claims for the same reason.
 */
export const isReservedName = (name: string) => name.startsWith('system:');

/**
 * The identity an authenticating proxy (or, in oidc mode with `impersonate`, the identity provider) vouched for.
 * Groups under `system:` are dropped (fewer permissions, never more); a reserved username is the caller's to refuse.
 */
export function impersonatedIdentity(input: { username: string; groups: string[]; email?: string }): Identity {
  const user = { ...input, groups: input.groups.filter((group) => !isReservedName(group)) };
  const key = `impersonate:${JSON.stringify([user.username, [...new Set(user.groups)].sort()])}`;
  return { ...user, credential: { kind: 'impersonate' }, key };
}

/**
 * The request header through which the custom server hands a request's identity to Next's route handlers:
 * an opaque reference into the server's table of in-flight requests. The server removes whatever a client
 * sent under this name before setting it, so it cannot be forged.
 */
export const IDENTITY_REF_HEADER = 'x-pilothouse-identity-ref';
