import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readServerConfig } from './config';

const SECRET = 'a-session-secret-of-32-characters!';
const DEFAULT_AUTH = {
  mode: 'none',
  exposedWithoutLogin: false,
  idleMs: 3_600_000,
  absoluteMs: 43_200_000,
  headers: { user: 'x-forwarded-user', groups: 'x-forwarded-groups', email: 'x-forwarded-email' },
};

const TEAM_WATCHES = { mode: 'shared', recheckMs: 60_000 };

test('defaults: loopback only, port 3000, production, demo seed, no login', () => {
  assert.deepEqual(readServerConfig({}, []), { host: '127.0.0.1', port: 3000, dev: false, embeddedSeed: 'demo', trustedProxies: [], auth: DEFAULT_AUTH, readOnly: false, writeRateLimit: 120, teamWatches: TEAM_WATCHES, shutdownDelayMs: 0, logLevel: 'info' });
});

test('HOST, PORT, --dev and the seed are read from the environment', () => {
  const config = readServerConfig({ HOST: '0.0.0.0', PORT: '8080', PILOTHOUSE_EMBEDDED_SEED: 'empty', PILOTHOUSE_AUTH: 'none' }, ['node', 'server', '--dev']);
  assert.deepEqual(config, {
    host: '0.0.0.0',
    port: 8080,
    dev: true,
    embeddedSeed: 'empty',
    trustedProxies: [],
    auth: { ...DEFAULT_AUTH, exposedWithoutLogin: true },
    readOnly: false,
    writeRateLimit: 120,
    teamWatches: TEAM_WATCHES,
    shutdownDelayMs: 0,
    logLevel: 'info',
  });
  assert.equal(readServerConfig({ PILOTHOUSE_READ_ONLY: 'true' }, []).readOnly, true);
  assert.equal(readServerConfig({ PILOTHOUSE_WRITE_RATE_LIMIT: '30' }, []).writeRateLimit, 30);
  assert.deepEqual(readServerConfig({ PILOTHOUSE_TEAM_WATCHES: 'per-user', PILOTHOUSE_WATCH_RECHECK_MS: '5000' }, []).teamWatches, { mode: 'per-user', recheckMs: 5_000 });
  assert.equal(readServerConfig({ PILOTHOUSE_METRICS_PORT: '9464' }, []).metricsPort, 9464);
  assert.equal(readServerConfig({ PILOTHOUSE_LOG_LEVEL: 'debug' }, []).logLevel, 'debug');
});

test('bad values fail at start with a clear message', () => {
  assert.throws(() => readServerConfig({ PORT: 'eighty' }, []), /PORT must be a whole number from 0 to 65535, got "eighty"/);
  assert.throws(() => readServerConfig({ PORT: '70000' }, []), /PORT must be/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_EMBEDDED_SEED: 'scale' }, []), /PILOTHOUSE_EMBEDDED_SEED must be demo or empty, got "scale"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_AUTH: 'basic' }, []), /PILOTHOUSE_AUTH must be none, token, oidc or proxy, got "basic"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_READ_ONLY: 'yes' }, []), /PILOTHOUSE_READ_ONLY must be true or false, got "yes"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_LOG_LEVEL: 'verbose' }, []), /PILOTHOUSE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_METRICS_PORT: 'http' }, []), /PILOTHOUSE_METRICS_PORT must be a whole number from 0 to 65535, got "http"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_WRITE_RATE_LIMIT: '0' }, []), /PILOTHOUSE_WRITE_RATE_LIMIT must be a whole number of writes per minute/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_TEAM_WATCHES: 'identity' }, []), /PILOTHOUSE_TEAM_WATCHES must be shared or per-user, got "identity"/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_WATCH_RECHECK_MS: '10' }, []), /PILOTHOUSE_WATCH_RECHECK_MS must be a whole number of milliseconds, at least 1000/);
  const team = { PILOTHOUSE_AUTH: 'token', PILOTHOUSE_SESSION_SECRET: SECRET };
  assert.throws(() => readServerConfig({ ...team, PILOTHOUSE_SESSION_IDLE_MS: '10m' }, []), /PILOTHOUSE_SESSION_IDLE_MS must be a whole number of milliseconds/);
  assert.throws(() => readServerConfig({ ...team, PILOTHOUSE_SESSION_MAX_MS: '0' }, []), /PILOTHOUSE_SESSION_MAX_MS must be/);
  assert.throws(() => readServerConfig({ ...team, PILOTHOUSE_PROXY_USER_HEADER: 'X User' }, []), /PILOTHOUSE_PROXY_USER_HEADER must be an HTTP header name/);
});

