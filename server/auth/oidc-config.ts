import { readFileSync } from 'node:fs';
import { oidcUsernamePrefix } from '@/lib/k8s/oidc-claims';

/** How the console reaches the cluster for an OIDC user (`PILOTHOUSE_OIDC_CREDENTIAL`). */
export type OidcCredential = 'id-token' | 'impersonate';

/** The `PILOTHOUSE_OIDC_*` settings of `PILOTHOUSE_AUTH=oidc`. */
export interface OidcConfig {
  /** `PILOTHOUSE_OIDC_ISSUER`: https, exactly the `iss` of its tokens; discovery is read from it. */
  issuer: string;
  clientId: string;
  /** From `PILOTHOUSE_OIDC_CLIENT_SECRET` or the file `PILOTHOUSE_OIDC_CLIENT_SECRET_FILE` names; none: a public client (PKCE alone). */
  clientSecret?: string;
  scopes: string[];
  /**
   * `id-token`: the ID token goes to the API server as the bearer (the cluster trusts the same issuer, and
   * its own `--oidc-*` flags say who the token is). `impersonate`: the console's own credentials with
   * `Impersonate-User`/`Impersonate-Group` from the claims below.
   */
  credential: OidcCredential;
  /** impersonate: the claims and prefixes, as kube-apiserver's `--oidc-username-claim` and the like. */
  usernameClaim: string;
  usernamePrefix: string;
  groupsClaim?: string;
  groupsPrefix: string;
  /** "Log in with <providerName>" on the login page. */
  providerName: string;
  /** The redirect URI: `PILOTHOUSE_PUBLIC_URL` plus the callback path. */
  publicUrl: string;
}

const CREDENTIALS: readonly string[] = ['id-token', 'impersonate'];

function secret(env: Record<string, string | undefined>): string | undefined {
  const file = env.PILOTHOUSE_OIDC_CLIENT_SECRET_FILE;
  if (env.PILOTHOUSE_OIDC_CLIENT_SECRET && file) throw new Error('set PILOTHOUSE_OIDC_CLIENT_SECRET or PILOTHOUSE_OIDC_CLIENT_SECRET_FILE, not both');
  if (!file) return env.PILOTHOUSE_OIDC_CLIENT_SECRET || undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`PILOTHOUSE_OIDC_CLIENT_SECRET_FILE=${file} cannot be read: ${(error as Error).message}`);
  }
  // A mounted Secret often ends with a newline the secret does not have.
  return text.trim() || undefined;
}

/**
 * Reads the oidc mode's settings and names the first one missing: without an issuer, a client and the
 * public URL (for the redirect URI) no login can work, so the console does not start.
 */
export function readOidcConfig(env: Record<string, string | undefined>): OidcConfig {
  const issuer = env.PILOTHOUSE_OIDC_ISSUER;
  if (!issuer) throw new Error('PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_ISSUER: the identity provider\'s issuer URL, e.g. https://dex.example.com');
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new Error(`PILOTHOUSE_OIDC_ISSUER must be an https URL, got ${JSON.stringify(issuer)}`);
  }
  // As kube-apiserver's --oidc-issuer-url: tokens and keys from a plain-HTTP issuer could be anyone's.
  if (issuerUrl.protocol !== 'https:') throw new Error(`PILOTHOUSE_OIDC_ISSUER must be an https URL, got ${JSON.stringify(issuer)}`);
  const clientId = env.PILOTHOUSE_OIDC_CLIENT_ID;
  if (!clientId) throw new Error('PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_CLIENT_ID: the client the console is registered as at the identity provider');
  const publicUrl = env.PILOTHOUSE_PUBLIC_URL;
  if (!publicUrl) throw new Error('PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_PUBLIC_URL: the address users open, from which the redirect URI registered at the identity provider is made');
  let origin: string;
  try {
    origin = new URL(publicUrl).origin;
  } catch {
    throw new Error(`PILOTHOUSE_PUBLIC_URL must be an http or https URL such as https://console.example.com, got ${JSON.stringify(publicUrl)}`);
  }
  const scopes = (env.PILOTHOUSE_OIDC_SCOPES || 'openid email profile offline_access').split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new Error(`PILOTHOUSE_OIDC_SCOPES must include openid (without it there is no ID token), got ${JSON.stringify(env.PILOTHOUSE_OIDC_SCOPES)}`);
  const credential = env.PILOTHOUSE_OIDC_CREDENTIAL || 'id-token';
  if (!CREDENTIALS.includes(credential)) throw new Error(`PILOTHOUSE_OIDC_CREDENTIAL must be id-token or impersonate, got ${JSON.stringify(credential)}`);
  const usernameClaim = env.PILOTHOUSE_OIDC_USERNAME_CLAIM || 'sub';
  const usernamePrefix = oidcUsernamePrefix(issuer, usernameClaim, env.PILOTHOUSE_OIDC_USERNAME_PREFIX);
  const clientSecret = secret(env);
  return {
    issuer,
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    scopes,
    credential: credential as OidcCredential,
    usernameClaim,
    usernamePrefix,
    ...(env.PILOTHOUSE_OIDC_GROUPS_CLAIM !== '' ? { groupsClaim: env.PILOTHOUSE_OIDC_GROUPS_CLAIM ?? 'groups' } : {}),
    groupsPrefix: env.PILOTHOUSE_OIDC_GROUPS_PREFIX ?? '',
    providerName: env.PILOTHOUSE_OIDC_PROVIDER_NAME || issuerUrl.host,
    publicUrl: origin,
  };
}
