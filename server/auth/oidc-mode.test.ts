import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { LOGIN_ERROR_COOKIE, LOGOUT_PATH, OIDC_CALLBACK_PATH, WHOAMI_PATH } from '@/lib/contract/auth';
import { startOidcProvider, type LocalOidcProvider } from '../embedded-cluster/testing/oidc-provider';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { freePort } from '../testing/free-port';
import { consoleRequest, CookieJar, oidcLogin, oidcLoginSteps, type ConsoleAnswer } from '../testing/oidc-login';
import type { LogError } from '@/lib/contract/logs';
import { connectSocket, recordExec, recordWatch, type TestSocket } from '../watch-hub/socket-client';
import { podManifest, startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

// Test bodies are read field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const SECRET = 'oidc-mode-test-secret-0123456789abcdef';
const CONTEXT = 'relayed';
const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };

// A real OpenID provider (oidc-provider) and an embedded cluster that trusts it as kube-apiserver's --oidc-*
// flags would (username = sub, no prefix, so the demo seed's RBAC for alice and bob applies); two consoles
// log users in there with openid-client, one forwarding the ID token, one impersonating.
let provider: LocalOidcProvider;
let cluster: TestCluster;
let forwarding: ConsoleProcess;
let impersonating: ConsoleProcess;
/** Everything any console answered in these tests: no token may be in it. */
const answered: ConsoleAnswer[] = [];

before(async () => {
  const ports = [await freePort(), await freePort()];
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  provider = await startOidcProvider({ groups: { alice: ['developers'], bob: [] }, redirectUris: urls.map((url) => `${url}${OIDC_CALLBACK_PATH}`) });
  cluster = await startTestCluster({
    seed: { name: 'demo' },
    oidc: { issuerUrl: provider.issuer, clientId: 'pilothouse', usernameClaim: 'sub', usernamePrefix: '-', groupsClaim: 'groups', caCert: provider.caCert },
  });
  const caFile = join(mkdtempSync(join(tmpdir(), 'pilothouse-oidc-ca-')), 'ca.pem');
  writeFileSync(caFile, provider.caCert);
  const common = {
    KUBECONFIG: cluster.kubeconfigPath,
    PILOTHOUSE_EMBEDDED: 'false',
    PILOTHOUSE_SESSION_SECRET: SECRET,
    PILOTHOUSE_AUTH: 'oidc',
    PILOTHOUSE_OIDC_ISSUER: provider.issuer,
    PILOTHOUSE_OIDC_CLIENT_ID: 'pilothouse',
    PILOTHOUSE_OIDC_CLIENT_SECRET: 'pilothouse-secret',
    PILOTHOUSE_OIDC_SCOPES: 'openid email groups',
    NODE_EXTRA_CA_CERTS: caFile,
  };
  [forwarding, impersonating] = await Promise.all([
    startConsole({ ...common, PORT: String(ports[0]), PILOTHOUSE_PUBLIC_URL: urls[0] }),
    startConsole({ ...common, PORT: String(ports[1]), PILOTHOUSE_PUBLIC_URL: urls[1], PILOTHOUSE_OIDC_CREDENTIAL: 'impersonate', PILOTHOUSE_OIDC_USERNAME_PREFIX: '-' }),
  ]);
});

after(async () => {
  await Promise.all([forwarding?.stop('SIGKILL'), impersonating?.stop('SIGKILL')]);
  await cluster?.stop();
  await provider?.stop();
});

async function request(server: ConsoleProcess, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<ConsoleAnswer & { json: () => Loose }> {
  const answer = await consoleRequest(server.url, path, options);
  answered.push(answer);
  return { ...answer, json: () => JSON.parse(answer.text) as Loose };
}

async function login(server: ConsoleProcess, account: string, next?: string): Promise<string> {
  const { cookie, answers } = await oidcLogin({ console: server.url, provider, account, next });
  answered.push(...answers);
  return cookie;
}

/** The reason the console's callback left for the login page. */
function loginError(answer: ConsoleAnswer): string {
  const header = [answer.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith(`${LOGIN_ERROR_COOKIE}=`)) ?? '';
  return decodeURIComponent(header.split(';')[0].slice(LOGIN_ERROR_COOKIE.length + 1));
}

/** Resolves once `predicate` holds (checked every 25 ms), or fails naming `what` after 15 s. */
async function eventually(predicate: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 15_000; !predicate(); await new Promise((resolve) => setTimeout(resolve, 25))) assert.ok(Date.now() < deadline, what);
}

