import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded-cluster';
import { eventually } from './embedded-cluster/testing/eventually';
import { createKubectl, type Kubectl } from './embedded-cluster/testing/kubectl';
import { parseTable } from './embedded-cluster/testing/kubectl-table';
import { NAMESPACE, OVERLAYS, overlayPath, render } from './testing/deploy-overlays';

// The manifests in deploy/ sent to the embedded cluster with the real kubectl: a server-side dry run of
// each overlay (the cluster must refuse what kube-apiserver refuses), then the proxy overlay for real.
describe('deploy/: the kustomize overlays against the embedded cluster', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    // The demo seed has nodes, so the Deployment's pods are scheduled and run.
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  it('kubectl apply --dry-run=server -k is accepted for each overlay and stores nothing', async () => {
    // A server dry run of a namespace's objects needs the namespace (kube-apiserver's NamespaceLifecycle
    // admission), as against a real cluster.
    await kubectl.ok(['create', 'namespace', NAMESPACE]);
    for (const overlay of OVERLAYS) {
      const out = await kubectl.ok(['apply', '--dry-run=server', '-k', overlayPath(overlay)]);
      const lines = out.stdout.trim().split('\n');
      assert.equal(lines.length, (await render(overlayPath(overlay))).length, out.stdout);
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
