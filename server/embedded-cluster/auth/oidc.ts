/**
 * An OpenID Connect ID-token authenticator with the semantics of kube-apiserver's `--oidc-issuer-url`,
 * `--oidc-client-id`, `--oidc-username-claim`, `--oidc-username-prefix`, `--oidc-groups-claim`,
 * `--oidc-groups-prefix`, `--oidc-ca-file` and `--oidc-signing-algs`: the issuer's discovery document
 * names its JWKS; a token must carry that issuer, the client id among its audiences, a valid
 * signature and an unexpired `exp`.
 */
import { request } from 'node:https';
import { createRemoteJWKSet, customFetch, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { oidcGroups, oidcUsername, oidcUsernamePrefix } from '@/lib/k8s/oidc-claims';
import type { TokenAuthenticator } from './authenticator';
import type { UserInfo } from './user-info';

export interface OidcOptions {
  /** Must be https and equal the tokens' `iss` exactly. */
  issuerUrl: string;
  /** The audience every token must include. */
  clientId: string;
  /** Default `sub`. */
  usernameClaim?: string;
  /** Prepended to usernames. Unset: `<issuer>#` unless the claim is `email`; `-` for none. */
  usernamePrefix?: string;
  groupsClaim?: string;
  groupsPrefix?: string;
  /** PEM CA of the issuer's serving certificate (default: the system's). */
  caCert?: string;
  /** Default `RS256`. */
  signingAlgs?: string[];
}

export function createOidcAuthenticator(options: OidcOptions): TokenAuthenticator {
  const usernameClaim = options.usernameClaim ?? 'sub';
  const rules = { ...options, usernameClaim, usernamePrefix: oidcUsernamePrefix(options.issuerUrl, usernameClaim, options.usernamePrefix) };
  const get = (url: string) => httpsGet(url, options.caCert);
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  // Discovery is fetched on first use and kept once it answers (the apiserver retries until it does).
  async function keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (jwks) return jwks;
    const response = await get(`${options.issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (discovery.issuer !== options.issuerUrl) throw new Error(`oidc: issuer did not match the issuer returned by provider`);
    if (!discovery.jwks_uri) throw new Error('oidc: provider has no jwks_uri');
    jwks = createRemoteJWKSet(new URL(discovery.jwks_uri), { [customFetch]: (url: string) => get(url) });
    return jwks;
  }

  return {
    async authenticate(token) {
      if (!issuedBy(token, options.issuerUrl)) return undefined;
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keySet(), {
          issuer: options.issuerUrl,
          audience: options.clientId,
          algorithms: options.signingAlgs ?? ['RS256'],
          requiredClaims: ['exp'],
        }));
      } catch {
        return undefined;
      }
      const name = oidcUsername(payload, rules);
      if (name === undefined) return undefined;
      const user: UserInfo = { name, groups: oidcGroups(payload, rules) };
      return { user, audiences: [options.clientId] };
    },
  };
}

// Tokens of other issuers (static, service accounts) are not this authenticator's to judge.
function issuedBy(token: string, issuer: string): boolean {
  try {
    return decodeJwt(token).iss === issuer;
  } catch {
    return false;
  }
}

// fetch() cannot be given a CA; jose takes any function that answers a Response.
function httpsGet(url: string, ca: string | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ca, headers: { accept: 'application/json' }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers({ 'content-type': String(res.headers['content-type'] ?? 'application/json') });
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`oidc: ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
