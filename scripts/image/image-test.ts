// The container image (issue 15), built from the Dockerfile on a base made here and run as Kubernetes runs
// it: read-only, as its non-root user, with /tmp as the only place it may write, all capabilities dropped;
// then in a pod against the embedded cluster, with a service account's token and the shipped RBAC
// (deploy/base). `npm test` runs this file as its own stage (scripts/test.mjs), as root with podman.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { startEmbeddedCluster, type EmbeddedCluster } from '@/server/embedded-cluster';
import { eventually } from '@/server/embedded-cluster/testing/eventually';
import { createKubectl, type Kubectl } from '@/server/embedded-cluster/testing/kubectl';
import { ensureBaseImage } from './base-image';
import { buildImage, IMAGE, IMAGE_UID } from './build-image';
import { createPodman, type Podman } from './podman';

/** The console's own grace period after SIGTERM (server/shutdown.ts), and a little for podman. */
const GRACE_MS = 10_000;
const SIZE_BUDGET_MB = 250;
const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const SESSION_SECRET = 'image-test-session-secret-0123456789abcdef';
// The proxy's headers and the console's own write header, as a browser behind oauth2-proxy sends them.
const ALICE = { 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'developers' };
const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };

let podman: Podman;
const started = new Set<string>();

interface Container {
  name: string;
  url: string;
  logs(): Promise<string>;
}

