import * as client from 'openid-client';
import { OIDC_CALLBACK_PATH } from '@/lib/contract/auth';
import { BffError } from '@/lib/server/errors';
import type { OidcConfig } from './oidc-config';

/** What the console keeps of a token response: never the access token (the console calls no API of the provider). */
export interface OidcTokens {
  idToken: string;
  refreshToken?: string;
  /** The ID token's `exp`, in ms. */
  expiresAt: number;
  claims: Record<string, unknown>;
}

/** A login in flight: sealed into the flow cookie between the redirect to the provider and its callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

export interface OidcClient {
  /** The provider's authorization URL for a new flow (PKCE S256, state and nonce), and the flow to keep. */
  start(next: string): Promise<{ url: string; flow: OidcFlow }>;
  /** Redeems the callback's code, checking state, nonce and PKCE against `flow`; throws `OidcError` with the reason. */
  finish(callbackUrl: URL, flow: OidcFlow): Promise<OidcTokens>;
  /** A fresh ID token for a refresh token; throws `OidcError` (the provider's reason) when it refuses. */
  refresh(refreshToken: string): Promise<OidcTokens>;
}

/** A login or refresh the provider or the checks refused, with the reason to show. `refused`: the provider said no (not a network failure). */
export class OidcError extends Error {
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/** What a failure of openid-client says, and whether the provider refused (the session ends) or was not reached. */
export function oidcFailure(error: unknown): OidcError {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    return new OidcError(`${error.error}${error.error_description ? `: ${error.error_description}` : ''}`, true);
  }
  if (error instanceof OidcError) return error;
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  // openid-client's own checks (state, nonce, issuer, audience) throw a ClientError that says which failed: a
  // refusal. A provider answering 5xx or HTML instead is down, not refusing, and so is a network failure.
  const code = (error as { code?: string }).code;
  const refused = error instanceof client.ClientError && code !== 'OAUTH_RESPONSE_IS_NOT_CONFORM' && code !== 'OAUTH_RESPONSE_IS_NOT_JSON';
  return new OidcError(`${(error as Error).message}${cause ? ` (${cause})` : ''}`, refused);
}

function tokensOf(response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, previousRefreshToken?: string): OidcTokens {
  const claims = response.claims();
  if (!response.id_token || !claims) throw new OidcError('the identity provider answered without an ID token (is the openid scope granted?)', true);
  const refreshToken = response.refresh_token ?? previousRefreshToken;
  return { idToken: response.id_token, ...(refreshToken ? { refreshToken } : {}), expiresAt: claims.exp * 1000, claims: { ...claims } };
}

/**
 * The console as an OpenID Connect relying party, through `openid-client`: discovery from the issuer (read on
 * first use and kept; retried on the next login while it fails), the authorization-code flow with PKCE and
 * refresh. The issuer's CA comes from Node's store (`NODE_EXTRA_CA_CERTS` for a private one).
 */
export function createOidcClient(config: OidcConfig): OidcClient {
  const redirectUri = `${config.publicUrl}${OIDC_CALLBACK_PATH}`;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None())
      .catch((error: unknown) => {
        discovered = undefined;
        throw new BffError('ContextUnavailable', `the identity provider at ${config.issuer} did not answer its discovery document: ${oidcFailure(error).message}`);
      });
    return discovered;
  };

  return {
    async start(next) {
      const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: config.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flow };
    },
    async finish(callbackUrl, flow) {
      const settings = await configuration();
      try {
        const response = await client.authorizationCodeGrant(settings, callbackUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        return tokensOf(response);
      } catch (error) {
        throw oidcFailure(error);
      }
    },
    async refresh(refreshToken) {
      const settings = await configuration();
      try {
        return tokensOf(await client.refreshTokenGrant(settings, refreshToken), refreshToken);
      } catch (error) {
        throw oidcFailure(error);
      }
    },
  };
}
