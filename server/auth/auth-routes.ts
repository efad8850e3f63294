import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOGIN_PATH, LOGOUT_PATH, OIDC_CALLBACK_PATH, OIDC_LOGIN_PATH, WHOAMI_PATH, type WhoAmI } from '@/lib/contract/auth';
import { safeReturnPath } from '@/lib/contract/return-path';
import type { ContextRegistry } from '@/lib/server/contexts/registry-types';
import { BffError } from '@/lib/server/errors';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import { writeStatus } from '@/lib/server/http/node-status';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';
import { requestIdOf } from '../log/request-log';
import type { AuditLog } from '../writes/audit-log';
import type { AuthConfig } from './auth-config';
import type { Authenticator } from './authenticate';
import type { LoginLimiter } from './login-limiter';
import type { OidcClient } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import type { createFlowCookies } from './oidc-flow-cookie';
import { oidcCallback, oidcLogin } from './oidc-routes';
import { clearedSessionCookie, MAX_COOKIE_VALUE_BYTES, sessionCookie, type SessionSealer } from './session-cookie';
import { reviewToken } from './token-review';

export interface AuthRoutesOptions {
  config: AuthConfig;
  authenticator: Authenticator;
  sealer: SessionSealer;
  hosts: HostPolicy;
  contexts: ContextRegistry;
  limiter: LoginLimiter;
  /** Every login (refused ones too) and logout gets an audit line. */
  audit: AuditLog;
  /** Called when a session ends by logout, to close its sockets. */
  onSessionEnded: (sid: string) => void;
  /** oidc mode: the relying party and its flow cookies. */
  oidc?: { config: OidcConfig; client: OidcClient; flows: ReturnType<typeof createFlowCookies> };
}

export const AUTH_ROUTES = [LOGIN_PATH, LOGOUT_PATH, WHOAMI_PATH, OIDC_LOGIN_PATH, OIDC_CALLBACK_PATH];
/** A bearer token is a few KiB at most (a service-account JWT, an OIDC ID token). */
const MAX_LOGIN_BODY_BYTES = 16 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new BffError('UnsupportedMediaType', 'the login request must be JSON');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_LOGIN_BODY_BYTES) throw new BffError('BodyTooLarge', `the login request is larger than ${MAX_LOGIN_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new BffError('InvalidInput', 'the login request must be a JSON object with a token');
}

function sameOrigin(req: IncomingMessage, hosts: HostPolicy): void {
  const headers = { get: (name: string) => [req.headers[name]].flat()[0] ?? null };
  assertSameOrigin({ method: req.method ?? 'GET', headers }, { isAllowedOrigin: (origin) => hosts.isAllowedOrigin(origin) });
}

const json = (res: ServerResponse, code: number, body: unknown) =>
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/** Who a login or logout was for, as far as it got: for its audit line. */
export interface Actor {
  username?: string;
  groups?: string[];
  context?: string;
  /** The result when the answer's status does not say it (a refused oidc callback redirects to the login page). */
  code?: number;
}

/** POST /api/auth/login - token mode: checks the token with the cluster and starts a session. */
async function login(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions, actor: Actor): Promise<void> {
  if (options.config.mode !== 'token') {
    const where = options.config.mode === 'oidc' ? `the identity provider (${OIDC_LOGIN_PATH})` : 'the authenticating proxy';
    throw new BffError('PathNotProxied', `PILOTHOUSE_AUTH=${options.config.mode} has no token login: log in at ${where}`);
  }
  sameOrigin(req, options.hosts);
  await options.limiter.assertAllowed(req, res);
  const body = await readJson(req);
  const token = typeof body.token === 'string' ? body.token.trim() : '';
  if (!token) throw new BffError('InvalidInput', 'paste a bearer token to log in');
  const name = options.contexts.defaultContext();
  if (!name) throw new BffError('ContextUnavailable', 'the console has no default context to check the token with');
  actor.context = name;
  // Only the cluster's address and CA are used: the review goes out with the user's token alone.
  const cluster = (await options.contexts.resolve(name)).kubeConfig;
  const user = await reviewToken(cluster, token).catch(async (error: unknown) => {
    if ((error as BffError).code === 'Unauthenticated') await options.limiter.failed(req);
    throw error;
  });
  Object.assign(actor, { username: user.username, groups: user.groups });
  const session = options.sealer.start({ ...user, token });
  const sealed = await options.sealer.seal(session);
  // Browsers keep cookies of up to 4 KiB and silently drop larger ones: the user would be sent back to log in forever.
  if (sealed.length > MAX_COOKIE_VALUE_BYTES) throw new BffError('InvalidInput', `this token (with its ${user.groups.length} groups) is too large to keep in a session cookie`);
  res.setHeader('set-cookie', sessionCookie(sealed, { secure: options.authenticator.isHttps(req), maxAgeMs: options.sealer.endsAt(session) - session.authAt }));
  json(res, 200, { next: safeReturnPath(body.next), username: user.username, groups: user.groups });
}

/** POST /api/auth/logout - ends the session: the cookie is cleared, its sockets closed, and the session refused on this replica. */
async function logout(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions, actor: Actor): Promise<void> {
  sameOrigin(req, options.hosts);
  const authenticated = await options.authenticator.authenticate(req);
  if (authenticated) Object.assign(actor, { username: authenticated.identity.username, groups: authenticated.identity.groups });
  if (authenticated?.session) {
    options.authenticator.revoke(authenticated.session);
    options.onSessionEnded(authenticated.session.sid);
  }
  res.setHeader('set-cookie', clearedSessionCookie({ secure: options.authenticator.isHttps(req) }));
  res.writeHead(204, { 'cache-control': 'no-store' }).end();
}

/** GET /api/auth/whoami - the session's user, for the user menu. Never the token. */
async function whoami(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions): Promise<void> {
  const authenticated = await options.authenticator.authenticate(req, res);
  if (!authenticated) throw new BffError('Unauthenticated', 'no session: log in first');
  const { username, groups, email } = authenticated.identity;
  const body: WhoAmI = { mode: options.config.mode, username, groups, ...(email ? { email } : {}) };
  json(res, 200, body);
}

const ROUTES: Record<string, { method: string; handle: typeof login; audit?: 'login' | 'logout' }> = {
  [LOGIN_PATH]: { method: 'POST', handle: login, audit: 'login' },
  [LOGOUT_PATH]: { method: 'POST', handle: logout, audit: 'logout' },
  [WHOAMI_PATH]: { method: 'GET', handle: whoami },
  [OIDC_LOGIN_PATH]: { method: 'GET', handle: oidcLogin },
  [OIDC_CALLBACK_PATH]: { method: 'GET', handle: oidcCallback, audit: 'login' },
};

/** Answers the login flow's own routes; `pathname` is one of `AUTH_ROUTES`. */
export async function handleAuthRoute(req: IncomingMessage, res: ServerResponse, pathname: string, options: AuthRoutesOptions): Promise<void> {
  const route = ROUTES[pathname];
  const actor: Actor = {};
  const requestId = requestIdOf(req);
  if (route.audit) res.setHeader('x-request-id', requestId);
  try {
    if (req.method !== route.method) throw new BffError('MethodNotAllowed', `${pathname} takes ${route.method}`);
    await route.handle(req, res, options, actor);
  } catch (error) {
    if (!res.headersSent) writeStatus(res, error);
    else res.destroy();
  }
  if (route.audit) {
    const { username, groups, context, code } = actor;
    options.audit.record({ event: route.audit, user: username ?? null, groups: groups ?? [], ...(context ? { context } : {}), code: code ?? res.statusCode, requestId });
  }
}
