import { isIP } from 'node:net';
import { AUTH_MODES, type AuthMode } from '@/lib/contract/auth';
import { trustedProxyList } from '@/lib/server/http/host-policy';
import { readOidcConfig, type OidcConfig } from './oidc-config';

/** The request headers an authenticating proxy names its user in (oauth2-proxy's names by default). */
export interface IdentityHeaders {
  user: string;
  groups: string;
  email: string;
}

export interface AuthConfig {
  mode: AuthMode;
  /**
   * True when the console serves without login on an address other machines can reach, because
   * `PILOTHOUSE_AUTH=none` said so: it warns at every start and every page shows a banner.
   */
  exposedWithoutLogin: boolean;
  /** `PILOTHOUSE_SESSION_SECRET`: seals session cookies; shared by replicas so they share sessions. */
  sessionSecret?: string;
  /** `PILOTHOUSE_SESSION_IDLE_MS`: a session unused this long ends. */
  idleMs: number;
  /** `PILOTHOUSE_SESSION_MAX_MS`: a session ends this long after its login, used or not. */
  absoluteMs: number;
  /** `PILOTHOUSE_PROXY_*_HEADER`, lower case (Node's request headers are). */
  headers: IdentityHeaders;
  /** `PILOTHOUSE_OIDC_*`, in oidc mode only. */
  oidc?: OidcConfig;
}

const MODES: readonly string[] = AUTH_MODES;
/** Long enough that guessing it is out of reach: 32 characters, e.g. `openssl rand -base64 32`. */
export const MIN_SESSION_SECRET_LENGTH = 32;
const HOUR_MS = 3_600_000;

/** `127.0.0.0/8`, `::1` and `localhost`: only this machine can reach them. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

function duration(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000) throw new Error(`${name} must be a whole number of milliseconds, at least 1000, got ${JSON.stringify(value)}`);
  return ms;
}

function headerName(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const value = env[name] || fallback;
  // RFC 9110 token characters: anything else can never arrive as a header name.
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value)) throw new Error(`${name} must be an HTTP header name, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/**
 * Reads the team-mode settings and refuses the combinations that would expose a cluster: no login on an
 * address others can reach (unless `PILOTHOUSE_AUTH=none` says so on purpose), a team mode without a
 * session secret, a proxy mode that trusts no proxy.
 */
export function readAuthConfig(env: Record<string, string | undefined>, host: string, trustedProxies: readonly string[]): AuthConfig {
  const raw = env.PILOTHOUSE_AUTH ?? '';
  if (raw !== '' && !MODES.includes(raw)) throw new Error(`PILOTHOUSE_AUTH must be none, token, oidc or proxy, got ${JSON.stringify(raw)}`);
  const mode = (raw || 'none') as AuthMode;
  const loopback = isLoopbackHost(host);
  if (raw === '' && !loopback) {
    throw new Error(
      `HOST=${host} lets other machines reach the console, and PILOTHOUSE_AUTH is not set, so anyone could act with the console's credentials. ` +
        'Set PILOTHOUSE_AUTH=token (users log in with a token the cluster accepts), PILOTHOUSE_AUTH=oidc (users log in at your identity provider) ' +
        'or PILOTHOUSE_AUTH=proxy (behind an authenticating proxy), ' +
        'or PILOTHOUSE_AUTH=none to serve without login on purpose.',
    );
  }
  const sessionSecret = env.PILOTHOUSE_SESSION_SECRET || undefined;
  if (mode !== 'none' && (!sessionSecret || sessionSecret.length < MIN_SESSION_SECRET_LENGTH)) {
    throw new Error(
      `PILOTHOUSE_AUTH=${mode} needs PILOTHOUSE_SESSION_SECRET, at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. the output of \`openssl rand -base64 32\`), ` +
        `the same on every replica: it seals the session cookies. ${sessionSecret ? `The one set has ${sessionSecret.length}.` : 'None is set.'}`,
    );
  }
  if (mode === 'proxy') {
    trustedProxyList(trustedProxies); // throws on a bad entry, with the setting's name
    if (trustedProxies.length === 0) {
      throw new Error('PILOTHOUSE_AUTH=proxy needs PILOTHOUSE_TRUSTED_PROXIES: the addresses or CIDRs of the authenticating proxy, the only peers whose identity headers are believed');
    }
  }
  const oidc = mode === 'oidc' ? readOidcConfig(env) : undefined;
  const idleMs = duration(env, 'PILOTHOUSE_SESSION_IDLE_MS', HOUR_MS);
  const absoluteMs = duration(env, 'PILOTHOUSE_SESSION_MAX_MS', 12 * HOUR_MS);
  return {
    mode,
    exposedWithoutLogin: mode === 'none' && !loopback,
    ...(sessionSecret && mode !== 'none' ? { sessionSecret } : {}),
    idleMs,
    absoluteMs,
    headers: {
      user: headerName(env, 'PILOTHOUSE_PROXY_USER_HEADER', 'X-Forwarded-User'),
      groups: headerName(env, 'PILOTHOUSE_PROXY_GROUPS_HEADER', 'X-Forwarded-Groups'),
      email: headerName(env, 'PILOTHOUSE_PROXY_EMAIL_HEADER', 'X-Forwarded-Email'),
    },
    ...(oidc ? { oidc } : {}),
  };
}
