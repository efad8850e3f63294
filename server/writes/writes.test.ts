import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { LOGIN_PATH, LOGOUT_PATH } from '@/lib/contract/auth';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket } from '../watch-hub/socket-client';
import { startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

// Test bodies are read field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const SECRET = 'writes-test-secret-0123456789abcdef-xyz';
const CONTEXT = 'relayed';
const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };
const RATE_LIMIT = 5;

let cluster: TestCluster;
let readOnlyConsole: ConsoleProcess;
let teamConsole: ConsoleProcess;

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  const common = { KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' };
  [readOnlyConsole, teamConsole] = await Promise.all([
    startConsole({ ...common, PILOTHOUSE_READ_ONLY: 'true' }),
    startConsole({ ...common, PILOTHOUSE_AUTH: 'token', PILOTHOUSE_SESSION_SECRET: SECRET, PILOTHOUSE_WRITE_RATE_LIMIT: String(RATE_LIMIT) }),
  ]);
});

after(async () => {
  await Promise.all([readOnlyConsole?.stop('SIGKILL'), teamConsole?.stop('SIGKILL')]);
  await cluster?.stop();
});

function request(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; json: () => Loose }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Loose }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const k8s = (path: string) => `/api/clusters/${CONTEXT}/k8s/${path}`;
const labelPatch = (labels: Record<string, string>) => JSON.stringify({ metadata: { labels } });
const configMap = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

async function login(token: string): Promise<string> {
  const res = await request(teamConsole.url, LOGIN_PATH, { method: 'POST', headers: { ...WRITE, origin: teamConsole.url }, body: JSON.stringify({ token }) });
  assert.equal(res.status, 200, res.text);
  return [res.headers['set-cookie']].flat()[0]!.split(';')[0];
}

/** Waits until the console has written `count` audit lines past `from`: a line follows its answer. */
async function untilAuditLines(console: ConsoleProcess, count: number, from = 0): Promise<Loose[]> {
  for (const deadline = Date.now() + 5_000; ; await new Promise((resolve) => setTimeout(resolve, 25))) {
    const lines = auditLines(console, from);
    if (lines.length >= count || Date.now() > deadline) return lines;
  }
}

/** The console's audit lines (JSON objects marked `"audit":true`) written since `from` characters of its output. */
function auditLines(console: ConsoleProcess, from = 0): Loose[] {
  return console
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"audit":true'))
    .map((line) => JSON.parse(line) as Loose);
}

