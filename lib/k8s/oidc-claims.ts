/**
 * How kube-apiserver's OIDC authenticator names a user from an ID token's claims (`--oidc-username-claim`,
 * `--oidc-username-prefix`, `--oidc-groups-claim`, `--oidc-groups-prefix`): the embedded cluster
 * authenticates with these rules, and the console impersonates with them, so both name a user alike.
 */
export interface OidcClaimRules {
  usernameClaim: string;
  /** Already resolved by `oidcUsernamePrefix`. */
  usernamePrefix: string;
  groupsClaim?: string;
  groupsPrefix?: string;
}

/**
 * The prefix as kube-apiserver resolves `--oidc-username-prefix`: `-` for none; unset, `<issuer>#` before any
 * claim but `email`, so one issuer's names cannot pose as another's or as a static user.
 */
export function oidcUsernamePrefix(issuer: string, usernameClaim: string, prefix: string | undefined): string {
  if (prefix === '-') return '';
  return prefix ?? (usernameClaim === 'email' ? '' : `${issuer}#`);
}

/** The username, or undefined when the claim is missing or empty, or is an email the provider says is unverified. */
export function oidcUsername(claims: Record<string, unknown>, rules: OidcClaimRules): string | undefined {
  const name = claims[rules.usernameClaim];
  if (typeof name !== 'string' || name === '') return undefined;
  if (rules.usernameClaim === 'email' && claims.email_verified === false) return undefined;
  return `${rules.usernamePrefix}${name}`;
}

/** The groups claim (a string or a list of strings; anything else is none), each with the prefix. */
export function oidcGroups(claims: Record<string, unknown>, rules: Pick<OidcClaimRules, 'groupsClaim' | 'groupsPrefix'>): string[] {
  if (!rules.groupsClaim) return [];
  const claim = claims[rules.groupsClaim];
  const groups = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
  return groups.map((group) => `${rules.groupsPrefix ?? ''}${group}`);
}
