import { oidcGroups } from '@/lib/k8s/oidc-claims';
import { OidcError, type OidcClient, type OidcTokens } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import type { Session } from './session-cookie';

/** A session is refreshed when its ID token has less than this left: on the next request or socket use. */
export const REFRESH_MARGIN_MS = 60_000;

export interface OidcRefresher {
  /**
   * The session with its newest tokens: those this replica refreshed since its cookie was sealed, or new ones
   * from the identity provider when the ID token is within `REFRESH_MARGIN_MS` of expiring. Null when the
   * session is over: the provider refused the refresh, or the ID token expired with nothing to refresh it.
   */
  fresh(session: Session): Promise<Session | null>;
}

type Refreshed = Pick<Session, 'token' | 'refreshToken' | 'tokenExpiresAt' | 'tokensAt' | 'groups'>;

/**
 * Refreshes oidc sessions before their ID token expires. The cookie (sealed again on the next HTTP answer)
 * and this replica's memory both keep the result; memory also serves the sockets, which have no cookie to
 * update, and keeps two concurrent uses of one session from redeeming its refresh token twice (a provider
 * that rotates refresh tokens would take the second for a replay and end the grant).
 */
export function createOidcRefresher(options: {
  client: OidcClient;
  config: OidcConfig;
  /** The longest a session lives: newer tokens are kept that long at most. */
  absoluteMs: number;
  log: Pick<Console, 'warn'>;
  now?: () => number;
}): OidcRefresher {
  const now = options.now ?? Date.now;
  const latest = new Map<string, Refreshed>();
  const inflight = new Map<string, Promise<Session | null>>();

  const remember = (sid: string, refreshed: Refreshed) => {
    for (const [other, entry] of latest) if ((entry.tokensAt ?? 0) + options.absoluteMs <= now()) latest.delete(other);
    latest.set(sid, refreshed);
  };

  async function refresh(session: Session): Promise<Session | null> {
    const expired = (session.tokenExpiresAt ?? 0) <= now();
    if (!session.refreshToken) {
      if (!expired) return session;
      options.log.warn(`oidc: the session of ${JSON.stringify(session.username)} ended: its ID token expired and the provider gave no refresh token (PILOTHOUSE_OIDC_SCOPES without offline_access?)`);
      return null;
    }
    let tokens: OidcTokens;
    try {
      tokens = await options.client.refresh(session.refreshToken);
    } catch (error) {
      const failure = error instanceof OidcError ? error : new OidcError((error as Error).message, false);
      // The provider unreachable for a moment does not end a session whose token still works.
      if (!failure.refused && !expired) return session;
      options.log.warn(`oidc: the session of ${JSON.stringify(session.username)} ended: the identity provider refused its refresh (${failure.message})`);
      return null;
    }
    const refreshed: Refreshed = {
      // Impersonation sends no token: the cookie keeps none.
      ...(options.config.credential === 'id-token' ? { token: tokens.idToken } : {}),
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      tokenExpiresAt: tokens.expiresAt,
      tokensAt: now(),
      // Impersonated groups follow the provider's: a user removed from a group loses its rights at the next refresh.
      groups: options.config.credential === 'impersonate' ? oidcGroups(tokens.claims, options.config) : session.groups,
    };
    remember(session.sid, refreshed);
    return { ...session, ...refreshed };
  }

  return {
    async fresh(cookie) {
      const known = latest.get(cookie.sid);
      // A refresh token is good once (providers rotate them): the newest copy must be the one redeemed.
      const session = known && (known.tokensAt ?? 0) > (cookie.tokensAt ?? 0) ? { ...cookie, ...known } : cookie;
      if ((session.tokenExpiresAt ?? 0) - now() > REFRESH_MARGIN_MS) return session;
      let pending = inflight.get(session.sid);
      if (!pending) {
        pending = refresh(session).finally(() => inflight.delete(session.sid));
        inflight.set(session.sid, pending);
      }
      return pending;
    },
  };
}
