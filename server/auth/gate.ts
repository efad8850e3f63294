import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOGIN_PAGE } from '@/lib/contract/auth';
import { SOCKET_PATH } from '@/lib/contract/socket-events';
import { IDENTITY_REF_HEADER, type Identity } from '@/lib/server/auth/identity';
import type { ContextRegistry } from '@/lib/server/contexts/registry-types';
import { BffError } from '@/lib/server/errors';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import { writeStatus } from '@/lib/server/http/node-status';
import { PROBE_PATHS } from '../front-door';
import type { AuditLog } from '../writes/audit-log';
import type { AuthConfig } from './auth-config';
import { AUTH_ROUTES, handleAuthRoute } from './auth-routes';
import { createAuthenticator, type Authenticated, type Authenticator } from './authenticate';
import { createLoginLimiter } from './login-limiter';
import { createOidcClient } from './oidc-client';
import { createFlowCookies } from './oidc-flow-cookie';
import { createOidcRefresher } from './oidc-refresh';
import { createSessionSealer, type SessionSealer } from './session-cookie';

/** The probes, favicons and Next's hashed build files: public, and nothing in them depends on who asks. */
const PUBLIC_FILES = new Set([...PROBE_PATHS, '/icon.svg', '/favicon.ico']);
const STATIC_PREFIX = '/_next/static/';

export interface AuthGate {
  /** Runs after the front door for every HTTP request (socket.io's included); true when it answered. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** socket.io's handshake check: true when the handshake carries a session (the identity is kept for the socket). */
  authenticateHandshake(req: IncomingMessage): Promise<boolean>;
  /** What a handshake authenticated, for `attachSocketSessions`. */
  handshake(req: IncomingMessage): Authenticated | undefined;
  /** The identities of in-flight requests, for route handlers (through the runtime registry). */
  identities: { get(ref: string): Identity | undefined };
  sealer: SessionSealer;
  authenticator: Authenticator;
  /** `PILOTHOUSE_SESSION_IDLE_MS`. */
  idleMs: number;
  /** Set by `attachSocketSessions`: closes a session's sockets when it ends. */
  onSessionEnded: (sid: string) => void;
}

/** The request target's path exactly as sent: public paths are matched on it, before any normalization. */
const rawPath = (url: string) => url.split('?')[0];

function isPublic(path: string, config: AuthConfig): boolean {
  if (PUBLIC_FILES.has(path)) return true;
  if (path === LOGIN_PAGE) return config.mode === 'token' || config.mode === 'oidc';
  if (!path.startsWith(STATIC_PREFIX)) return false;
  // `/_next/static/../api/...` (raw or percent-encoded) must not pass as a static file.
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return !decoded.includes('..') && !decoded.includes('\\');
}

/** A page load goes to the login page with the page it asked for; everything else gets a 401 Status. */
function refuse(req: IncomingMessage, res: ServerResponse, config: AuthConfig): void {
  const url = req.url ?? '/';
  const path = rawPath(url);
  const page = (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && !path.startsWith(SOCKET_PATH) && req.headers.rsc === undefined;
  if (config.mode !== 'proxy' && page) {
    res.writeHead(303, { location: `${LOGIN_PAGE}?next=${encodeURIComponent(url)}`, 'cache-control': 'no-store' }).end();
    return;
  }
  const message =
    config.mode !== 'proxy'
      ? `this request has no valid session: log in at ${LOGIN_PAGE}`
      : `no identity from the authenticating proxy: requests must come through it (PILOTHOUSE_TRUSTED_PROXIES) with ${config.headers.user}`;
  writeStatus(res, new BffError('Unauthenticated', message));
}

/**
 * The session gate of the team modes: no route, page, API or socket answers without a valid session, except
 * /healthz and /readyz, the login flow and static assets. An authenticated request carries its identity to Next's route
 * handlers as a reference into `identities`, never as a value a client could set.
 */
export function createAuthGate(options: { config: AuthConfig; hosts: HostPolicy; publicUrl?: string; contexts: ContextRegistry; audit: AuditLog }): AuthGate {
  const { config, hosts } = options;
  if (!config.sessionSecret) throw new Error('a team mode needs a session secret');
  const sealer = createSessionSealer({ secret: config.sessionSecret, idleMs: config.idleMs, absoluteMs: config.absoluteMs });
  const oidc = config.oidc && { config: config.oidc, client: createOidcClient(config.oidc), flows: createFlowCookies(config.sessionSecret) };
  const refresher = oidc && createOidcRefresher({ client: oidc.client, config: oidc.config, absoluteMs: config.absoluteMs, log: console });
  const authenticator = createAuthenticator({ config, hosts, publicUrl: options.publicUrl, sealer, refresher, onSessionEnded: (sid) => gate.onSessionEnded(sid) });
  const limiter = createLoginLimiter(hosts);
  const identities = new Map<string, Identity>();
  const handshakes = new WeakMap<IncomingMessage, Authenticated>();

  const gate: AuthGate = {
    identities,
    sealer,
    authenticator,
    idleMs: config.idleMs,
    onSessionEnded: () => {},
    handshake: (req) => handshakes.get(req),
    async authenticateHandshake(req) {
      const authenticated = await authenticator.authenticate(req);
      if (authenticated) handshakes.set(req, authenticated);
      return authenticated !== null;
    },
    async handle(req, res) {
      delete req.headers[IDENTITY_REF_HEADER];
      // Identity headers from anyone but a trusted proxy are a forgery: Next must not see them either.
      if (config.mode === 'proxy' && !hosts.isTrustedProxy(req.socket.remoteAddress)) {
        for (const name of Object.values(config.headers)) delete req.headers[name];
      }
      // A team console reached over HTTPS must never be reached over plain HTTP again: the session cookie
      // would travel in clear text on a downgraded connection.
      if (authenticator.isHttps(req)) res.setHeader('strict-transport-security', 'max-age=31536000');
      const path = rawPath(req.url ?? '/');
      if (AUTH_ROUTES.includes(path)) {
        await handleAuthRoute(req, res, path, { config, authenticator, sealer, hosts, contexts: options.contexts, limiter, audit: options.audit, onSessionEnded: (sid) => gate.onSessionEnded(sid), oidc });
        return true;
      }
      if (isPublic(path, config)) return false;
      // socket.io's own requests (long polling) are not use: they would keep an unattended session alive.
      const authenticated = await authenticator.authenticate(req, path.startsWith(SOCKET_PATH) ? undefined : res);
      if (!authenticated) {
        refuse(req, res, config);
        return true;
      }
      const ref = randomUUID();
      identities.set(ref, authenticated.identity);
      req.headers[IDENTITY_REF_HEADER] = ref;
      res.once('close', () => identities.delete(ref));
      return false;
    },
  };
  return gate;
}
