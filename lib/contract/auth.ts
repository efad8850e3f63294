/** `PILOTHOUSE_AUTH`: `none` (the console's own credentials), `token` (each user logs in with a token), `proxy`. */
export const AUTH_MODES = ['none', 'token', 'proxy'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The login page; a logged-out request for a page is sent here with the page it asked for in `next`. */
export const LOGIN_PAGE = '/login';
/** POST (form: `token`, `next`): checks the token with the cluster and starts a session. */
export const LOGIN_PATH = '/api/auth/login';
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
