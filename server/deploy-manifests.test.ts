import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { readServerConfig } from './config';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded-cluster';
import { eventually } from './embedded-cluster/testing/eventually';
import { createKubectl, type Kubectl } from './embedded-cluster/testing/kubectl';
import { parseTable } from './embedded-cluster/testing/kubectl-table';

// The manifests in deploy/ as a user installs them: rendered by kubectl's own kustomize, and accepted by
// a server-side dry run against the embedded cluster (which must refuse what kube-apiserver refuses).
// Rendered manifests are walked by path; a missing field fails the assertion that reads it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;
const DEPLOY = resolve('deploy');
const OVERLAYS = ['proxy', 'oidc', 'token'] as const;
const NAMESPACE = 'pilothouse';
/** server/shutdown.ts: in-flight requests get this long after the shutdown delay. */
const DRAIN_MS = 10_000;

const CONSOLE_KINDS = ['Namespace', 'ServiceAccount', 'Service', 'Deployment', 'PodDisruptionBudget', 'Ingress'];
const EXPECTED_KINDS: Record<(typeof OVERLAYS)[number], string[]> = {
  proxy: ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRole', 'ClusterRoleBinding', 'ClusterRoleBinding', 'Service', 'Deployment', 'PodDisruptionBudget', 'Ingress'],
  oidc: CONSOLE_KINDS,
  token: CONSOLE_KINDS,
};

const overlayPath = (overlay: string) => join(DEPLOY, 'overlays', overlay);
const ofKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
const consoleContainer = (deployment: Obj) => deployment.spec.template.spec.containers.find((c: Obj) => c.name === 'pilothouse');

/** The container's env as the process sees it, with each Secret reference standing for a value of that Secret. */
function processEnv(container: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env as Obj[]) {
    if (entry.valueFrom) assert.ok(entry.valueFrom.secretKeyRef?.name, `${entry.name} comes from a Secret`);
    env[entry.name] = entry.valueFrom ? 's'.repeat(44) : entry.value;
  }
  return env;
}

