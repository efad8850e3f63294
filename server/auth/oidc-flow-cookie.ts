import { EncryptJWT, jwtDecrypt } from 'jose';
import { LOGIN_ERROR_COOKIE, LOGIN_PAGE } from '@/lib/contract/auth';
import type { OidcFlow } from './oidc-client';
import { readSessionCookie, sessionKey } from './session-cookie';

const FLOW_COOKIE = 'pilothouse_oidc_flow';
/** Sent with the callback only. */
const FLOW_PATH = '/api/auth/oidc';
/** Long enough to log in at the provider (a password manager, a second factor), short enough not to linger. */
const FLOW_TTL_S = 600;
const MAX_ERROR_CHARS = 500;

const attributes = (path: string, maxAgeS: number, secure: boolean) => [`Path=${path}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeS}`, ...(secure ? ['Secure'] : [])].join('; ');

/**
 * The state, nonce, PKCE verifier and return path of a login in flight, sealed (as the session is, under its
 * own derived key) in a cookie of the browser that started it: a callback from any other browser, or with
 * another state, finds no flow to finish. SameSite=Lax still sends it on the provider's top-level redirect back.
 */
export function createFlowCookies(secret: string) {
  const key = sessionKey(secret, 'oidc flow cookie v1');
  return {
    async set(flow: OidcFlow, secure: boolean): Promise<string> {
      const sealed = await new EncryptJWT({ ...flow })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setExpirationTime(`${FLOW_TTL_S}s`)
        .encrypt(key);
      return `${FLOW_COOKIE}=${sealed}; ${attributes(FLOW_PATH, FLOW_TTL_S, secure)}`;
    },
    async open(cookieHeader: string | undefined): Promise<OidcFlow | null> {
      const value = readSessionCookie(cookieHeader, FLOW_COOKIE);
      if (!value) return null;
      try {
        const { payload } = await jwtDecrypt(value, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
        const { state, nonce, verifier, next } = payload;
        if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string' || typeof next !== 'string') return null;
        return { state, nonce, verifier, next };
      } catch {
        return null;
      }
    },
    cleared: (secure: boolean) => `${FLOW_COOKIE}=; ${attributes(FLOW_PATH, 0, secure)}`,
  };
}

/**
 * Why the last login failed, for the login page to show once: a cookie rather than a query parameter, so a
 * link cannot put words of its choosing on the console's login page.
 */
export function loginErrorCookie(message: string, secure: boolean): string {
  return `${LOGIN_ERROR_COOKIE}=${encodeURIComponent(message.slice(0, MAX_ERROR_CHARS))}; ${attributes(LOGIN_PAGE, 60, secure)}`;
}

/** A new login attempt forgets the last one's failure: the login page after a later logout must not show it. */
export const clearedLoginErrorCookie = (secure: boolean) => `${LOGIN_ERROR_COOKIE}=; ${attributes(LOGIN_PAGE, 0, secure)}`;
