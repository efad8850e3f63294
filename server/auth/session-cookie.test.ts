import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearedSessionCookie, createSessionSealer, readSessionCookie, sessionCookie } from './session-cookie';

const SECRET = 'a-session-secret-of-32-characters!';
const MINUTE = 60_000;

function clock(start = Date.parse('2026-12-02T12:00:00Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

test('a sealed session opens with the same secret and keeps what it holds; the token is not readable in the cookie', async () => {
  const time = clock();
  const sealer = createSessionSealer({ secret: SECRET, idleMs: 10 * MINUTE, absoluteMs: 60 * MINUTE, now: time.now });
  const session = sealer.start({ username: 'alice', groups: ['developers', 'system:authenticated'], token: 'secret-bearer-token' });
  const value = await sealer.seal(session);
  assert.equal(value.split('.').length, 5, 'a compact JWE');
  assert.ok(!Buffer.from(value.replace(/\./g, ''), 'base64url').toString('latin1').includes('secret-bearer-token'));
  assert.ok(!value.includes('alice'));
  assert.deepEqual(await sealer.open(value), session);
});

test('an oidc session keeps its ID and refresh token, their expiry and when they were obtained, none readable in the cookie', async () => {
  const time = clock();
  const sealer = createSessionSealer({ secret: SECRET, idleMs: 10 * MINUTE, absoluteMs: 60 * MINUTE, now: time.now });
  const tokens = { token: 'eyJ.id-token.sig', server: 'https://api.example', refreshToken: 'refresh-token-value', tokenExpiresAt: time.now() + 5 * MINUTE, tokensAt: time.now() };
  const session = sealer.start({ username: 'alice', groups: ['developers'], email: 'alice@example.com', ...tokens });
  const value = await sealer.seal(session);
  assert.deepEqual(await sealer.open(value), session);
  assert.ok(!value.includes('refresh-token-value') && !Buffer.from(value.replace(/\./g, ''), 'base64url').toString('latin1').includes('refresh-token-value'));
});

test('another secret, a changed byte or garbage does not open', async () => {
  const sealer = createSessionSealer({ secret: SECRET, idleMs: MINUTE, absoluteMs: 10 * MINUTE });
  const other = createSessionSealer({ secret: `${SECRET}-other`, idleMs: MINUTE, absoluteMs: 10 * MINUTE });
  const value = await sealer.seal(sealer.start({ username: 'alice', groups: [] }));
  assert.equal(await other.open(value), null);
  const parts = value.split('.');
  const tampered = [...parts.slice(0, 3), parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA'), parts[4]].join('.');
  assert.equal(await sealer.open(tampered), null);
  assert.equal(await sealer.open('not-a-session'), null);
  assert.equal(await sealer.open(undefined), null);
});

test('idle expiry: unused for the idle time, the session ends; refreshed in use, it lives on', async () => {
  const time = clock();
  const sealer = createSessionSealer({ secret: SECRET, idleMs: 10 * MINUTE, absoluteMs: 60 * MINUTE, now: time.now });
  let session = sealer.start({ username: 'alice', groups: [] });
  const first = await sealer.seal(session);
  time.advance(MINUTE);
  assert.equal(sealer.needsRefresh(session), true);
  session = { ...session, seenAt: time.now() };
  const refreshed = await sealer.seal(session);
  time.advance(9.5 * MINUTE);
  assert.equal(await sealer.open(first), null, 'idle for 10.5 minutes');
  assert.ok(await sealer.open(refreshed), 'idle for 9.5 minutes');
});

test('absolute expiry: however much it is used, the session ends that long after login', async () => {
  const time = clock();
  const sealer = createSessionSealer({ secret: SECRET, idleMs: 10 * MINUTE, absoluteMs: 30 * MINUTE, now: time.now });
  let session = sealer.start({ username: 'alice', groups: [] });
  for (let i = 0; i < 6; i++) {
    time.advance(5 * MINUTE);
    session = { ...session, seenAt: time.now() };
  }
  assert.equal(await sealer.open(await sealer.seal(session)), null);
  assert.equal(sealer.endsAt(session), session.authAt + 30 * MINUTE);
});

test('the cookie is httpOnly and SameSite=Lax, Secure under HTTPS, and read back from a Cookie header', () => {
  assert.equal(sessionCookie('v', { secure: false, maxAgeMs: 90_000 }), 'pilothouse_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=90');
  assert.match(sessionCookie('v', { secure: true, maxAgeMs: 1000 }), /; Secure$/);
  assert.match(clearedSessionCookie({ secure: false }), /^pilothouse_session=; .*Max-Age=0$/);
  assert.equal(readSessionCookie('theme=dark; pilothouse_session=abc.def; x=1'), 'abc.def');
  assert.equal(readSessionCookie('theme=dark'), undefined);
  assert.equal(readSessionCookie(undefined), undefined);
});
