import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { parse, stringify } from 'yaml';
import { LOGIN_PATH, LOGOUT_PATH, OIDC_CALLBACK_PATH, OIDC_LOGIN_PATH, WHOAMI_PATH } from '@/lib/contract/auth';
import { CLIENT_EVENTS, SOCKET_PATH } from '@/lib/contract/socket-events';
import { IDENTITY_REF_HEADER } from '@/lib/server/auth/identity';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { appRoutes } from '../testing/route-inventory';
import { PROBE_PATHS } from '../front-door';
import { connectSocket, recordExec, recordWatch } from '../watch-hub/socket-client';
import { podManifest, startTestCluster, type TestCluster } from '../watch-hub/test-cluster';
import { AUTH_ROUTES } from './auth-routes';
import { MAX_FAILED_LOGINS } from './login-limiter';

// Test bodies are read field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const SECRET = 'team-mode-test-secret-0123456789abcdef';
const CONTEXT = 'relayed';
const ROUTES = appRoutes({ params: { context: CONTEXT, namespace: 'default', name: 'kubia', path: 'api/v1/namespaces/default/pods' } });
const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };

let cluster: TestCluster;
let tokenConsole: ConsoleProcess;
let proxyConsole: ConsoleProcess;
let oidcConsole: ConsoleProcess;
/** Another cluster's API server, as a recorder: what reaches it, with which Authorization. */
let other: http.Server;
const reachedOther: (string | undefined)[] = [];

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  other = http.createServer((req, res) => {
    // /readyz asks each context's /version with the console's own credentials; any other request is a leak.
    if (!(req.url === '/version' && req.headers.authorization === 'Bearer console-own-token-for-other')) reachedOther.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"kind":"PodList","items":[]}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  // The token console also has a context `other` on that server, with credentials of its own.
  const kubeconfig = parse(readFileSync(cluster.kubeconfigPath, 'utf8')) as Loose;
  kubeconfig.clusters.push({ name: 'other', cluster: { server: `http://127.0.0.1:${(other.address() as { port: number }).port}` } });
  kubeconfig.users.push({ name: 'other', user: { token: 'console-own-token-for-other' } });
  kubeconfig.contexts.push({ name: 'other', context: { cluster: 'other', user: 'other' } });
  const twoContexts = `${cluster.kubeconfigPath}.two`;
  writeFileSync(twoContexts, stringify(kubeconfig));
  const common = { KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_SESSION_SECRET: SECRET };
  [tokenConsole, proxyConsole, oidcConsole] = await Promise.all([
    // 127.0.0.1 is also a proxy here, so a test can say the request came over HTTPS.
    startConsole({ ...common, KUBECONFIG: twoContexts, PILOTHOUSE_AUTH: 'token', PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1' }),
    // Only 127.0.0.1 is the proxy: the tests speak as someone else from 127.0.0.2.
    startConsole({ ...common, PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1' }),
    // No provider is needed to refuse: discovery waits for the first login (oidc-mode.test.ts logs in).
    startConsole({
      ...common,
      PILOTHOUSE_AUTH: 'oidc',
      PILOTHOUSE_OIDC_ISSUER: 'https://127.0.0.1:9/',
      PILOTHOUSE_OIDC_CLIENT_ID: 'pilothouse',
      PILOTHOUSE_PUBLIC_URL: 'http://127.0.0.1:9',
    }),
  ]);
});

after(async () => {
  await Promise.all([tokenConsole?.stop('SIGKILL'), proxyConsole?.stop('SIGKILL'), oidcConsole?.stop('SIGKILL')]);
  await cluster?.stop();
  await new Promise((resolve) => other?.close(resolve));
});

/** A raw request (fetch cannot pick its source address or send a body with every method). */
function request(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string | string[]>; body?: string; from?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; json: () => Loose }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Loose }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function login(token: string, next?: string, headers: Record<string, string> = {}): Promise<{ cookie: string; body: Loose; setCookie: string }> {
  const res = await request(tokenConsole.url, LOGIN_PATH, { method: 'POST', headers: { ...WRITE, origin: tokenConsole.url, ...headers }, body: JSON.stringify({ token, next }) });
  assert.equal(res.status, 200, res.text);
  const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
  assert.ok(setCookie, 'a session cookie');
  return { cookie: setCookie.split(';')[0], body: res.json(), setCookie };
}

const isStatus = (body: Loose, code: number, reason: string) => {
  assert.equal(body.kind, 'Status');
  assert.equal(body.code, code);
  assert.equal(body.reason, reason);
};

describe('without a session nothing answers', () => {
  test('the inventory found the pages and API routes of app/', () => {
    const paths = ROUTES.map((route) => route.path);
    for (const expected of ['/pods', '/pods/default/kubia', '/api/contexts', `/api/clusters/${CONTEXT}/manifests`]) assert.ok(paths.includes(expected), expected);
  });

  for (const [mode, server] of [['token', () => tokenConsole], ['oidc', () => oidcConsole], ['proxy', () => proxyConsole]] as const) {
    // The modes with a login page send a page load there; behind a proxy there is none.
    const logsIn = mode !== 'proxy';
    test(`${mode} mode: every page and API route of app/, with every method it takes, is refused`, async () => {
      for (const route of ROUTES) {
        for (const method of route.methods) {
          const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
          // A forged identity reference changes nothing: the gate replaces it.
          const res = await request(server().url, route.path, { method, headers: { ...WRITE, [IDENTITY_REF_HEADER]: 'forged' }, body });
          const where = `${method} ${route.path} (${route.file})`;
          if (route.path === '/login' && logsIn) {
            assert.equal(res.status, 200, `${where}: the login page is the one page without a session`);
          } else if (route.kind === 'page' && logsIn) {
            assert.equal(res.status, 303, where);
            assert.equal(res.headers.location, `/login?next=${encodeURIComponent(route.path)}`, where);
          } else {
            assert.equal(res.status, 401, where);
            if (method !== 'HEAD') isStatus(res.json(), 401, 'Unauthorized');
          }
        }
      }
    });

    test(`${mode} mode: the console's own routes and socket.io's polling transport are refused`, async () => {
      const whoami = await request(server().url, WHOAMI_PATH);
      assert.equal(whoami.status, 401);
      const polling = await request(server().url, `${SOCKET_PATH}?EIO=4&transport=polling`);
      assert.equal(polling.status, 401);
      const forgedSid = await request(server().url, `${SOCKET_PATH}?EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA`, { method: 'POST', body: '42["server:ping"]' });
      assert.equal(forgedSid.status, 401);
      // Only the login flow and the probes answer.
      assert.deepEqual(AUTH_ROUTES.sort(), [LOGIN_PATH, LOGOUT_PATH, WHOAMI_PATH, OIDC_LOGIN_PATH, OIDC_CALLBACK_PATH].sort());
      assert.deepEqual(PROBE_PATHS, ['/healthz', '/readyz']);
      // The login flow's routes start no session: the token form needs a token the cluster accepts, the oidc
      // routes a flow and a code (each refused below or in oidc-mode.test.ts).
      for (const path of [OIDC_LOGIN_PATH, OIDC_CALLBACK_PATH]) {
        const res = await request(server().url, `${path}?next=%2Fpods&code=forged&state=forged`);
        assert.equal(res.status, mode === 'oidc' ? 303 : 404, `${mode} ${path}`);
        assert.ok(!JSON.stringify(res.headers['set-cookie'] ?? []).includes('pilothouse_session=ey'), `${mode} ${path}: no session`);
        if (mode === 'oidc') assert.match(res.headers.location ?? '', /^\/login\?next=/, path);
        // This console's issuer answers nothing: the login page is told why.
        if (mode === 'oidc' && path === OIDC_LOGIN_PATH) assert.match(decodeURIComponent(JSON.stringify(res.headers['set-cookie'])), /the identity provider at https:\/\/127\.0\.0\.1:9\/ did not answer its discovery document/);
      }
      assert.equal((await request(server().url, '/healthz')).status, 200);
      const ready = await request(server().url, '/readyz');
      assert.equal(ready.status, 200, ready.text);
      assert.match(ready.text, /readyz check passed\n$/);
      // Metrics need a session on the console's port, as a page does (a scraper uses PILOTHOUSE_METRICS_PORT).
      const metrics = await request(server().url, '/metrics');
      assert.equal(metrics.status, mode === 'proxy' ? 401 : 303);
      assert.doesNotMatch(metrics.text, /pilothouse_/);
    });

    test(`${mode} mode: the socket.io handshake is refused on both transports, so no event reaches a handler`, async () => {
      for (const transport of ['websocket', 'polling'] as const) {
        const socket = io(server().url, { path: SOCKET_PATH, transports: [transport], extraHeaders: { origin: server().url }, reconnection: false, forceNew: true });
        try {
          const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
          assert.ok(error instanceof Error, transport);
          // Every event the console handles, sent anyway: none is answered.
          const answers = await Promise.allSettled(Object.keys(CLIENT_EVENTS).map((event) => (socket.timeout(200).emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, {})));
          assert.ok(answers.every((answer) => answer.status === 'rejected'), transport);
          assert.equal(socket.connected, false);
        } finally {
          socket.close();
        }
      }
    });
  }
});

describe('token mode', () => {
  test('a shared link survives login: the page asked for is where the login returns', async () => {
    const link = '/pods?context=relayed&namespace=team-a&labelSelector=app%3Dkubia';
    const first = await request(tokenConsole.url, link);
    assert.equal(first.status, 303);
    const loginPage = first.headers.location!;
    assert.equal(loginPage, `/login?next=${encodeURIComponent(link)}`);
    const page = await request(tokenConsole.url, loginPage);
    assert.equal(page.status, 200);
    assert.match(page.text, /Bearer token/);
    const { body, cookie } = await login(cluster.cluster.tokens.alice, new URLSearchParams(loginPage.split('?')[1]).get('next')!);
    assert.equal(body.next, link);
    const back = await request(tokenConsole.url, link, { headers: { cookie } });
    assert.equal(back.status, 200);
    assert.match(back.text, /Pilothouse/);
  });

  test('a return path off the console is replaced by the start page', async () => {
    for (const next of ['//evil.example/pods', 'https://evil.example/', '/\\evil.example']) assert.equal((await login(cluster.cluster.tokens.bob, next)).body.next, '/', next);
  });

  test('the cookie is httpOnly and SameSite=Lax; the token is in no answer and no log line', async () => {
    const token = cluster.cluster.tokens.viewer;
    const { setCookie, body, cookie } = await login(token);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/, 'plain HTTP');
    assert.ok(!JSON.stringify(body).includes(token));
    const whoami = await request(tokenConsole.url, WHOAMI_PATH, { headers: { cookie } });
    assert.equal(whoami.status, 200);
    assert.deepEqual(whoami.json(), { mode: 'token', username: 'viewer', groups: whoami.json().groups });
    assert.ok(whoami.json().groups.includes('pilothouse:viewers'));
    assert.ok(!whoami.text.includes(token));
    assert.ok(!tokenConsole.output().includes(token));
    assert.ok(!cookie.includes(token));
  });

  test('under HTTPS (as a trusted proxy says) the cookie is Secure and answers carry HSTS; not over plain HTTP', async () => {
    const { setCookie } = await login(cluster.cluster.tokens.viewer, undefined, { 'x-forwarded-proto': 'https' });
    assert.match(setCookie, /; Secure/);
    const page = await request(tokenConsole.url, '/pods', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(page.headers['strict-transport-security'], 'max-age=31536000');
    const plain = await request(tokenConsole.url, '/pods');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    // From an address that is no proxy, the header is not believed.
    const forged = await request(tokenConsole.url, '/pods', { headers: { 'x-forwarded-proto': 'https' }, from: '127.0.0.2' });
    assert.equal(forged.headers['strict-transport-security'], undefined);
  });

  test('a token the cluster does not accept is refused with its reason; a login from another site is refused', async () => {
    const bad = await request(tokenConsole.url, LOGIN_PATH, { method: 'POST', headers: WRITE, body: JSON.stringify({ token: 'not-a-token' }) });
    assert.equal(bad.status, 401);
    assert.match(bad.json().message, /the cluster did not accept this token/);
    assert.equal(bad.headers['set-cookie'], undefined);
    const crossSite = await request(tokenConsole.url, LOGIN_PATH, { method: 'POST', headers: { ...WRITE, origin: 'http://evil.example' }, body: JSON.stringify({ token: cluster.cluster.tokens.admin }) });
    assert.equal(crossSite.status, 403);
    assert.equal(crossSite.headers['set-cookie'], undefined);
  });

  test('failed logins are limited per address: past the limit a 429 with Retry-After, even for a good token, and only there', async () => {
    const attempt = (token: string) => request(tokenConsole.url, LOGIN_PATH, { method: 'POST', headers: WRITE, body: JSON.stringify({ token }), from: '127.0.0.3' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) assert.equal((await attempt(`wrong-${i}`)).status, 401);
    const limited = await attempt(cluster.cluster.tokens.viewer);
    assert.equal(limited.status, 429);
    isStatus(limited.json(), 429, 'TooManyRequests');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.headers['set-cookie'], undefined);
    assert.equal((await login(cluster.cluster.tokens.viewer)).body.username, 'viewer', 'another address logs in');
  });

  test('each user acts with their own token: the cluster RBAC decides what they list', async () => {
    const viewer = (await login(cluster.cluster.tokens.viewer)).cookie;
    const bob = (await login(cluster.cluster.tokens.bob)).cookie;
    const alice = (await login(cluster.cluster.tokens.alice)).cookie;
    const pods = (cookie: string, namespace: string) => request(tokenConsole.url, `/api/clusters/${CONTEXT}/k8s/api/v1/namespaces/${namespace}/pods`, { headers: { cookie } });
    const seen = await pods(viewer, 'default');
    assert.equal(seen.status, 200);
    assert.ok(seen.json().items.some((pod: Loose) => pod.metadata.name.startsWith('kubia')));
    const refused = await pods(bob, 'default');
    assert.equal(refused.status, 403);
    assert.match(refused.json().message, /User "bob" cannot list resource "pods"/);
    assert.equal((await pods(alice, 'team-a')).status, 200);
    // A write goes out as the user too: bob may only view team-a.
    const create = (cookie: string) =>
      request(tokenConsole.url, `/api/clusters/${CONTEXT}/k8s/api/v1/namespaces/team-a/configmaps`, {
        method: 'POST',
        headers: { ...WRITE, cookie },
        body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `by-${Math.random().toString(36).slice(2, 8)}` } }),
      });
    assert.equal((await create(bob)).status, 403);
    assert.equal((await create(alice)).status, 201);
  });

  test('a token goes only to the API server that accepted it, never to another context\'s cluster', async () => {
    const { cookie } = await login(cluster.cluster.tokens.viewer);
    const res = await request(tokenConsole.url, '/api/clusters/other/k8s/api/v1/pods', { headers: { cookie } });
    assert.equal(res.status, 403);
    assert.match(res.json().message, /this session's token was accepted by the API server at https:\/\/127\.0\.0\.1:\d+; it is not sent to the cluster of another context/);
    const socket = await connectSocket(tokenConsole.url, { cookie });
    try {
      const watch = await recordWatch(socket, 'o', { context: 'other', version: 'v1', resource: 'pods' });
      assert.equal(watch.ack.ok ? 0 : watch.ack.status.code, 403);
    } finally {
      socket.close();
    }
    assert.deepEqual(reachedOther, [], 'nothing reached the other cluster');
  });

  test('a shared upstream watch never serves another identity: bob gets Forbidden where the viewer sees pods', async () => {
    const viewer = await connectSocket(tokenConsole.url, { cookie: (await login(cluster.cluster.tokens.viewer)).cookie });
    const bob = await connectSocket(tokenConsole.url, { cookie: (await login(cluster.cluster.tokens.bob)).cookie });
    try {
      const target = { context: CONTEXT, version: 'v1', resource: 'pods', namespace: 'default' };
      const seen = await recordWatch(viewer, 'w', target);
      assert.deepEqual(seen.ack, { ok: true });
      await seen.until((r) => r.names().some((name) => name.startsWith('kubia')));
      // Same context and path, while the viewer's watch is open: with a watch shared by path alone bob would join it.
      const refused = await recordWatch(bob, 'w', target);
      await refused.until((r) => r.statuses.some((s) => s.state === 'error') || !r.ack.ok);
      assert.equal(refused.snapshots, 0);
      assert.deepEqual(refused.names(), []);
      const status = refused.ack.ok ? refused.statuses.find((s) => s.state === 'error')?.status : refused.ack.status;
      assert.equal(status?.code, 403);
    } finally {
      viewer.close();
      bob.close();
    }
  });

  test('logout closes the session: its sockets are disconnected and the cookie no longer opens anything', async () => {
    const { cookie } = await login(cluster.cluster.tokens.viewer);
    const socket = await connectSocket(tokenConsole.url, { cookie });
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    try {
      const crossSite = await request(tokenConsole.url, LOGOUT_PATH, { method: 'POST', headers: { cookie } });
      assert.equal(crossSite.status, 403, 'logout needs the console header, like every write');
      const out = await request(tokenConsole.url, LOGOUT_PATH, { method: 'POST', headers: { ...WRITE, cookie } });
      assert.equal(out.status, 204);
      assert.match([out.headers['set-cookie']].flat()[0] ?? '', /^pilothouse_session=; .*Max-Age=0/);
      assert.equal(await disconnected, 'io server disconnect');
      assert.equal((await request(tokenConsole.url, WHOAMI_PATH, { headers: { cookie } })).status, 401);
      assert.equal((await request(tokenConsole.url, '/pods', { headers: { cookie } })).status, 303);
    } finally {
      socket.close();
    }
  });
});

