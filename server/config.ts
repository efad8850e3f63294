import { readAuthConfig, type AuthConfig } from './auth/auth-config';
import { isSeedName, type SeedName } from './embedded-cluster';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './log/server-log';

/** The server's settings, read once from the environment. Each one is listed in the README. */
export interface ServerConfig {
  host: string;
  port: number;
  dev: boolean;
  /** What the embedded cluster holds at start (`PILOTHOUSE_EMBEDDED_SEED`): the chapter's demo by default. */
  embeddedSeed: Exclude<SeedName, 'scale'>;
  /** `PILOTHOUSE_PUBLIC_URL`: the address users open when it is not localhost (its host is answered too). */
  publicUrl?: string;
  /** `PILOTHOUSE_TRUSTED_PROXIES`: addresses or CIDRs whose `X-Forwarded-Host` is believed (none by default). */
  trustedProxies: string[];
  /** `PILOTHOUSE_AUTH` and the session and proxy settings of the team modes. */
  auth: AuthConfig;
  /** `PILOTHOUSE_READ_ONLY=true`: no write reaches any cluster, and the UI offers none. */
  readOnly: boolean;
  /** `PILOTHOUSE_WRITE_RATE_LIMIT`: writes a session identity may make per minute. */
  writeRateLimit: number;
  /** `PILOTHOUSE_TEAM_WATCHES` and `PILOTHOUSE_WATCH_RECHECK_MS`: how team-mode subscriptions share upstream watches. */
  teamWatches: TeamWatches;
  /** `PILOTHOUSE_SHUTDOWN_DELAY_MS`: how long it goes on serving, not ready, after SIGTERM. */
  shutdownDelayMs: number;
  /** `PILOTHOUSE_METRICS_PORT`: a port of its own for `/metrics`, answered without a session (none by default). */
  metricsPort?: number;
  /** `PILOTHOUSE_LOG_LEVEL`: the least severe level the server's own log writes (audit lines are always written). */
  logLevel: LogLevel;
}

/**
 * `shared`: one upstream watch per context and path under the console's identity, each subscription
 * authorized by a SubjectAccessReview and re-checked every `recheckMs` and on RBAC changes (where the
 * console may not watch a path, per user as below). `per-user`: one upstream watch per user, context and path.
 */
export interface TeamWatches {
  mode: 'shared' | 'per-user';
  recheckMs: number;
}

/** Enough for a person clicking fast or a bulk delete of a page of rows; not for a script flooding the API server. */
export const DEFAULT_WRITE_RATE_LIMIT = 120;

function readOnly(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`PILOTHOUSE_READ_ONLY must be true or false, got ${JSON.stringify(value)}`);
}

function writeRateLimit(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_WRITE_RATE_LIMIT;
  const perMinute = Number(value);
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`PILOTHOUSE_WRITE_RATE_LIMIT must be a whole number of writes per minute, at least 1, got ${JSON.stringify(value)}`);
  return perMinute;
}

function teamWatches(mode: string | undefined, recheck: string | undefined): TeamWatches {
  if (mode !== undefined && mode !== '' && mode !== 'shared' && mode !== 'per-user') {
    throw new Error(`PILOTHOUSE_TEAM_WATCHES must be shared or per-user, got ${JSON.stringify(mode)}`);
  }
  const recheckMs = recheck === undefined || recheck === '' ? 60_000 : Number(recheck);
  if (!Number.isInteger(recheckMs) || recheckMs < 1_000) throw new Error(`PILOTHOUSE_WATCH_RECHECK_MS must be a whole number of milliseconds, at least 1000, got ${JSON.stringify(recheck)}`);
  return { mode: mode === 'per-user' ? 'per-user' : 'shared', recheckMs };
}

function shutdownDelayMs(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`PILOTHOUSE_SHUTDOWN_DELAY_MS must be a whole number of milliseconds, got ${JSON.stringify(value)}`);
  return ms;
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!isLogLevel(value)) throw new Error(`PILOTHOUSE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

function metricsPort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PILOTHOUSE_METRICS_PORT must be a whole number from 0 to 65535, got ${JSON.stringify(value)}`);
  return port;
}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new Error(`PILOTHOUSE_PUBLIC_URL must be an http or https URL such as https://console.example.com, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

function embeddedSeed(value: string | undefined): Exclude<SeedName, 'scale'> {
  if (value === undefined || value === '') return 'demo';
  if (!isSeedName(value) || value === 'scale') throw new Error(`PILOTHOUSE_EMBEDDED_SEED must be demo or empty, got ${JSON.stringify(value)}`);
  return value;
}

export function readServerConfig(env: Record<string, string | undefined> = process.env, argv: string[] = process.argv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  // Secure by default: only this machine can reach the console unless HOST says otherwise.
  const host = env.HOST || '127.0.0.1';
  const trustedProxies = (env.PILOTHOUSE_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return {
    host,
    port,
    dev: argv.includes('--dev') || env.NODE_ENV === 'development',
    embeddedSeed: embeddedSeed(env.PILOTHOUSE_EMBEDDED_SEED),
    ...(env.PILOTHOUSE_PUBLIC_URL ? { publicUrl: publicUrl(env.PILOTHOUSE_PUBLIC_URL) } : {}),
    trustedProxies,
    auth: readAuthConfig(env, host, trustedProxies),
    readOnly: readOnly(env.PILOTHOUSE_READ_ONLY),
    writeRateLimit: writeRateLimit(env.PILOTHOUSE_WRITE_RATE_LIMIT),
    teamWatches: teamWatches(env.PILOTHOUSE_TEAM_WATCHES, env.PILOTHOUSE_WATCH_RECHECK_MS),
    shutdownDelayMs: shutdownDelayMs(env.PILOTHOUSE_SHUTDOWN_DELAY_MS),
    ...(env.PILOTHOUSE_METRICS_PORT ? { metricsPort: metricsPort(env.PILOTHOUSE_METRICS_PORT) } : {}),
    logLevel: logLevel(env.PILOTHOUSE_LOG_LEVEL),
  };
}