/** A running pod `shell` in team-a (created once), with a shell in its container `main`. */
let shellCreated = false;
async function shellPod(): Promise<void> {
  if (!shellCreated) await cluster.api('POST', '/api/v1/namespaces/team-a/pods', podManifest('shell'));
  shellCreated = true;
  const deadline = Date.now() + 20_000;
  while ((await cluster.api<Loose>('GET', '/api/v1/namespaces/team-a/pods/shell')).status?.phase !== 'Running') {
    assert.ok(Date.now() < deadline, 'pod shell did not reach Running');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pods = (server: ConsoleProcess, cookie: string, namespace: string) => request(server, `/api/clusters/${CONTEXT}/k8s/api/v1/namespaces/${namespace}/pods`, { headers: { cookie } });

describe('oidc mode: the authorization-code flow', () => {
  test('a shared link survives the login: the callback returns to exactly the page asked for; only same-origin paths', async () => {
    const link = '/pods?context=relayed&namespace=team-a&labelSelector=app%3Dkubia';
    const first = await request(forwarding, link);
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, `/login?next=${encodeURIComponent(link)}`);
    const page = await request(forwarding, first.headers.location!);
    assert.equal(page.status, 200);
    assert.ok(/>Log in with 127\.0\.0\.1:\d+</.test(page.text), 'the login page links to the provider');
    const jar = new CookieJar();
    const steps = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice', next: link, jar });
    // The provider was asked for a code with PKCE (S256), a state and a nonce, for the registered redirect URI.
    const authorize = new URL(String(steps.answers[0].headers.location));
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    for (const name of ['code_challenge', 'state', 'nonce']) assert.ok(authorize.searchParams.get(name), name);
    assert.equal(authorize.searchParams.get('redirect_uri'), `${forwarding.url}${OIDC_CALLBACK_PATH}`);
    const done = await steps.finish();
    answered.push(...steps.answers);
    assert.equal(done.status, 303);
    assert.equal(done.headers.location, link);
    assert.equal((await request(forwarding, link, { headers: { cookie: jar.header() } })).status, 200);
    for (const next of ['//evil.example/pods', 'https://evil.example/']) {
      const start = await request(forwarding, `/api/auth/oidc/login?next=${encodeURIComponent(next)}`);
      assert.equal(start.status, 303);
      const back = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice', next });
      assert.equal((await back.finish()).headers.location, '/', next);
    }
  });

  test('a callback whose state does not match this browser\'s flow is refused, and so is one without a flow', async () => {
    const steps = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice' });
    const url = new URL(steps.callback);
    url.searchParams.set('state', 'forged-state');
    steps.callback = url.href;
    const refused = await steps.finish();
    answered.push(refused);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.location, '/login?next=%2F');
    assert.match(loginError(refused), /the login at .* failed: .*state/i);
    assert.ok(![refused.headers['set-cookie'] ?? []].flat().some((cookie) => cookie.startsWith('pilothouse_session=')), 'no session');
    // A callback from a browser that started no login (a link someone was sent).
    const stray = await request(forwarding, `${OIDC_CALLBACK_PATH}?code=abc&state=def`);
    assert.equal(stray.status, 303);
    assert.match(loginError(stray), /not started in this browser/);
  });

  test('a code redeemed with another flow\'s PKCE verifier is refused by the provider (PKCE), with its reason', async () => {
    const jar = new CookieJar();
    const first = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice', jar });
    // A second login in the same browser replaces the flow cookie: its verifier is not the one of the first code.
    const second = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice', jar });
    const url = new URL(first.callback);
    url.searchParams.set('state', new URL(second.callback).searchParams.get('state')!);
    first.callback = url.href;
    const refused = await first.finish();
    answered.push(refused);
    assert.equal(refused.status, 303);
    assert.match(loginError(refused), /invalid_grant/);
    assert.ok(!jar.cookies.has('pilothouse_session'));
  });

  test('the provider\'s own refusal (the user cancels) comes back with its reason', async () => {
    const steps = await oidcLoginSteps({ console: forwarding.url, provider, account: 'alice', cancel: true });
    const refused = await steps.finish();
    answered.push(refused);
    assert.equal(refused.status, 303);
    assert.match(loginError(refused), /access_denied: the user cancelled the sign-in/);
  });
});

