import type { KubeConfig } from '@kubernetes/client-node';
import { oidcGroups, oidcUsername } from '@/lib/k8s/oidc-claims';
import { isReservedName } from '@/lib/server/auth/identity';
import { OidcError, type OidcTokens } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import type { Session } from './session-cookie';
import { reviewToken } from './token-review';

/** The user to impersonate, named as kube-apiserver would name them from the same claims. */
function userFromClaims(claims: Record<string, unknown>, config: OidcConfig): { username: string; groups: string[] } {
  const username = oidcUsername(claims, config);
  if (username === undefined) {
    throw new OidcError(`the ID token names no user: its ${config.usernameClaim} claim (PILOTHOUSE_OIDC_USERNAME_CLAIM) is missing${config.usernameClaim === 'email' ? ' or not verified' : ''}`, true);
  }
  if (isReservedName(username)) {
    throw new OidcError(`the ID token names ${JSON.stringify(username)}, a name Kubernetes keeps for itself (system:); the console does not impersonate it (set PILOTHOUSE_OIDC_USERNAME_PREFIX)`, true);
  }
  return { username, groups: oidcGroups(claims, config) };
}

/**
 * Who a login's tokens make the user, as the session keeps them. `id-token`: whoever the cluster says the ID
 * token is (a SelfSubjectReview against the default context, so the cluster's own `--oidc-*` flags decide),
 * and that API server is the only one it goes to. `impersonate`: the configured claims; no token is kept
 * but the refresh token.
 */
export async function sessionUser(tokens: OidcTokens, config: OidcConfig, cluster: () => Promise<KubeConfig>): Promise<Omit<Session, 'sid' | 'authAt' | 'seenAt'>> {
  const email = typeof tokens.claims.email === 'string' ? { email: tokens.claims.email } : {};
  const kept = { ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}), tokenExpiresAt: tokens.expiresAt, tokensAt: Date.now(), ...email };
  if (config.credential === 'impersonate') return { ...userFromClaims(tokens.claims, config), ...kept };
  const user = await reviewToken(await cluster(), tokens.idToken).catch((error: unknown) => {
    throw new OidcError(`${(error as Error).message} (the API server must trust ${config.issuer}, or set PILOTHOUSE_OIDC_CREDENTIAL=impersonate)`, true);
  });
  return { ...user, token: tokens.idToken, ...kept };
}