/** Runs the image the way the shipped Deployment does, on the host's network, and waits for /healthz. */
async function runContainer(name: string, options: { port: number; env: Record<string, string>; volumes?: string[] }): Promise<Container> {
  await podman.run(['rm', '--force', '--time', '0', name]);
  const env = Object.entries({ PORT: String(options.port), ...options.env }).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
  const volumes = (options.volumes ?? []).flatMap((volume) => ['--volume', volume]);
  started.add(name);
  await podman.ok([
    'run', '--detach', '--name', name,
    // Only /tmp is writable, as in the Deployment (podman would add tmpfs on /run and /var/tmp too).
    '--read-only', '--read-only-tmpfs=false', '--tmpfs', '/tmp:rw,mode=1777,size=64m',
    '--user', `${IMAGE_UID}:${IMAGE_UID}`,
    '--cap-drop', 'all', '--security-opt', 'no-new-privileges',
    '--network', 'host', '--runtime', 'runc',
    ...env, ...volumes, IMAGE,
  ]);
  const logs = async () => {
    const printed = await podman.run(['logs', name]);
    return printed.stdout + printed.stderr;
  };
  const container = { name, url: `http://127.0.0.1:${options.port}`, logs };
  await eventually(async () => {
    const running = (await podman.ok(['inspect', '--format', '{{.State.Running}}', name])).trim();
    if (running !== 'true') throw new Error(`${name} stopped:\n${await container.logs()}`);
    return (await fetch(`${container.url}/healthz`).catch(() => undefined))?.ok;
  }, `${name} to serve /healthz`, 120_000);
  return container;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

before(async () => {
  podman = createPodman();
  const begun = Date.now();
  const base = await ensureBaseImage(podman);
  const built = Date.now();
  const rebuilt = await buildImage(podman, { base });
  console.log(`base image ${base}: ${((built - begun) / 1000).toFixed(0)} s; image ${rebuilt ? 'built' : 'of these inputs found'}: ${((Date.now() - built) / 1000).toFixed(0)} s`);
});

after(async () => {
  for (const name of started) await podman.run(['rm', '--force', '--time', '0', name]);
});

describe('the image', () => {
  test(`is under ${SIZE_BUDGET_MB} MB, runs as uid ${IMAGE_UID} with an exec-form entrypoint, and has no shell`, async () => {
    const [inspected] = JSON.parse(await podman.ok(['image', 'inspect', IMAGE])) as { Size: number; Config: { User: string; Entrypoint: string[]; Cmd?: string[] } }[];
    const mb = inspected.Size / 1e6;
    console.log(`image size: ${mb.toFixed(0)} MB`);
    assert.ok(mb < SIZE_BUDGET_MB, `${mb.toFixed(0)} MB`);
    assert.equal(inspected.Config.User, `${IMAGE_UID}:${IMAGE_UID}`);
    assert.deepEqual(inspected.Config.Entrypoint, ['/usr/local/bin/node', 'server/standalone.mjs']);
    for (const shell of ['/bin/sh', '/bin/bash']) {
      const tried = await podman.run(['run', '--rm', '--network', 'none', '--runtime', 'runc', '--entrypoint', shell, IMAGE, '-c', 'true']);
      assert.notEqual(tried.code, 0, `${shell} ran`);
    }
  });

  test('read-only and non-root it serves the shell page, socket.io, /healthz and /readyz, writes nothing outside /tmp, and exits 0 on SIGTERM', async () => {
    // HOST=0.0.0.0 in the image: without a team mode, `none` must be said out loud.
    const console_ = await runContainer('pilothouse-image-test-plain', { port: 34231, env: { PILOTHOUSE_AUTH: 'none' } });
    const page = await get(`${console_.url}/pods`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Pilothouse/);
    assert.equal((await get(`${console_.url}/healthz`)).text, 'ok');
    // The embedded cluster (the demo) starts on the first probe, in the container's memory.
    const ready = await get(`${console_.url}/readyz`);
    assert.equal(ready.status, 200, ready.text);
    assert.equal(ready.text, '[+]context "embedded" ok\nreadyz check passed\n');
    // A manifest over 4 KiB is read in the worker thread, whose file sits beside the server's bundle.
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  text: "${'x'.repeat(8192)}"\n`;
    const created = await fetch(`${console_.url}/api/clusters/embedded/manifests`, { method: 'POST', headers: { ...WRITE, origin: console_.url }, body: JSON.stringify({ manifest: big, dryRun: true }) });
    assert.equal(created.status, 200, await created.clone().text());
    assert.equal(((await created.json()) as { results: { outcome: string }[] }).results[0].outcome, 'valid');

    const socket = io(console_.url, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: console_.url }, reconnection: false });
    try {
      const hello = await new Promise<{ version: string }>((resolve, reject) => {
        socket.on('server:hello', resolve);
        socket.on('connect_error', reject);
      });
      assert.equal(typeof hello.version, 'string');
      const pong = await socket.timeout(10_000).emitWithAck('server:ping');
      assert.ok(!Number.isNaN(Date.parse(pong.at)));
    } finally {
      socket.close();
    }

    const stopping = Date.now();
    await podman.ok(['kill', '--signal', 'TERM', console_.name]);
    const code = (await podman.ok(['wait', console_.name], { timeoutMs: GRACE_MS + 10_000 })).trim();
    const took = Date.now() - stopping;
    assert.equal(code, '0');
    assert.ok(took < GRACE_MS, `SIGTERM took ${took} ms`);
    console.log(`SIGTERM to exit 0: ${took} ms`);
    const logs = await console_.logs();
    assert.doesNotMatch(logs, /EROFS|EACCES|read-only file system|permission denied/i);
    assert.match(logs, /SIGTERM: shutting down/);
    assert.equal((await podman.ok(['diff', console_.name])).trim(), '', 'the container changed its filesystem');
  });
});

describe('in a pod, against the embedded cluster, with the shipped RBAC (deploy/base)', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  let secrets: string;
  let podEnv: Record<string, string>;

  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
    // The console's namespace, ServiceAccount and ClusterRoles as shipped; not its Deployment, whose pods would
    // come and go while the lists below are compared.
    await kubectl.ok(['apply', ...['namespace', 'serviceaccount', 'rbac'].flatMap((file) => ['--filename', `deploy/base/${file}.yaml`])]);
    // The demo seed's team-a, where alice may edit, holds no pod of its own.
    await kubectl.ok(['run', 'web', '--image', 'nginx', '--namespace', 'team-a']);
    // What the kubelet projects into a pod of the ServiceAccount: a bound token, the cluster's CA, the namespace.
    const token = (await kubectl.ok(['create', 'token', 'pilothouse', '--namespace', 'pilothouse'])).stdout.trim();
    secrets = mkdtempSync(join(tmpdir(), 'pilothouse-sa-'));
    writeFileSync(join(secrets, 'token'), token);
    writeFileSync(join(secrets, 'ca.crt'), cluster.caCert);
    writeFileSync(join(secrets, 'namespace'), 'pilothouse');
    // The projected volume's default mode (0644), readable by the console's uid.
    chmodSync(secrets, 0o755);
    const url = new URL(cluster.url);
    podEnv = { KUBERNETES_SERVICE_HOST: url.hostname, KUBERNETES_SERVICE_PORT: url.port, PILOTHOUSE_EMBEDDED: 'false' };
  });

  after(async () => {
    await kubectl?.dispose();
    await cluster?.stop();
    if (secrets) rmSync(secrets, { recursive: true, force: true });
  });

  const podNames = async (namespace?: string) =>
    (await kubectl.ok(['get', 'pods', ...(namespace ? ['--namespace', namespace] : ['--all-namespaces']), '--output', 'jsonpath={.items[*].metadata.name}'])).stdout.split(' ').filter(Boolean).sort();
  const itemNames = (list: Record<string, unknown>) => (list.items as { metadata: { name: string } }[]).map((item) => item.metadata.name).sort();

  test('proxy mode (the shipped default): the in-cluster context lists what the user may list, as that user, and the cluster refuses the rest', async () => {
    const console_ = await runContainer('pilothouse-image-test-proxy', {
      port: 34232,
      env: { ...podEnv, PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1', PILOTHOUSE_SESSION_SECRET: SESSION_SECRET },
      volumes: [`${secrets}:${SA_DIR}:ro`],
    });
    const contexts = (await get(`${console_.url}/api/contexts`, ALICE)).json();
    assert.deepEqual(contexts.contexts, [{ name: 'in-cluster', cluster: 'inCluster', namespace: 'pilothouse', source: 'in-cluster', isDefault: true }]);
    const ready = await get(`${console_.url}/readyz`);
    assert.equal(ready.text, '[+]context "in-cluster" ok\nreadyz check passed\n');

    const teamA = await get(`${console_.url}/api/clusters/in-cluster/k8s/api/v1/namespaces/team-a/pods`, ALICE);
    assert.equal(teamA.status, 200, teamA.text);
    const expected = await podNames('team-a');
    assert.ok(expected.length > 0);
    assert.deepEqual(itemNames(teamA.json()), expected);

    // alice may not list kube-system's pods; the console's own account could, but it asks as alice.
    const system = await get(`${console_.url}/api/clusters/in-cluster/k8s/api/v1/namespaces/kube-system/pods`, ALICE);
    assert.equal(system.status, 403, system.text);
    assert.match(String(system.json().message), /User "alice" cannot list resource "pods" in API group "" in the namespace "kube-system"/);
  });

  test('its own credentials (PILOTHOUSE_AUTH=none) reach exactly what the ClusterRole grants: pods listed, secrets and deletes refused', async () => {
    const console_ = await runContainer('pilothouse-image-test-own', {
      port: 34233,
      env: { ...podEnv, PILOTHOUSE_AUTH: 'none' },
      volumes: [`${secrets}:${SA_DIR}:ro`],
    });
    const pods = await get(`${console_.url}/api/clusters/in-cluster/k8s/api/v1/pods`);
    assert.equal(pods.status, 200, pods.text);
    assert.deepEqual(itemNames(pods.json()), await podNames());

    const account = 'system:serviceaccount:pilothouse:pilothouse';
    const secretsList = await get(`${console_.url}/api/clusters/in-cluster/k8s/api/v1/secrets`);
    assert.equal(secretsList.status, 403, secretsList.text);
    assert.match(String(secretsList.json().message), new RegExp(`User "${account}" cannot list resource "secrets"`));
    const [victim] = await podNames('team-a');
    const deleted = await fetch(`${console_.url}/api/clusters/in-cluster/k8s/api/v1/namespaces/team-a/pods/${victim}`, { method: 'DELETE', headers: { ...WRITE, origin: console_.url } });
    assert.equal(deleted.status, 403, await deleted.clone().text());
    assert.match(String(((await deleted.json()) as { message: string }).message), new RegExp(`User "${account}" cannot delete resource "pods"`));
    assert.ok((await podNames('team-a')).includes(victim), 'the pod is still there');
  });
});