describe('deploy/: the kustomize overlays', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  const rendered = new Map<string, Obj[]>();
  before(async () => {
    // The demo seed has nodes, so the Deployment's pods are scheduled and run.
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  it('kubectl kustomize renders every overlay with the kinds its auth mode needs', async () => {
    for (const overlay of OVERLAYS) {
      const out = await kubectl.ok(['kustomize', overlayPath(overlay)]);
      const objects = parseAllDocuments(out.stdout).map((doc) => doc.toJS() as Obj);
      rendered.set(overlay, objects);
      assert.deepEqual(objects.map((o) => o.kind), EXPECTED_KINDS[overlay], overlay);
      for (const obj of objects.filter((o) => o.kind !== 'Namespace' && !o.kind.startsWith('Cluster'))) {
        assert.equal(obj.metadata.namespace, NAMESPACE, `${overlay}: ${obj.kind} in the console's namespace`);
      }
    }
  });

  it('every Deployment runs two non-root, read-only replicas with nothing but /tmp writable', () => {
    for (const [overlay, objects] of rendered) {
      const [deployment, ...others] = ofKind(objects, 'Deployment');
      assert.equal(others.length, 0);
      assert.equal(deployment.spec.replicas, 2, overlay);
      const pod = deployment.spec.template.spec;
      assert.equal(pod.serviceAccountName, 'pilothouse');
      assert.equal(pod.securityContext.runAsNonRoot, true, overlay);
      assert.ok(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0, `${overlay}: a fixed non-root uid`);
      assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault', overlay);
      for (const container of pod.containers as Obj[]) {
        const where = `${overlay}/${container.name}`;
        assert.deepEqual(
          container.securityContext,
          { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
          where,
        );
        assert.ok(container.resources.requests.cpu && container.resources.requests.memory && container.resources.limits.memory, `${where}: resources`);
        assert.ok(container.livenessProbe && container.readinessProbe, `${where}: probes`);
      }
      const main = consoleContainer(deployment);
      assert.equal(main.livenessProbe.httpGet.path, '/healthz');
      assert.equal(main.readinessProbe.httpGet.path, '/readyz');
      const tmp = main.volumeMounts.find((m: Obj) => m.mountPath === '/tmp');
      assert.ok(tmp, `${overlay}: /tmp mounted`);
      assert.deepEqual(Object.keys(pod.volumes.find((v: Obj) => v.name === tmp.name)), ['emptyDir', 'name']);
      const delayMs = Number(processEnv(main).PILOTHOUSE_SHUTDOWN_DELAY_MS);
      assert.ok(pod.terminationGracePeriodSeconds * 1000 > delayMs + DRAIN_MS, `${overlay}: the kubelet waits out the delay and the drain`);
    }
  });

  it('the console reads each overlay`s settings as its auth mode, the session secret from a Secret', () => {
    for (const overlay of OVERLAYS.filter((o) => o !== 'oidc')) {
      const main = consoleContainer(ofKind(rendered.get(overlay)!, 'Deployment')[0]);
      const secret = main.env.find((e: Obj) => e.name === 'PILOTHOUSE_SESSION_SECRET');
      assert.deepEqual(secret.valueFrom, { secretKeyRef: { name: 'pilothouse-session', key: 'session-secret' } });
      const env = processEnv(main);
      assert.equal(env.PILOTHOUSE_EMBEDDED, 'false');
      const config = readServerConfig(env, []);
      assert.equal(config.host, '0.0.0.0');
      assert.equal(config.auth.mode, overlay);
      assert.equal(config.publicUrl, 'https://console.example.com');
    }
  });

  it('the Ingress host, its TLS host, the public URL and oauth2-proxy`s redirect agree, in each overlay and the example', async () => {
    const example = await kubectl.ok(['kustomize', join(DEPLOY, 'examples', 'my-team')]);
    const all = [...rendered, ['examples/my-team', parseAllDocuments(example.stdout).map((doc) => doc.toJS() as Obj)] as const];
    for (const [name, objects] of all) {
      const [ingress] = ofKind(objects, 'Ingress');
      const deployment = ofKind(objects, 'Deployment')[0];
      const host = new URL(processEnv(consoleContainer(deployment)).PILOTHOUSE_PUBLIC_URL).host;
      assert.equal(ingress.spec.rules[0].host, host, name);
      assert.deepEqual(ingress.spec.tls[0].hosts, [host], name);
      const proxy = deployment.spec.template.spec.containers.find((c: Obj) => c.name === 'oauth2-proxy');
      if (proxy) assert.ok(proxy.args.includes(`--redirect-url=https://${host}/oauth2/callback`), name);
    }
    assert.match(example.stdout, /image: registry\.example\.org\/tools\/pilothouse:2026\.12\.1\n/);
  });

  it('grants the console impersonation and reads in proxy mode only, never secrets or cluster-admin', () => {
    for (const [overlay, objects] of rendered) {
      for (const binding of [...ofKind(objects, 'ClusterRoleBinding'), ...ofKind(objects, 'RoleBinding')]) {
        assert.notEqual(binding.roleRef.name, 'cluster-admin', overlay);
      }
      const roles = [...ofKind(objects, 'ClusterRole'), ...ofKind(objects, 'Role')];
      if (overlay !== 'proxy') {
        assert.deepEqual(roles, [], `${overlay}: no permission of its own`);
        continue;
      }
      const rules = roles.flatMap((r) => r.rules as Obj[]);
      assert.ok(rules.some((r) => r.verbs.includes('impersonate') && r.resources.includes('users') && r.resources.includes('groups')));
      for (const rule of rules) {
        assert.ok(!rule.resources.includes('secrets') && !rule.resources.includes('*') && !rule.verbs.includes('*'), JSON.stringify(rule));
        assert.ok(!rule.resources.includes('serviceaccounts') || !rule.verbs.includes('impersonate'), 'no impersonating service accounts');
      }
    }
  });

  it('kubectl apply --dry-run=server -k is accepted for each overlay and stores nothing', async () => {
    // A server dry run of a namespace's objects needs the namespace (kube-apiserver's NamespaceLifecycle
    // admission), as against a real cluster.
    await kubectl.ok(['create', 'namespace', NAMESPACE]);
    for (const overlay of OVERLAYS) {
      const out = await kubectl.ok(['apply', '--dry-run=server', '-k', overlayPath(overlay)]);
      const lines = out.stdout.trim().split('\n');
      assert.equal(lines.length, EXPECTED_KINDS[overlay].length, out.stdout);
      for (const line of lines) assert.match(line, / (created|configured) \(server dry run\)$/);
      assert.ok(lines.includes('poddisruptionbudget.policy/pilothouse created (server dry run)'));
      assert.ok(lines.includes('ingress.networking.k8s.io/pilothouse created (server dry run)'));
    }
    const left = await kubectl.run(['get', 'deployments,services,poddisruptionbudgets,ingresses', '-n', NAMESPACE]);
    assert.equal(left.stdout, '');
    assert.equal(left.stderr, `No resources found in ${NAMESPACE} namespace.\n`);
    assert.equal((await kubectl.ok(['get', 'serviceaccounts', '-n', NAMESPACE, '-o', 'name'])).stdout, 'serviceaccount/default\n');
    assert.match((await kubectl.run(['get', 'clusterroles', 'pilothouse-watch', 'pilothouse-impersonate'])).stderr, /NotFound.*\n.*NotFound/);
  });

  it('a broken manifest is refused the way kube-apiserver refuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pilothouse-overlay-'));
    try {
      await writeFile(
        join(dir, 'kustomization.yaml'),
        `resources:\n  - ${relative(dir, overlayPath('token'))}\npatches:\n  - target: {kind: PodDisruptionBudget}\n    patch: |-\n      - {op: add, path: /spec/minAvailabel, value: 1}\n`,
      );
      const out = await kubectl.run(['apply', '--dry-run=server', '-k', dir]);
      assert.equal(out.code, 1);
      // Only the budget is refused; the other objects pass their dry run.
      const errors = out.stderr.split('\n').filter((line) => line.startsWith('Error'));
      assert.equal(errors.length, 1, out.stderr);
      assert.match(errors[0], /^Error from server \(BadRequest\): error when creating ".*": PodDisruptionBudget in version "v1" cannot be handled as a PodDisruptionBudget: strict decoding error: unknown field "spec\.minAvailabel"$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('applied for real, the proxy overlay lets the console impersonate and watch, and nothing more', async () => {
    await kubectl.ok(['apply', '-k', overlayPath('proxy')]);
    const sa = `system:serviceaccount:${NAMESPACE}:pilothouse`;
    const can = async (...args: string[]) => (await kubectl.run(['auth', 'can-i', ...args, `--as=${sa}`])).stdout.trim();
    assert.equal(await can('impersonate', 'users'), 'yes');
    assert.equal(await can('impersonate', 'groups'), 'yes');
    assert.equal(await can('watch', 'pods', '--all-namespaces'), 'yes');
    assert.equal(await can('list', 'deployments.apps', '-n', 'default'), 'yes');
    assert.equal(await can('create', 'subjectaccessreviews.authorization.k8s.io'), 'yes');
    assert.equal(await can('impersonate', 'serviceaccounts'), 'no');
    assert.equal(await can('get', 'secrets', '--all-namespaces'), 'no');
    assert.equal(await can('delete', 'pods', '-n', 'default'), 'no');
    assert.equal(await can('create', 'clusterrolebindings'), 'no');
  });

  it('rolls out, upgrades and rolls back as docs/deploy.md says', async () => {
    const rollout = (...args: string[]) => kubectl.ok(['-n', NAMESPACE, 'rollout', ...args, 'deployment/pilothouse'], { timeoutMs: 60_000 });
    const image = async () => (await kubectl.ok(['-n', NAMESPACE, 'get', 'deployment/pilothouse', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).stdout;
    await rollout('status', '--timeout=50s');
    // Two ready replicas and minAvailable 1: the disruption controller allows one disruption.
    const budget = await eventually(async () => {
      const table = parseTable((await kubectl.ok(['-n', NAMESPACE, 'get', 'pdb'])).stdout);
      return table.rows[0]?.['ALLOWED DISRUPTIONS'] === '1' ? table.rows[0] : undefined;
    }, 'the budget allows one disruption');
    assert.deepEqual({ ...budget, AGE: '' }, { NAME: 'pilothouse', 'MIN AVAILABLE': '1', 'MAX UNAVAILABLE': 'N/A', 'ALLOWED DISRUPTIONS': '1', AGE: '' });
    await kubectl.ok(['-n', NAMESPACE, 'set', 'image', 'deployment/pilothouse', 'pilothouse=pilothouse:next']);
    await rollout('status', '--timeout=50s');
    assert.equal(await image(), 'pilothouse:next');
    await rollout('undo');
    await rollout('status', '--timeout=50s');
    assert.equal(await image(), 'pilothouse:latest');
    // The first ReplicaSet comes back as revision 3, as the deployment controller reuses it.
    const history = (await rollout('history')).stdout;
    assert.deepEqual(history.trim().split('\n').slice(2).map((line) => line.split(/\s+/)[0]), ['2', '3']);
  });
});