describe('PILOTHOUSE_READ_ONLY=true', () => {
  const isReadOnlyRefusal = (res: { status: number; json: () => Loose }, where: string) => {
    assert.equal(res.status, 403, where);
    const body = res.json();
    assert.equal(body.kind, 'Status', where);
    assert.equal(body.reason, 'Forbidden', where);
    assert.match(body.message, /read-only \(PILOTHOUSE_READ_ONLY=true\)/, where);
  };

  test('every proxied write, with any method, and the manifests POST are refused with a 403 Status; nothing reaches the cluster', async () => {
    const attempts = [
      { method: 'POST', path: k8s('api/v1/namespaces/default/configmaps'), body: configMap('read-only-attempt') },
      { method: 'PATCH', path: k8s('api/v1/namespaces/default/pods/kubia-zxzij'), body: labelPatch({ touched: 'yes' }), type: 'application/merge-patch+json' },
      { method: 'PUT', path: k8s('api/v1/namespaces/default/pods/kubia-zxzij'), body: '{}' },
      { method: 'DELETE', path: k8s('api/v1/namespaces/default/pods/kubia-zxzij') },
      { method: 'DELETE', path: k8s('api/v1/namespaces/default/pods') },
      // A dry run changes nothing in the cluster, but it is still a write request: refused too.
      { method: 'POST', path: `${k8s('api/v1/namespaces/default/configmaps')}?dryRun=All`, body: configMap('read-only-dry-run') },
      { method: 'POST', path: `/api/clusters/${CONTEXT}/manifests`, body: JSON.stringify({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: read-only-manifest\n', namespace: 'default' }) },
      // Methods and paths the console does not know count as writes: the mode fails closed.
      { method: 'POST', path: '/pods', body: '{}' },
    ];
    for (const attempt of attempts) {
      const headers = { ...WRITE, ...(attempt.type ? { 'content-type': attempt.type } : {}) };
      isReadOnlyRefusal(await request(readOnlyConsole.url, attempt.path, { method: attempt.method, headers, body: attempt.body }), `${attempt.method} ${attempt.path}`);
    }
    const pod = await cluster.api<Loose>('GET', '/api/v1/namespaces/default/pods/kubia-zxzij');
    assert.equal(pod.metadata.labels?.touched, undefined);
    const configMaps = await cluster.api<Loose>('GET', '/api/v1/namespaces/default/configmaps');
    assert.deepEqual(configMaps.items.map((item: Loose) => item.metadata.name).filter((name: string) => name.startsWith('read-only')), []);
  });

  test('reads still work: lists, the Secret reveal POST and a SelfSubjectAccessReview are not refused as writes', async () => {
    const pods = await request(readOnlyConsole.url, k8s('api/v1/namespaces/default/pods'));
    assert.equal(pods.status, 200);
    assert.ok(pods.json().items.length > 0);
    const reveal = await request(readOnlyConsole.url, `/api/clusters/${CONTEXT}/secrets/default/no-such-secret/reveal`, { method: 'POST', headers: WRITE, body: JSON.stringify({ key: 'password' }) });
    assert.equal(reveal.status, 404, reveal.text);
    const review = await request(readOnlyConsole.url, k8s('apis/authorization.k8s.io/v1/selfsubjectaccessreviews'), {
      method: 'POST',
      headers: WRITE,
      body: JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'patch', resource: 'pods', namespace: 'default' } } }),
    });
    assert.equal(review.status, 201, review.text);
    assert.equal(review.json().status.allowed, true);
  });

  test('exec:open over the socket is refused with the read-only Status; the other events still answer', async () => {
    const socket = await connectSocket(readOnlyConsole.url);
    try {
      const target = { context: CONTEXT, namespace: 'default', pod: 'kubia-zxzij', container: 'kubia', command: ['sh'] };
      const ack = (await socket.timeout(10_000).emitWithAck('exec:open', { id: 'x', target, cols: 80, rows: 24 })) as Loose;
      assert.equal(ack.ok, false);
      assert.equal(ack.status.code, 403);
      assert.match(ack.status.message, /read-only/);
      assert.ok(((await socket.timeout(5_000).emitWithAck('server:ping')) as Loose).at);
    } finally {
      socket.close();
    }
  });

  test('the refused writes have audit lines with their 403, as the console acting with its own credentials', async () => {
    const refused = (await untilAuditLines(readOnlyConsole, 9)).filter((line) => line.event === 'write');
    assert.ok(refused.length >= 9, JSON.stringify(refused));
    assert.ok(refused.every((line) => line.code === 403 && line.user === null));
    const exec = refused.find((line) => line.subresource === 'exec');
    const { time, requestId, level, msg, ...fields } = exec ?? {};
    assert.ok(time && requestId && level && msg);
    assert.deepEqual(fields, {
      audit: true, event: 'write', user: null, groups: [], context: CONTEXT, verb: 'create', apiGroup: '', apiVersion: 'v1', resource: 'pods', subresource: 'exec', namespace: 'default', name: 'kubia-zxzij', code: 403,
    });
  });
});