test('the public URL is kept as an origin, trusted proxies as a list', () => {
  const config = readServerConfig({ PILOTHOUSE_PUBLIC_URL: 'https://Console.Example.com/pods', PILOTHOUSE_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' }, []);
  assert.equal(config.publicUrl, 'https://console.example.com');
  assert.deepEqual(config.trustedProxies, ['10.0.0.1', '10.1.0.0/16']);
  assert.throws(() => readServerConfig({ PILOTHOUSE_PUBLIC_URL: 'console.example.com' }, []), /PILOTHOUSE_PUBLIC_URL must be an http or https URL/);
});

test('a HOST others can reach needs a login mode, or an explicit PILOTHOUSE_AUTH=none', () => {
  for (const host of ['0.0.0.0', '::', '10.0.0.5', 'console.internal']) {
    assert.throws(() => readServerConfig({ HOST: host }, []), /PILOTHOUSE_AUTH is not set.*Set PILOTHOUSE_AUTH=token .* or PILOTHOUSE_AUTH=proxy .* or PILOTHOUSE_AUTH=none/s, host);
  }
  for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]']) {
    assert.equal(readServerConfig({ HOST: host }, []).auth.exposedWithoutLogin, false, host);
  }
  assert.equal(readServerConfig({ HOST: '0.0.0.0', PILOTHOUSE_AUTH: 'none' }, []).auth.exposedWithoutLogin, true);
  assert.equal(readServerConfig({ HOST: '0.0.0.0', PILOTHOUSE_AUTH: 'token', PILOTHOUSE_SESSION_SECRET: SECRET }, []).auth.mode, 'token');
});

test('team modes need a session secret of at least 32 characters, and the secret is never in the message', () => {
  assert.throws(() => readServerConfig({ PILOTHOUSE_AUTH: 'token' }, []), /PILOTHOUSE_AUTH=token needs PILOTHOUSE_SESSION_SECRET, at least 32 characters.*None is set/);
  assert.throws(
    () => readServerConfig({ PILOTHOUSE_AUTH: 'token', PILOTHOUSE_SESSION_SECRET: 'short-secret' }, []),
    (error: Error) => /The one set has 12\./.test(error.message) && !error.message.includes('short-secret'),
  );
  const config = readServerConfig({ PILOTHOUSE_AUTH: 'token', PILOTHOUSE_SESSION_SECRET: SECRET, PILOTHOUSE_SESSION_IDLE_MS: '60000', PILOTHOUSE_SESSION_MAX_MS: '120000' }, []);
  assert.deepEqual(config.auth, { ...DEFAULT_AUTH, mode: 'token', sessionSecret: SECRET, idleMs: 60_000, absoluteMs: 120_000 });
  // Not kept where it is not used.
  assert.equal(readServerConfig({ PILOTHOUSE_SESSION_SECRET: SECRET }, []).auth.sessionSecret, undefined);
});

test('proxy mode needs trusted proxies, parsed as the host policy parses them, and takes its header names', () => {
  const proxy = { PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_SESSION_SECRET: SECRET };
  assert.throws(() => readServerConfig(proxy, []), /PILOTHOUSE_AUTH=proxy needs PILOTHOUSE_TRUSTED_PROXIES/);
  assert.throws(() => readServerConfig({ ...proxy, PILOTHOUSE_TRUSTED_PROXIES: '10.0.0.0/33' }, []), /PILOTHOUSE_TRUSTED_PROXIES must list IP addresses or CIDRs/);
  const config = readServerConfig(
    { ...proxy, PILOTHOUSE_TRUSTED_PROXIES: '10.0.0.1', PILOTHOUSE_PROXY_USER_HEADER: 'X-Auth-Request-User', PILOTHOUSE_PROXY_GROUPS_HEADER: 'X-Auth-Request-Groups' },
    [],
  );
  assert.equal(config.auth.mode, 'proxy');
  assert.deepEqual(config.auth.headers, { user: 'x-auth-request-user', groups: 'x-auth-request-groups', email: 'x-forwarded-email' });
});

