import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { CONSOLE_WATCH_PERMISSIONS } from './console-permissions';
import { connectSocket, recordWatch, type Recording, type TestSocket } from './socket-client';
import { podManifest, startTestCluster, type TestCluster } from './test-cluster';

// Two proxy-mode consoles on one embedded cluster (demo seed: alice's group `developers` may edit team-a,
// bob may view it), each acting with a service account of its own rather than as admin:
// - `guarded` may do exactly what CONSOLE_WATCH_PERMISSIONS lists (plus impersonation): its subscriptions
//   share its own watches, and since the periodic re-check is 10 minutes away, a revocation seen within
//   seconds was found through its watch on the RBAC objects;
// - `partial` may watch pods in team-a only and not the RBAC objects: team-a subscriptions are guarded and
//   re-checked every second alone; elsewhere it falls back to one watch per user.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const SECRET = 'team-watches-test-secret-0123456789abcdef';
const IMPERSONATE = { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] };

let cluster: TestCluster;
let guarded: ConsoleProcess;
let partial: ConsoleProcess;
const sockets: TestSocket[] = [];

const as = async (server: ConsoleProcess, user: string, ...groups: string[]) => {
  const socket = await connectSocket(server.url, { 'x-forwarded-user': user, ...(groups.length ? { 'x-forwarded-groups': groups.join(',') } : {}) });
  sockets.push(socket);
  return socket;
};
const pods = (namespace: string) => ({ context: 'relayed', version: 'v1', resource: 'pods', namespace });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Upstream watches open on the cluster for one resource, as its long-running request metric counts them. */
const watches = (resource: string) => cluster.cluster.metrics.longRunningRequests.get(`watch/${resource}`) ?? 0;
async function settles(read: () => number, expected: number, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; read() !== expected; await sleep(50)) assert.ok(Date.now() < deadline, `${what}: ${read()} instead of ${expected}`);
}
const errorOf = (r: Recording) => r.statuses.find((s) => s.state === 'error')?.status;
/** What the API server answers the user's own list of `namespace`'s pods: the Status a refused subscription must carry. */
const upstreamRefusal = async (user: string, namespace: string) => {
  try {
    await cluster.api('GET', `/api/v1/namespaces/${namespace}/pods`, undefined, { 'Impersonate-User': user });
  } catch (error) {
    return (error as { status: Loose }).status;
  }
  throw new Error(`${user} may list pods in ${namespace}`);
};

/** A service account with these rules cluster-wide (and `namespaced` in team-a), and a kubeconfig acting as it. */
async function consoleAccount(name: string, rules: readonly object[], namespaced: readonly object[] = []): Promise<string> {
  await cluster.api('POST', '/api/v1/namespaces/default/serviceaccounts', { metadata: { name } });
  await cluster.api('POST', `${RBAC}/clusterroles`, { metadata: { name }, rules });
  await cluster.api('POST', `${RBAC}/clusterrolebindings`, { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name }, subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }] });
  if (namespaced.length) {
    await cluster.api('POST', `${RBAC}/namespaces/team-a/roles`, { metadata: { name }, rules: namespaced });
    await cluster.api('POST', `${RBAC}/namespaces/team-a/rolebindings`, { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name }, subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }] });
  }
  const { status } = await cluster.api<Loose>('POST', `/api/v1/namespaces/default/serviceaccounts/${name}/token`, { spec: { expirationSeconds: 3600 } });
  const kubeconfig = parse(readFileSync(cluster.kubeconfigPath, 'utf8')) as Loose;
  kubeconfig.users[0].user = { token: status.token };
  const path = `${cluster.kubeconfigPath}.${name}`;
  writeFileSync(path, stringify(kubeconfig));
  return path;
}

const bindView = (name: string, namespace: string, user: string) =>
  cluster.api('POST', `${RBAC}/namespaces/${namespace}/rolebindings`, {
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
  });

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  await cluster.api('POST', '/api/v1/namespaces/team-a/pods', podManifest('web', { app: 'web' }));
  const env = { PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1', PILOTHOUSE_SESSION_SECRET: SECRET, PILOTHOUSE_WATCH_IDLE_MS: '200' };
  const guardedConfig = await consoleAccount('console-guarded', [...CONSOLE_WATCH_PERMISSIONS, IMPERSONATE]);
  const partialConfig = await consoleAccount(
    'console-partial',
    [{ apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews', 'selfsubjectaccessreviews'], verbs: ['create'] }, IMPERSONATE],
    [{ apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] }],
  );
  [guarded, partial] = await Promise.all([
    startConsole({ ...env, KUBECONFIG: guardedConfig, PILOTHOUSE_WATCH_RECHECK_MS: '600000' }),
    startConsole({ ...env, KUBECONFIG: partialConfig, PILOTHOUSE_WATCH_RECHECK_MS: '1000' }),
  ]);
});

after(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all([guarded?.stop('SIGKILL'), partial?.stop('SIGKILL')]);
  await cluster?.stop();
});