describe('audit lines and write rate limits (token mode)', () => {
  test('a login, a label write, a refused write and a logout each write one JSON line with who, what and the code; no token or cookie in any', async () => {
    const mark = teamConsole.output().length;
    const alice = await login(cluster.cluster.tokens.alice);
    await cluster.api('POST', '/api/v1/namespaces/team-a/configmaps', JSON.parse(configMap('audited')));
    const label = await request(teamConsole.url, k8s('api/v1/namespaces/team-a/configmaps/audited'), {
      method: 'PATCH',
      headers: { ...WRITE, 'content-type': 'application/merge-patch+json', cookie: alice },
      body: labelPatch({ env: 'audited' }),
    });
    assert.equal(label.status, 200, label.text);
    const bob = await login(cluster.cluster.tokens.bob);
    const refused = await request(teamConsole.url, k8s('api/v1/namespaces/team-a/configmaps/audited'), {
      method: 'PATCH',
      headers: { ...WRITE, 'content-type': 'application/merge-patch+json', cookie: bob },
      body: labelPatch({ env: 'by-bob' }),
    });
    assert.equal(refused.status, 403);
    const out = await request(teamConsole.url, LOGOUT_PATH, { method: 'POST', headers: { ...WRITE, cookie: alice } });
    assert.equal(out.status, 204);

    const lines = await untilAuditLines(teamConsole, 5, mark);
    const pick = (line: Loose) => ({ event: line.event, user: line.user, verb: line.verb, resource: line.resource, namespace: line.namespace, name: line.name, code: line.code });
    assert.deepEqual(lines.map(pick), [
      { event: 'login', user: 'alice', verb: undefined, resource: undefined, namespace: undefined, name: undefined, code: 200 },
      { event: 'write', user: 'alice', verb: 'patch', resource: 'configmaps', namespace: 'team-a', name: 'audited', code: 200 },
      { event: 'login', user: 'bob', verb: undefined, resource: undefined, namespace: undefined, name: undefined, code: 200 },
      { event: 'write', user: 'bob', verb: 'patch', resource: 'configmaps', namespace: 'team-a', name: 'audited', code: 403 },
      { event: 'logout', user: 'alice', verb: undefined, resource: undefined, namespace: undefined, name: undefined, code: 204 },
    ]);
    assert.ok(lines[0].groups.includes('developers'));
    assert.ok(lines.every((line) => line.context === CONTEXT || line.event === 'logout'));
    // Each line's request id is the one the answer named.
    assert.equal(lines[1].requestId, label.headers['x-request-id']);
    assert.equal(lines[3].requestId, refused.headers['x-request-id']);
    assert.equal(new Set(lines.map((line) => line.requestId)).size, lines.length);
    const output = teamConsole.output();
    for (const secret of [cluster.cluster.tokens.alice, cluster.cluster.tokens.bob, alice.split('=')[1], bob.split('=')[1]]) assert.ok(!output.includes(secret), 'a credential in the output');
  });

  test('a manifest gets one audit line per object it created, under the request id of its POST', async () => {
    const alice = await login(cluster.cluster.tokens.alice);
    const mark = teamConsole.output().length;
    const manifest = ['one', 'two'].map((name) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: manifest-${name}\n`).join('---\n');
    const res = await request(teamConsole.url, `/api/clusters/${CONTEXT}/manifests`, { method: 'POST', headers: { ...WRITE, cookie: alice }, body: JSON.stringify({ manifest, namespace: 'team-a' }) });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json().ok, true, res.text);
    const lines = (await untilAuditLines(teamConsole, 2, mark)).filter((line) => line.event === 'write');
    assert.deepEqual(
      lines.map(({ user, context, verb, apiVersion, kind, namespace, name, code, requestId }) => ({ user, context, verb, apiVersion, kind, namespace, name, code, requestId })),
      ['manifest-one', 'manifest-two'].map((name) => ({ user: 'alice', context: CONTEXT, verb: 'create', apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-a', name, code: 201, requestId: res.headers['x-request-id'] })),
    );
  });

  test(`past ${RATE_LIMIT} writes a minute a session gets a 429 Status with Retry-After; another user is not limited`, async () => {
    const viewer = await login(cluster.cluster.tokens.viewer);
    const create = (cookie: string, name: string) =>
      request(teamConsole.url, k8s('api/v1/namespaces/team-a/configmaps'), { method: 'POST', headers: { ...WRITE, cookie }, body: configMap(name) });
    // The viewer may not create: the cluster's 403s count as writes all the same.
    for (let i = 0; i < RATE_LIMIT; i++) assert.equal((await create(viewer, `limited-${i}`)).status, 403);
    const limited = await create(viewer, 'limited-over');
    assert.equal(limited.status, 429);
    const body = limited.json();
    assert.equal(body.kind, 'Status');
    assert.equal(body.reason, 'TooManyRequests');
    assert.match(body.message, /at most 5 a minute \(PILOTHOUSE_WRITE_RATE_LIMIT\)/);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, String(retryAfter));
    // Reads are not limited, and alice's writes are counted apart.
    assert.equal((await request(teamConsole.url, k8s('api/v1/namespaces/default/pods'), { headers: { cookie: viewer } })).status, 200);
    const alice = await login(cluster.cluster.tokens.alice);
    assert.equal((await create(alice, `not-limited-${Date.now()}`)).status, 201);
    const line = auditLines(teamConsole).findLast((entry) => entry.user === 'viewer' && entry.event === 'write');
    assert.equal(line?.code, 429);
  });
});