for (const [mode, server] of [['id-token', () => forwarding], ['impersonate', () => impersonating]] as const) {
  describe(`oidc mode (${mode}): each user acts as themselves`, () => {
    test('the cluster\'s RBAC decides: alice (developers) lists and writes in team-a, bob may not list default or write', async (t) => {
      const issuedBefore = provider.issuedTokens().length;
      const alice = await login(server(), 'alice');
      // What a real token set costs in the cookie (browsers keep 4 KiB per cookie, attributes included).
      const idToken = provider.issuedTokens().slice(issuedBefore).find((token) => token.split('.').length === 3) ?? '';
      t.diagnostic(`${mode}: ID token ${idToken.length} bytes, session cookie ${alice.length} bytes`);
      assert.ok(alice.length < 3900, `${alice.length} bytes`);
      const bob = await login(server(), 'bob');
      const whoami = (await request(server(), WHOAMI_PATH, { headers: { cookie: alice } })).json();
      assert.equal(whoami.mode, 'oidc');
      assert.equal(whoami.username, 'alice');
      assert.ok(whoami.groups.includes('developers'), JSON.stringify(whoami));
      assert.equal(whoami.email, 'alice@example.com');
      const seen = await pods(server(), alice, 'team-a');
      assert.equal(seen.status, 200, seen.text);
      const refused = await pods(server(), bob, 'default');
      assert.equal(refused.status, 403);
      assert.match(refused.json().message, /User "bob" cannot list resource "pods"/);
      const create = (cookie: string) =>
        request(server(), `/api/clusters/${CONTEXT}/k8s/api/v1/namespaces/team-a/configmaps`, {
          method: 'POST',
          headers: { ...WRITE, cookie },
          body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `oidc-${Math.random().toString(36).slice(2, 8)}` } }),
        });
      assert.equal((await create(bob)).status, 403);
      assert.equal((await create(alice)).status, 201);
      // A watch over the socket goes out as the user too.
      const socket = await connectSocket(server().url, { cookie: bob });
      try {
        const watch = await recordWatch(socket, 'w', { context: CONTEXT, version: 'v1', resource: 'pods', namespace: 'default' });
        await watch.until((r) => r.statuses.some((s) => s.state === 'error') || !r.ack.ok);
        assert.equal(watch.snapshots, 0);
      } finally {
        socket.close();
      }
    });

    test('tokens about to expire are refreshed on use (HTTP and socket); a refused refresh ends the session', async () => {
      // ID tokens of 4 s: every use is within the refresh margin.
      provider.setIdTokenTtl(4);
      const issuedBefore = provider.issuedTokens().length;
      const cookie = await login(server(), 'alice');
      const loginIdToken = provider.issuedTokens().slice(issuedBefore).find((token) => token.split('.').length === 3)!;
      const refreshesBefore = provider.refreshes();
      const socket = await connectSocket(server().url, { cookie });
      const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
      try {
        const first = await pods(server(), cookie, 'team-a');
        assert.equal(first.status, 200);
        assert.ok(provider.refreshes() > refreshesBefore, 'refreshed');
        assert.ok([first.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('pilothouse_session=')), 'the refreshed session is sealed into the cookie again');
        // Once the login's ID token has expired (the API server would refuse it), the socket still acts: its use refreshes too.
        const exp = (decodeJwt(loginIdToken).exp ?? 0) * 1000;
        while (Date.now() <= exp + 500) await new Promise((resolve) => setTimeout(resolve, 100));
        const watch = await recordWatch(socket, 'w', { context: CONTEXT, version: 'v1', resource: 'pods', namespace: 'team-a' });
        assert.deepEqual(watch.ack, { ok: true });
        await watch.until((r) => r.snapshots > 0);
        assert.equal((await pods(server(), cookie, 'team-a')).status, 200, 'the first cookie, with the newer tokens this replica keeps');
        // The provider ends alice's refresh tokens (an administrator disabled her): the session ends.
        provider.revokeRefreshTokens('alice');
        const ended = await pods(server(), cookie, 'team-a');
        assert.equal(ended.status, 401);
        assert.equal(ended.json().reason, 'Unauthorized');
        assert.equal(await disconnected, 'io server disconnect');
        assert.equal((await request(server(), '/pods', { headers: { cookie } })).status, 303);
        assert.match(server().output(), /the identity provider refused its refresh \(invalid_grant/);
      } finally {
        provider.setIdTokenTtl(3600);
        socket.close();
      }
    });

    test('log streams and exec go out as the user: alice reads and opens a shell in team-a, bob\'s are refused by the cluster', async () => {
      await shellPod();
      const alice = await connectSocket(server().url, { cookie: await login(server(), 'alice') });
      const bob = await connectSocket(server().url, { cookie: await login(server(), 'bob') });
      try {
        const readLog = async (socket: TestSocket, namespace: string, pod: string) => {
          const seen: { error?: LogError; ended?: boolean } = {};
          socket.on('log:error', (error) => (seen.error = error));
          socket.on('log:end', () => (seen.ended = true));
          socket.on('log:lines', (_batch, ack) => ack());
          const ack = await socket.timeout(10_000).emitWithAck('log:subscribe', { id: `${namespace}-${pod}`, target: { context: CONTEXT, namespace, pod } });
          return { ack, seen };
        };
        const read = await readLog(alice, 'team-a', 'shell');
        assert.deepEqual(read.ack, { ok: true });
        await eventually(() => read.seen.ended === true || read.seen.error !== undefined, 'the end of alice\'s log');
        assert.equal(read.seen.error, undefined);
        const refusedLog = await readLog(bob, 'default', 'kubia-zxzij');
        await eventually(() => !refusedLog.ack.ok || refusedLog.seen.error !== undefined, 'bob\'s log refusal');
        assert.equal(refusedLog.ack.ok ? refusedLog.seen.error?.status.code : refusedLog.ack.status.code, 403);

        const target = { context: CONTEXT, namespace: 'team-a', pod: 'shell', container: 'main', command: ['sh'] };
        const shell = await recordExec(alice, target);
        await eventually(() => shell.output.includes('# '), `alice's prompt: ${JSON.stringify(shell)}`);
        const refused = await recordExec(bob, target);
        await eventually(() => refused.end !== undefined, 'the end of bob\'s exec');
        assert.match(refused.end?.reason === 'failed' ? (refused.end.status.message ?? '') : '', /\b403\b/);
      } finally {
        alice.close();
        bob.close();
      }
    });

    test('logout ends the session and closes its sockets', async () => {
      const cookie = await login(server(), 'bob');
      const socket = await connectSocket(server().url, { cookie });
      const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
      try {
        const out = await request(server(), LOGOUT_PATH, { method: 'POST', headers: { ...WRITE, cookie } });
        assert.equal(out.status, 204);
        assert.equal(await disconnected, 'io server disconnect');
        assert.equal((await request(server(), WHOAMI_PATH, { headers: { cookie } })).status, 401);
      } finally {
        socket.close();
      }
    });
  });
}

test('no token the provider issued is in any answer to the browser or any line the consoles wrote; logins are audited', () => {
  const tokens = provider.issuedTokens();
  assert.ok(tokens.length > 10, `${tokens.length} tokens`);
  const sent = answered.map((answer) => `${JSON.stringify(answer.headers)}\n${answer.text}`).join('\n');
  const output = forwarding.output() + impersonating.output();
  for (const token of tokens) {
    assert.ok(!sent.includes(token), 'a token in an answer');
    assert.ok(!output.includes(token), 'a token in a log line');
  }
  const audits = output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Loose).filter((line) => line.audit && line.event === 'login');
  assert.ok(audits.some((line) => line.user === 'alice' && line.code === 303 && line.context === CONTEXT), 'a login');
  assert.ok(audits.some((line) => line.user === null && line.code === 401), 'a refused login');
});
