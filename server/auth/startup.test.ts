import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startConsole } from '../testing/console-process';

test('with HOST on a non-loopback address and no PILOTHOUSE_AUTH, the console refuses to start and names the setting', async () => {
  await assert.rejects(startConsole({ HOST: '0.0.0.0' }), (error: Error) => {
    assert.match(error.message, /console exited with 1/);
    assert.match(error.message, /HOST=0\.0\.0\.0 lets other machines reach the console, and PILOTHOUSE_AUTH is not set/);
    assert.match(error.message, /Set PILOTHOUSE_AUTH=token/);
    return true;
  });
});

test('in a team mode without PILOTHOUSE_SESSION_SECRET, the console refuses to start', async () => {
  await assert.rejects(startConsole({ PILOTHOUSE_AUTH: 'token' }), /PILOTHOUSE_AUTH=token needs PILOTHOUSE_SESSION_SECRET/);
});

test('in oidc mode the console refuses to start without issuer, client or public URL, and names the one missing', async () => {
  const oidc = { PILOTHOUSE_AUTH: 'oidc', PILOTHOUSE_SESSION_SECRET: 'startup-test-secret-0123456789abcdef' };
  await assert.rejects(startConsole({ PILOTHOUSE_AUTH: 'oidc' }), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_SESSION_SECRET/);
  await assert.rejects(startConsole(oidc), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_ISSUER/);
  const issuer = { ...oidc, PILOTHOUSE_OIDC_ISSUER: 'https://idp.example' };
  await assert.rejects(startConsole(issuer), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_OIDC_CLIENT_ID/);
  await assert.rejects(startConsole({ ...issuer, PILOTHOUSE_OIDC_CLIENT_ID: 'pilothouse' }), /PILOTHOUSE_AUTH=oidc needs PILOTHOUSE_PUBLIC_URL/);
});

test('PILOTHOUSE_AUTH=none on a non-loopback HOST starts, warns at start, and every page shows the banner', async (t) => {
  const server = await startConsole({ HOST: '0.0.0.0', PILOTHOUSE_AUTH: 'none' });
  t.after(() => server.stop('SIGKILL'));
  assert.match(server.output(), /WARNING: PILOTHOUSE_AUTH=none on HOST=0\.0\.0\.0/);
  const port = new URL(server.url).port;
  for (const page of ['/pods', '/namespaces', '/create']) {
    const html = await (await fetch(`http://127.0.0.1:${port}${page}`)).text();
    assert.match(html, /role="alert"[^>]*>.*No login:/s, page);
  }
});

test('on the default loopback HOST there is no warning and no banner', async (t) => {
  const server = await startConsole();
  t.after(() => server.stop('SIGKILL'));
  assert.doesNotMatch(server.output(), /WARNING/);
  const html = await (await fetch(`${server.url}/pods`)).text();
  assert.doesNotMatch(html, /No login:/);
  // Without login the login page has nothing to do: it sends the user on.
  const login = await fetch(`${server.url}/login?next=%2Fnodes`, { redirect: 'manual' });
  assert.equal(login.status, 307);
  assert.equal(new URL(login.headers.get('location')!, server.url).pathname, '/nodes');
});
