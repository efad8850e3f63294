import type { IncomingMessage, ServerResponse } from 'node:http';
import { impersonatedIdentity, isReservedName, sessionTokenIdentity, tokenIdentity, type Identity } from '@/lib/server/auth/identity';
import { BffError } from '@/lib/server/errors';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import type { AuthConfig } from './auth-config';
import type { OidcRefresher } from './oidc-refresh';
import { readSessionCookie, sessionCookie, type Session, type SessionSealer } from './session-cookie';

/** Who a request is, and (token mode) the session that says so. */
export interface Authenticated {
  identity: Identity;
  session?: Session;
}

export interface Authenticator {
  /**
   * The request's identity, or null. token and oidc mode: from the session cookie; when `res` is given and
   * the session is due (or oidc refreshed its tokens), the cookie is sealed again so its idle expiry moves on.
   * oidc mode refreshes the tokens first when they are about to expire, and ends the session when that
   * fails. proxy mode: from the identity headers, and only when the peer is a trusted proxy.
   */
  authenticate(req: IncomingMessage, res?: ServerResponse): Promise<Authenticated | null>;
  /**
   * Whether a socket's session still holds, at each of its events: oidc mode refreshes its tokens here when
   * they are about to expire (a socket has no cookie to do it with) and ends the session when that fails.
   */
  stillValid(session: Session): Promise<boolean>;
  /** True when the request arrived over HTTPS (directly, or as a trusted proxy says): cookies are then Secure. */
  isHttps(req: IncomingMessage): boolean;
  /** Sessions ended by logout on this replica, so a copied cookie dies with it (until its own expiry). */
  revoke(session: Session): void;
  /**
   * When the session was last used over HTTP on this replica (or, if not since, when its cookie says): a
   * socket of an idle session is closed, as its next page load would be refused.
   */
  lastUse(session: Session): number;
}

const values = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** proxy mode: the user and groups a trusted proxy put in the configured headers (groups: comma-separated or repeated). */
function fromProxyHeaders(req: IncomingMessage, config: AuthConfig): Identity | null {
  const headers = req.headersDistinct;
  const username = values(headers[config.headers.user])[0]?.trim();
  if (!username || isReservedName(username)) return null;
  const groups = values(headers[config.headers.groups]).flatMap((value) => value.split(',')).map((group) => group.trim()).filter(Boolean);
  const email = values(headers[config.headers.email])[0]?.trim();
  return impersonatedIdentity({ username, groups, ...(email ? { email } : {}) });
}

export function createAuthenticator(options: {
  config: AuthConfig;
  hosts: HostPolicy;
  publicUrl?: string;
  sealer: SessionSealer;
  /** oidc mode. */
  refresher?: OidcRefresher;
  /** A session ended other than by logout (oidc: its refresh failed): its sockets are closed. */
  onSessionEnded?: (sid: string) => void;
  now?: () => number;
}): Authenticator {
  const { config, hosts, sealer, refresher } = options;
  const now = options.now ?? Date.now;
  const revoked = new Map<string, number>();
  const used = new Map<string, number>();
  let prunedAt = now();
  const isHttps = (req: IncomingMessage) =>
    options.publicUrl?.startsWith('https:') ||
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    // The front door has already dropped X-Forwarded-Proto from anyone but a trusted proxy.
    values(req.headers['x-forwarded-proto'])[0]?.split(',').at(-1)?.trim() === 'https';

  const revoke = (session: Session) => {
    for (const [sid, until] of revoked) if (until <= now()) revoked.delete(sid);
    revoked.set(session.sid, sealer.endsAt(session));
  };
  /** oidc: the session with fresh tokens, or null (and the session ended everywhere on this replica). */
  const fresh = async (session: Session): Promise<Session | null> => {
    if (revoked.has(session.sid)) return null;
    if (!refresher) return session;
    const current = await refresher.fresh(session);
    if (current) return current;
    revoke(session);
    options.onSessionEnded?.(session.sid);
    return null;
  };
  const identityOf = (session: Session): Identity => {
    const { username, groups, email } = session;
    const user = { username, groups, ...(email ? { email } : {}) };
    if (config.mode === 'token') return tokenIdentity(user, session.token!, session.server!);
    if (config.oidc?.credential === 'impersonate') return impersonatedIdentity(user);
    // The socket of this session asks again at every upstream request: the token it sends is the newest.
    return sessionTokenIdentity(user, {
      sid: session.sid,
      server: session.server!,
      token: async () => {
        const current = await fresh(session);
        if (!current?.token) throw new BffError('Unauthenticated', 'the session ended: the identity provider refused to refresh it; log in again');
        return current.token;
      },
    });
  };

  return {
    isHttps,
    lastUse: (session) => Math.max(session.seenAt, used.get(session.sid) ?? 0),
    revoke,
    stillValid: async (session) => (await fresh(session)) !== null,
    async authenticate(req, res) {
      if (config.mode === 'proxy') {
        if (!hosts.isTrustedProxy(req.socket.remoteAddress)) return null;
        const identity = fromProxyHeaders(req, config);
        return identity ? { identity } : null;
      }
      if (config.mode !== 'token' && config.mode !== 'oidc') return null;
      const opened = await sealer.open(readSessionCookie(values(req.headers.cookie).join('; ')));
      // Impersonation (oidc) keeps no token; everything else sends one, to the server that accepted it.
      const needsToken = config.mode === 'token' || config.oidc?.credential === 'id-token';
      if (!opened || (needsToken && (!opened.token || !opened.server)) || revoked.has(opened.sid)) return null;
      const session = await fresh(opened);
      if (!session) return null;
      let current = session;
      if (res) {
        // One entry per session used recently; once a minute those idle past expiry go.
        if (now() - prunedAt >= 60_000) {
          prunedAt = now();
          for (const [sid, at] of used) if (prunedAt - at >= config.idleMs) used.delete(sid);
        }
        used.set(session.sid, now());
      }
      if (res && (sealer.needsRefresh(session) || session.tokensAt !== opened.tokensAt)) {
        current = { ...session, seenAt: now() };
        res.appendHeader('set-cookie', sessionCookie(await sealer.seal(current), { secure: isHttps(req), maxAgeMs: sealer.endsAt(current) - now() }));
      }
      return { identity: identityOf(current), session: current };
    },
  };
}
