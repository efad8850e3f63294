import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { LOGIN_PATH } from '@/lib/contract/auth';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket } from '../watch-hub/socket-client';
import { startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

const IDLE_MS = 1500;
const MAX_MS = 6000;
let cluster: TestCluster;
let server: ConsoleProcess;

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  server = await startConsole({
    KUBECONFIG: cluster.kubeconfigPath,
    PILOTHOUSE_EMBEDDED: 'false',
    PILOTHOUSE_AUTH: 'token',
    PILOTHOUSE_SESSION_SECRET: 'session-expiry-test-secret-0123456789',
    PILOTHOUSE_SESSION_IDLE_MS: String(IDLE_MS),
    PILOTHOUSE_SESSION_MAX_MS: String(MAX_MS),
  });
});

after(async () => {
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET with a cookie jar of one: a refreshed session cookie replaces the old one, as a browser does. */
async function get(jar: { cookie: string }, path = '/api/contexts'): Promise<number> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path, headers: { cookie: jar.cookie } }, (res) => {
        const fresh = [res.headers['set-cookie'] ?? []].flat()[0];
        if (fresh) jar.cookie = fresh.split(';')[0];
        res.resume().on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

async function login(): Promise<{ cookie: string }> {
  const res = await fetch(`${server.url}${LOGIN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pilothouse-request': '1' },
    body: JSON.stringify({ token: cluster.cluster.tokens.viewer }),
  });
  assert.equal(res.status, 200);
  return { cookie: res.headers.getSetCookie()[0].split(';')[0] };
}

test('a session unused for the idle time ends; one in use lives on', async () => {
  const idle = await login();
  const busy = await login();
  for (let elapsed = 0; elapsed < IDLE_MS + 1000; elapsed += 400) {
    assert.equal(await get(busy), 200, `in use, ${elapsed} ms after login`);
    await sleep(400);
  }
  assert.equal(await get(idle), 401);
  assert.equal(await get(idle, '/pods'), 303);
  assert.equal(await get(busy), 200);
});

test('a socket of a session that goes idle is closed', async () => {
  const jar = await login();
  const socket = await connectSocket(server.url, { cookie: jar.cookie });
  try {
    const started = Date.now();
    const reason = await new Promise<string>((resolve) => socket.on('disconnect', resolve));
    assert.equal(reason, 'io server disconnect');
    assert.ok(Date.now() - started < IDLE_MS + 2000, 'closed soon after the idle time');
  } finally {
    socket.close();
  }
});

test('at the absolute expiry the session ends, however much it is used, and its sockets close', async () => {
  const jar = await login();
  const loggedIn = Date.now();
  const socket = await connectSocket(server.url, { cookie: jar.cookie });
  const disconnected = new Promise<number>((resolve) => socket.on('disconnect', () => resolve(Date.now())));
  try {
    while (Date.now() - loggedIn < MAX_MS - 800) {
      assert.equal(await get(jar), 200);
      await sleep(300);
    }
    const closedAt = await disconnected;
    assert.ok(closedAt - loggedIn >= MAX_MS - 1000, `closed ${closedAt - loggedIn} ms after login`);
    await sleep(500);
    assert.equal(await get(jar), 401);
  } finally {
    socket.close();
  }
});