describe('guarded: one watch under the console\'s identity, each subscription authorized by a SubjectAccessReview', () => {
  test('two users of different RBAC share one upstream watch where both may; each sees only what RBAC allows', async () => {
    const before = watches('pods');
    const alice = await recordWatch(await as(guarded, 'alice', 'developers'), 'a', pods('team-a'));
    const bob = await recordWatch(await as(guarded, 'bob'), 'b', pods('team-a'));
    await Promise.all([alice, bob].map((r) => r.until((x) => x.snapshots > 0)));
    assert.deepEqual(alice.names(), ['web']);
    assert.deepEqual(bob.names(), ['web']);
    await settles(() => watches('pods'), before + 1, 'upstream pod watches for two users');

    // A viewer sees default; bob, who may view team-a only, gets the Forbidden his own list would get.
    const viewer = await recordWatch(await as(guarded, 'carol', 'pilothouse:viewers'), 'v', pods('default'));
    await viewer.until((r) => r.names().some((name) => name.startsWith('kubia')));
    const refused = await recordWatch(await as(guarded, 'bob'), 'r', pods('default'));
    assert.deepEqual(refused.ack, { ok: true }, 'accepted, then refused: as an upstream 403 arrives today');
    await refused.until((r) => errorOf(r) !== undefined);
    assert.equal(refused.snapshots, 0);
    assert.deepEqual(errorOf(refused), await upstreamRefusal('bob', 'default'));
    await settles(() => watches('pods'), before + 2, 'one more upstream watch, for default');
  });

  test('deleting the RoleBinding ends the subscription at once (the RBAC watch), and nothing more reaches it', async () => {
    await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'revoke-g' } });
    await cluster.api('POST', '/api/v1/namespaces/revoke-g/pods', podManifest('one'));
    await bindView('dave-view', 'revoke-g', 'dave');
    const dave = await recordWatch(await as(guarded, 'dave'), 'd', pods('revoke-g'));
    const carol = await recordWatch(await as(guarded, 'carol', 'pilothouse:viewers'), 'c', pods('revoke-g'));
    await Promise.all([dave, carol].map((r) => r.until((x) => x.names().includes('one'))));
    const started = Date.now();
    await cluster.api('DELETE', `${RBAC}/namespaces/revoke-g/rolebindings/dave-view`);
    await dave.until((r) => errorOf(r) !== undefined);
    assert.ok(Date.now() - started < 5_000, 'well before the periodic re-check (10 minutes)');
    // A re-check already past its list review when the binding went away is refused at the watch review.
    const revoked = errorOf(dave) as { message: string };
    assert.deepEqual({ ...revoked, message: revoked.message.replace(' cannot watch ', ' cannot list ') }, await upstreamRefusal('dave', 'revoke-g'));
    await cluster.api('POST', '/api/v1/namespaces/revoke-g/pods', podManifest('two'));
    await carol.until((r) => r.names().includes('two'));
    await sleep(300);
    assert.deepEqual(dave.names(), ['one'], 'no event after the revocation');
    assert.equal(errorOf(carol), undefined, 'the others stay subscribed');
  });

  test('Secrets are never served from the console\'s watch: one upstream watch per user, and the user\'s own refusal', async () => {
    const before = watches('secrets');
    const target = { context: 'relayed', version: 'v1', resource: 'secrets', namespace: 'team-a' };
    const alice = await recordWatch(await as(guarded, 'alice', 'developers'), 's1', target);
    const erin = await recordWatch(await as(guarded, 'erin', 'developers'), 's2', target);
    await Promise.all([alice, erin].map((r) => r.until((x) => x.snapshots > 0)));
    await settles(() => watches('secrets'), before + 2, 'a secrets watch per user');
    // `view` does not include Secrets: the upstream refusal, under bob's own identity.
    const bob = await recordWatch(await as(guarded, 'bob'), 's3', target);
    await bob.until((r) => errorOf(r) !== undefined);
    assert.match(errorOf(bob)?.message ?? '', /User "bob" cannot list resource "secrets"/);
  });
});

describe('partial: what the console may not watch falls back to a watch per user; without an RBAC watch, re-checks are periodic', () => {
  test('default (which the console may not watch) gets one upstream watch per user, with the users\' own refusals', async () => {
    const before = watches('pods');
    const carol = await recordWatch(await as(partial, 'carol', 'pilothouse:viewers'), 'c', pods('default'));
    const gina = await recordWatch(await as(partial, 'gina', 'pilothouse:viewers'), 'g', pods('default'));
    await Promise.all([carol, gina].map((r) => r.until((x) => x.names().some((name) => name.startsWith('kubia')))));
    await settles(() => watches('pods'), before + 2, 'a watch per user');
    const bob = await recordWatch(await as(partial, 'bob'), 'b', pods('default'));
    await bob.until((r) => errorOf(r) !== undefined);
    assert.deepEqual(errorOf(bob), await upstreamRefusal('bob', 'default'));
  });

  test('team-a is guarded; deleting a RoleBinding ends the subscription within the periodic re-check', async () => {
    await bindView('frank-view', 'team-a', 'frank');
    const before = watches('pods');
    const frank = await recordWatch(await as(partial, 'frank'), 'f', pods('team-a'));
    const bob = await recordWatch(await as(partial, 'bob'), 'b2', pods('team-a'));
    await Promise.all([frank, bob].map((r) => r.until((x) => x.names().includes('web'))));
    await settles(() => watches('pods'), before + 1, 'one shared watch for team-a');
    await cluster.api('DELETE', `${RBAC}/namespaces/team-a/rolebindings/frank-view`);
    await frank.until((r) => errorOf(r) !== undefined, 5_000);
    assert.deepEqual(errorOf(frank), await upstreamRefusal('frank', 'team-a'));
    assert.equal(errorOf(bob), undefined);
  });
});