test('oidc mode names the first setting it misses, reads the client secret from a file, and defaults as kube-apiserver does', () => {
  const base = { PILOTHOUSE_AUTH: 'oidc', PILOTHOUSE_SESSION_SECRET: SECRET };
  assert.throws(() => readServerConfig({ PILOTHOUSE_AUTH: 'oidc' }, []), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_SESSION_SECRET/);
  assert.throws(() => readServerConfig(base, []), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_ISSUER/);
  assert.throws(() => readServerConfig({ ...base, PILOTHOUSE_OIDC_ISSUER: 'http://idp.example' }, []), /PILOTHOUSE_OIDC_ISSUER must be an https URL/);
  const issuer = { ...base, PILOTHOUSE_OIDC_ISSUER: 'https://idp.example/realms/team' };
  assert.throws(() => readServerConfig(issuer, []), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_CLIENT_ID/);
  assert.throws(() => readServerConfig({ ...issuer, PILOTHOUSE_OIDC_CLIENT_ID: 'console' }, []), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_PUBLIC_URL/);
  const complete = { ...issuer, PILOTHOUSE_OIDC_CLIENT_ID: 'console', PILOTHOUSE_PUBLIC_URL: 'https://console.example/' };
  assert.deepEqual(readServerConfig(complete, []).auth.oidc, {
    issuer: 'https://idp.example/realms/team',
    clientId: 'console',
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    credential: 'id-token',
    usernameClaim: 'sub',
    usernamePrefix: 'https://idp.example/realms/team#',
    groupsClaim: 'groups',
    groupsPrefix: '',
    providerName: 'idp.example',
    publicUrl: 'https://console.example',
  });
  const dir = mkdtempSync(join(tmpdir(), 'pilothouse-oidc-'));
  writeFileSync(join(dir, 'secret'), 's3cret-from-a-kubernetes-secret\n');
  const impersonating = readServerConfig(
    {
      ...complete,
      PILOTHOUSE_OIDC_CLIENT_SECRET_FILE: join(dir, 'secret'),
      PILOTHOUSE_OIDC_CREDENTIAL: 'impersonate',
      PILOTHOUSE_OIDC_USERNAME_CLAIM: 'email',
      PILOTHOUSE_OIDC_GROUPS_PREFIX: 'oidc:',
      PILOTHOUSE_OIDC_SCOPES: 'openid groups',
      PILOTHOUSE_OIDC_PROVIDER_NAME: 'Keycloak',
    },
    [],
  ).auth.oidc;
  assert.equal(impersonating?.clientSecret, 's3cret-from-a-kubernetes-secret');
  assert.equal(impersonating?.usernamePrefix, '', 'no prefix before email, as kube-apiserver');
  assert.deepEqual([impersonating?.credential, impersonating?.groupsPrefix, impersonating?.providerName, impersonating?.scopes], ['impersonate', 'oidc:', 'Keycloak', ['openid', 'groups']]);
  assert.throws(() => readServerConfig({ ...complete, PILOTHOUSE_OIDC_CLIENT_SECRET_FILE: join(dir, 'missing') }, []), /PILOTHOUSE_OIDC_CLIENT_SECRET_FILE=.*missing cannot be read/);
  assert.throws(() => readServerConfig({ ...complete, PILOTHOUSE_OIDC_CREDENTIAL: 'bearer' }, []), /PILOTHOUSE_OIDC_CREDENTIAL must be id-token or impersonate/);
  assert.throws(() => readServerConfig({ ...complete, PILOTHOUSE_OIDC_SCOPES: 'email' }, []), /must include openid/);
  assert.equal(readServerConfig({ ...complete, PILOTHOUSE_OIDC_USERNAME_PREFIX: '-' }, []).auth.oidc?.usernamePrefix, '');
});
