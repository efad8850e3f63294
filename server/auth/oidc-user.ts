import type { KubeConfig } from '@kubernetes/client-node';
import { OidcError, type OidcTokens } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import type { Session } from './session-cookie';
import { reviewToken } from './token-review';

/** The groups claim with its prefix, as kube-apiserver's `--oidc-groups-claim` reads it (a string or a list of strings). */
export function groupsFromClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, 'groupsClaim' | 'groupsPrefix'>): string[] {
  if (!config.groupsClaim) return [];
  const claim = claims[config.groupsClaim];
  const groups = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
  return groups.map((group) => `${config.groupsPrefix}${group}`);
}

/** The user to impersonate, as kube-apiserver's `--oidc-username-claim` and `--oidc-username-prefix` would name them. */
export function userFromClaims(claims: Record<string, unknown>, config: OidcConfig): { username: string; groups: string[] } {
  const name = claims[config.usernameClaim];
  if (typeof name !== 'string' || name === '') throw new OidcError(`the ID token has no ${config.usernameClaim} claim (PILOTHOUSE_OIDC_USERNAME_CLAIM) to name the user by`, true);
  // As kube-apiserver: an email the provider says is unverified names nobody.
  if (config.usernameClaim === 'email' && claims.email_verified === false) throw new OidcError('the identity provider says this email is not verified', true);
  return { username: `${config.usernamePrefix}${name}`, groups: groupsFromClaims(claims, config) };
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