describe('proxy mode', () => {
  const as = (user: string, groups?: string) => ({ 'x-forwarded-user': user, ...(groups ? { 'x-forwarded-groups': groups } : {}) });
  const pods = (namespace: string, headers: Record<string, string>, from?: string) =>
    request(proxyConsole.url, `/api/clusters/${CONTEXT}/k8s/api/v1/namespaces/${namespace}/pods`, { headers, from });

  test('the user and groups from a trusted proxy are impersonated: the cluster RBAC decides', async () => {
    assert.equal((await pods('team-a', as('alice', 'developers'))).status, 200);
    // Without the group that grants it, alice may not: the groups really are sent.
    assert.equal((await pods('team-a', as('alice'))).status, 403);
    const bob = await pods('default', as('bob'));
    assert.equal(bob.status, 403);
    assert.match(bob.json().message, /User "bob" cannot list resource "pods"/);
    const whoami = await request(proxyConsole.url, WHOAMI_PATH, { headers: { ...as('alice', 'developers, qa'), 'x-forwarded-email': 'alice@example.com' } });
    assert.deepEqual(whoami.json(), { mode: 'proxy', username: 'alice', groups: ['developers', 'qa'], email: 'alice@example.com' });
    // Kubernetes' own names are never impersonated: a system: group is dropped, a system: user refused.
    const masters = await request(proxyConsole.url, WHOAMI_PATH, { headers: as('alice', 'developers, system:masters') });
    assert.deepEqual(masters.json().groups, ['developers']);
    assert.equal((await pods('kube-system', as('alice', 'system:masters'))).status, 403);
    assert.equal((await pods('team-a', as('system:admin', 'developers'))).status, 401);
    assert.equal((await pods('team-a', as('system:serviceaccount:kube-system:default'))).status, 401);
  });

  test('a trusted proxy without the headers gets 401; the same headers from another address are ignored (401)', async () => {
    assert.equal((await pods('team-a', {})).status, 401);
    const forged = await pods('team-a', as('alice', 'developers'), '127.0.0.2');
    assert.equal(forged.status, 401);
    isStatus(forged.json(), 401, 'Unauthorized');
    assert.equal((await request(proxyConsole.url, '/pods', { headers: as('admin', 'system:masters'), from: '127.0.0.2' })).status, 401);
  });

  test('exec goes out as the user too: alice (edit in team-a) gets a shell, bob (view) is refused with the cluster\'s 403', async () => {
    await cluster.api('POST', '/api/v1/namespaces/team-a/pods', podManifest('shell'));
    const deadline = Date.now() + 20_000;
    while ((await cluster.api<Loose>('GET', '/api/v1/namespaces/team-a/pods/shell')).status?.phase !== 'Running') {
      assert.ok(Date.now() < deadline, 'pod shell did not reach Running');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const alice = await connectSocket(proxyConsole.url, as('alice', 'developers'));
    const bob = await connectSocket(proxyConsole.url, as('bob'));
    try {
      const target = { context: CONTEXT, namespace: 'team-a', pod: 'shell', container: 'main', command: ['sh'] };
      const until = async (predicate: () => boolean, what: string) => {
        for (const deadline = Date.now() + 15_000; !predicate(); await new Promise((resolve) => setTimeout(resolve, 25))) assert.ok(Date.now() < deadline, what);
      };
      const shell = await recordExec(alice, target);
      await until(() => shell.output.includes('# '), `alice's prompt: ${JSON.stringify(shell)}`);
      const refused = await recordExec(bob, target);
      await until(() => refused.end !== undefined, 'the end of bob\'s exec');
      assert.equal(refused.end?.reason, 'failed');
      // The exec session reports a refused WebSocket upgrade as 502 naming the API server's answer (ws drops its Status body).
      assert.match(refused.end?.reason === 'failed' ? (refused.end.status.message ?? '') : '', /\b403\b/);
    } finally {
      alice.close();
      bob.close();
    }
  });

  test('the socket handshake takes the identity from the trusted proxy, and a watch acts as that user', async () => {
    const alice = await connectSocket(proxyConsole.url, as('alice', 'developers'));
    const bob = await connectSocket(proxyConsole.url, as('bob'));
    try {
      const seen = await recordWatch(alice, 'w', { context: CONTEXT, version: 'v1', resource: 'pods', namespace: 'team-a' });
      assert.deepEqual(seen.ack, { ok: true });
      await seen.until((r) => r.snapshots > 0);
      const refused = await recordWatch(bob, 'w', { context: CONTEXT, version: 'v1', resource: 'pods', namespace: 'default' });
      await refused.until((r) => r.statuses.some((s) => s.state === 'error') || !r.ack.ok);
      assert.equal(refused.snapshots, 0);
    } finally {
      alice.close();
      bob.close();
    }
  });
});
