import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

export const SESSION_COOKIE = 'pilothouse_session';
/** Browsers keep cookies of up to 4 KiB (name and attributes included) and drop larger ones without a word. */
export const MAX_COOKIE_VALUE_BYTES = 3900;

/** What a session holds. Sealed (encrypted and authenticated) in the cookie: the browser can neither read nor change it. */
export interface Session {
  /** Names the session, so its sockets can be closed when it ends. */
  sid: string;
  username: string;
  groups: string[];
  email?: string;
  /**
   * token mode: the bearer token the user logged in with, sent to the API server on their behalf. oidc mode
   * with `PILOTHOUSE_OIDC_CREDENTIAL=id-token`: the ID token (impersonation needs none, so none is kept).
   */
  token?: string;
  /** token and oidc (id-token) mode: the API server that accepted the token, the only one it is sent to. */
  server?: string;
  /** oidc mode: the refresh token, redeemed at the identity provider before `tokenExpiresAt`. */
  refreshToken?: string;
  /** oidc mode: when the ID token expires (ms since the epoch): the session is refreshed within a margin of it. */
  tokenExpiresAt?: number;
  /** oidc mode: when these tokens were obtained (ms): of two copies of a session, the later tokens win. */
  tokensAt?: number;
  /** When the user logged in (ms since the epoch); the absolute expiry counts from here. */
  authAt: number;
  /** When the session was last used (ms); the idle expiry counts from here. */
  seenAt: number;
}

export interface SessionSealer {
  /** A new session for a user who just logged in. */
  start(user: Omit<Session, 'sid' | 'authAt' | 'seenAt'>): Session;
  seal(session: Session): Promise<string>;
  /** The session in a cookie value, or null when it is not one of ours, was tampered with, or has expired. */
  open(value: string | undefined): Promise<Session | null>;
  /** True when a session in use should be sealed again, to move its idle expiry forward. */
  needsRefresh(session: Session): boolean;
  /** When the session ends if it is used without pause (its absolute expiry), in ms since the epoch. */
  endsAt(session: Session): number;
}

// The key is derived, not the secret itself: A256GCM wants exactly 32 uniformly random bytes, and HKDF gives
// them from any passphrase of enough entropy. The info string versions the cookie format.
export function sessionKey(secret: string, info = 'session cookie v1'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'pilothouse', info, 32));
}

export function createSessionSealer(options: { secret: string; idleMs: number; absoluteMs: number; now?: () => number }): SessionSealer {
  const key = sessionKey(options.secret);
  const now = options.now ?? Date.now;
  const endsAt = (session: Session) => session.authAt + options.absoluteMs;
  return {
    start: (user) => {
      const at = now();
      return { ...user, sid: randomUUID(), authAt: at, seenAt: at };
    },
    seal: (session) =>
      new EncryptJWT({ ...session })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setExpirationTime(Math.ceil(endsAt(session) / 1000))
        .encrypt(key),
    async open(value) {
      if (!value) return null;
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtDecrypt(value, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          currentDate: new Date(now()),
        }));
      } catch {
        return null;
      }
      const { sid, username, groups, email, token, server, refreshToken, tokenExpiresAt, tokensAt, authAt, seenAt } = payload;
      if (typeof sid !== 'string' || typeof username !== 'string' || !Array.isArray(groups) || typeof authAt !== 'number' || typeof seenAt !== 'number') return null;
      const session: Session = {
        sid,
        username,
        groups: groups.filter((group): group is string => typeof group === 'string'),
        ...(typeof email === 'string' ? { email } : {}),
        ...(typeof token === 'string' ? { token } : {}),
        ...(typeof server === 'string' ? { server } : {}),
        ...(typeof refreshToken === 'string' ? { refreshToken } : {}),
        ...(typeof tokenExpiresAt === 'number' ? { tokenExpiresAt } : {}),
        ...(typeof tokensAt === 'number' ? { tokensAt } : {}),
        authAt,
        seenAt,
      };
      const at = now();
      if (at >= endsAt(session) || at - session.seenAt >= options.idleMs) return null;
      return session;
    },
    // Often enough that a session in use never reaches its idle expiry, rarely enough not to reseal per request.
    needsRefresh: (session) => now() - session.seenAt >= Math.min(60_000, options.idleMs / 4),
    endsAt,
  };
}

/** The `Set-Cookie` value: httpOnly (no script reads it), SameSite=Lax (no cross-site write sends it), Secure under HTTPS. */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeMs: number }): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(options.maxAgeMs / 1000))}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return sessionCookie('', { ...options, maxAgeMs: 0 });
}

/** The session cookie's value (or another cookie's) in a `Cookie` header. */
export function readSessionCookie(header: string | undefined, name = SESSION_COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
