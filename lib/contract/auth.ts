/**
 * `PILOTHOUSE_AUTH`: `none` (the console's own credentials), `token` (each user logs in with a token), `oidc`
 * (the console logs users in at an OpenID provider), `proxy` (an authenticating proxy in front says who).
 */
export const AUTH_MODES = ['none', 'token', 'oidc', 'proxy'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The login page; a logged-out request for a page is sent here with the page it asked for in `next`. */
export const LOGIN_PAGE = '/login';
/** POST (form: `token`, `next`): checks the token with the cluster and starts a session. */
export const LOGIN_PATH = '/api/auth/login';
/** GET (`next`): oidc mode: starts the authorization-code flow at the identity provider. */
export const OIDC_LOGIN_PATH = '/api/auth/oidc/login';
/** GET: oidc mode: where the identity provider sends the browser back (the redirect URI under `PILOTHOUSE_PUBLIC_URL`). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** oidc mode: why the last login failed (the provider's or the callback's reason), for the login page to show. */
export const LOGIN_ERROR_COOKIE = 'pilothouse_login_error';
/** POST: ends the session. */
export const LOGOUT_PATH = '/api/auth/logout';
/** GET: who the session is, as `WhoAmI`. */
export const WHOAMI_PATH = '/api/auth/whoami';

/** Who is using the console, as the cluster knows them. Never carries a credential. */
export interface WhoAmI {
  mode: AuthMode;
  username: string;
  groups: string[];
  email?: string;
}
