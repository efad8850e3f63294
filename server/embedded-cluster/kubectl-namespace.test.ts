import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { eventually } from './testing/eventually';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { names, parseTables } from './testing/kubectl-table';

// The Namespaces page's server side: the protected namespaces, the namespace controller's conditions
// while content remains, and the `all` category, refereed by kubectl and client-node. The demo seed
// gives nodes with kubelets, so pods run and terminate gracefully as on a real cluster. Deadlines are
// generous: on a busy machine each kubectl run alone can take seconds.
const DEADLINE_MS = 60_000;

/** `kubectl get ns X -o jsonpath=...`: one `type=status reason: message` line per condition. */
const CONDITIONS_JSONPATH = 'jsonpath={range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}';

const podManifest = (name: string, namespace: string, extra: { finalizers?: string[]; spec?: Record<string, unknown> } = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, ...(extra.finalizers ? { finalizers: extra.finalizers } : {}) },
    spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }], ...extra.spec },
  });

describe('kubectl against the embedded cluster: namespaces', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  let core: CoreV1Api;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' }, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    core = kc.makeApiClient(CoreV1Api);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  const conditionLines = async (namespace: string) => (await kubectl.ok(['get', 'ns', namespace, '-o', CONDITIONS_JSONPATH])).stdout;
  const podRunning = (name: string, namespace: string) =>
    eventually(async () => (await kubectl.ok(['get', 'pod', name, '-n', namespace, '-o', 'jsonpath={.status.phase}'])).stdout === 'Running', `${name} Running`, DEADLINE_MS);

  it('refuses to delete default, kube-system and kube-public, even as a dry run', async () => {
    for (const name of ['default', 'kube-system', 'kube-public']) {
      const expected = `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted\n`;
      for (const args of [['delete', 'ns', name], ['delete', 'ns', name, '--dry-run=server']]) {
        const out = await kubectl.run(args);
        assert.equal(out.code, 1, args.join(' '));
        assert.equal(out.stderr, expected, args.join(' '));
      }
      assert.equal((await kubectl.ok(['get', 'ns', name, '-o', 'jsonpath={.status.phase}'])).stdout, 'Active');
    }
  });

  it('answers the refusal with the Status errors.NewForbidden builds', async () => {
    const err = await core.deleteNamespace({ name: 'default' }).then(
      () => assert.fail('deleted default'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiException);
    assert.equal(err.code, 403);
    assert.deepEqual(JSON.parse(err.body as string), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'namespaces "default" is forbidden: this namespace may not be deleted',
      reason: 'Forbidden',
      details: { name: 'default', kind: 'namespaces' },
      code: 403,
    });
  });

  it('reports the conditions while a pod with a finalizer remains, then removes the namespace', async () => {
    await kubectl.ok(['create', 'namespace', 'held']);
    await kubectl.ok(['create', '-f', '-'], { stdin: podManifest('kubia', 'held', { finalizers: ['example.com/x'] }) });
    await kubectl.ok(['create', 'configmap', 'settings', '-n', 'held']);
    await podRunning('kubia', 'held');
    assert.equal((await kubectl.ok(['delete', 'ns', 'held', '--wait=false'])).stdout, 'namespace "held" deleted\n');

    // The kubelet stops the pod within its (scaled) grace period; the finalizer keeps the object.
    const expected = [
      'NamespaceDeletionDiscoveryFailure=False ResourcesDiscovered: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure=False ParsedGroupVersions: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure=False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
      'NamespaceFinalizersRemaining=True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/x in 1 resource instances',
      '',
    ].join('\n');
    await eventually(async () => (await conditionLines('held')) === expected, 'the conditions of a namespace held by a finalizer', DEADLINE_MS);
    assert.equal((await kubectl.ok(['get', 'ns', 'held', '-o', 'jsonpath={.status.phase}'])).stdout, 'Terminating');
    const configmaps = await kubectl.run(['get', 'configmaps', '-n', 'held']);
    assert.equal(configmaps.stderr, 'No resources found in held namespace.\n');

    // The same conditions over HTTP, as the console reads them.
    const ns = await core.readNamespace({ name: 'held' });
    assert.deepEqual(
      ns.status?.conditions?.map((c) => [c.type, c.status, c.reason]),
      [
        ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
        ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
        ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
        ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain'],
        ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain'],
      ],
    );
    assert.ok(ns.status?.conditions?.every((c) => c.lastTransitionTime instanceof Date));

    await kubectl.ok(['patch', 'pod', 'kubia', '-n', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await kubectl.ok(['wait', '--for=delete', 'namespace/held', '--timeout=60s'], { timeoutMs: 90_000 });
  });

  it('reports pods still in their grace period as content remaining without finalizers', async () => {
    await kubectl.ok(['create', 'namespace', 'graceful']);
    // luksa/kubia ignores SIGTERM, so it lives out its grace period (10,000s: 100s in test mode; the
    // test ends it sooner with a forced delete).
    await kubectl.ok(['create', '-f', '-'], { stdin: podManifest('kubia', 'graceful', { spec: { terminationGracePeriodSeconds: 10_000 } }) });
    await podRunning('kubia', 'graceful');
    await kubectl.ok(['delete', 'ns', 'graceful', '--wait=false']);
    const lines = await eventually(async () => {
      const out = await conditionLines('graceful');
      return out.includes('NamespaceContentRemaining=True') ? out.split('\n') : undefined;
    }, 'NamespaceContentRemaining', DEADLINE_MS);
    assert.deepEqual(lines.slice(2, 5), [
      'NamespaceDeletionContentFailure=False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
      'NamespaceFinalizersRemaining=False ContentHasNoFinalizers: All content-preserving finalizers finished',
    ]);
    await kubectl.ok(['delete', 'pod', 'kubia', '-n', 'graceful', '--grace-period=0', '--force']);
    await kubectl.ok(['wait', '--for=delete', 'namespace/graceful', '--timeout=60s'], { timeoutMs: 90_000 });
  });

  it('reports a content failure for a pod that outlives the grace period of its spec', async () => {
    await kubectl.ok(['create', 'namespace', 'orphaned']);
    await kubectl.ok(['create', '-f', '-'], { stdin: podManifest('kubia', 'orphaned', { spec: { terminationGracePeriodSeconds: 1 } }) });
    await podRunning('kubia', 'orphaned');
    // The delete's own grace period outlasts the spec's, which is all the controller's estimate reads.
    await kubectl.ok(['delete', 'pod', 'kubia', '-n', 'orphaned', '--grace-period=10000', '--wait=false']);
    await kubectl.ok(['delete', 'ns', 'orphaned', '--wait=false']);
    const failure =
      'NamespaceDeletionContentFailure=True ContentDeletionFailed: Failed to delete all resource types, 1 remaining: ' +
      'unexpected items still remain in namespace: orphaned for gvr: /v1, Resource=pods';
    await eventually(async () => (await conditionLines('orphaned')).split('\n').includes(failure), 'NamespaceDeletionContentFailure', DEADLINE_MS);
    await kubectl.ok(['delete', 'pod', 'kubia', '-n', 'orphaned', '--grace-period=0', '--force']);
    await kubectl.ok(['wait', '--for=delete', 'namespace/orphaned', '--timeout=60s'], { timeoutMs: 90_000 });
  });

  it('lists the all category in discovery on the served kinds kube-apiserver marks', async () => {
    const out = await kubectl.ok(['api-resources', '--categories=all', '-o', 'name']);
    assert.deepEqual(out.stdout.split('\n').filter(Boolean).sort(), ['deployments.apps', 'pods', 'replicasets.apps', 'services']);
  });

  it('gets all in a namespace, then deletes all --all and leaves the namespace and its configmaps', async () => {
    await kubectl.ok(['create', 'namespace', 'workload']);
    await kubectl.ok(['create', 'deployment', 'kubia', '--image=luksa/kubia', '--replicas=2', '-n', 'workload']);
    await kubectl.ok(['create', 'service', 'clusterip', 'kubia', '--tcp=80:8080', '-n', 'workload']);
    await kubectl.ok(['create', '-f', '-'], { stdin: podManifest('kubia-manual', 'workload') });
    await kubectl.ok(['create', 'configmap', 'settings', '-n', 'workload']);

    const tables = await eventually(async () => {
      const all = parseTables((await kubectl.ok(['get', 'all', '-n', 'workload'])).stdout);
      return all.length === 4 && all[0]?.rows.length === 3 ? all : undefined;
    }, 'get all: the pods, the service, the deployment and its replicaset', DEADLINE_MS);
    const [pods, services, deployments, replicasets] = tables.map((t) => t ?? { headers: [], rows: [] });
    assert.deepEqual(pods?.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    assert.ok(names(pods ?? { headers: [], rows: [] }).includes('pod/kubia-manual'));
    assert.deepEqual(names(services ?? { headers: [], rows: [] }), ['service/kubia']);
    assert.deepEqual(deployments?.headers, ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    assert.deepEqual(names(deployments ?? { headers: [], rows: [] }), ['deployment.apps/kubia']);
    const [replicaset = ''] = names(replicasets ?? { headers: [], rows: [] });
    assert.match(replicaset, /^replicaset\.apps\/kubia-[a-z0-9]+$/);

    const out = await kubectl.ok(['delete', 'all', '--all', '-n', 'workload']);
    const lines = out.stdout.split('\n').filter(Boolean);
    for (const line of ['pod "kubia-manual" deleted', 'service "kubia" deleted', 'deployment.apps "kubia" deleted']) {
      assert.ok(lines.includes(line), `${line} in\n${out.stdout}`);
    }
    // The garbage collector may remove the ReplicaSet (its Deployment went first) before kubectl's own delete
    // reaches it; `--all` implies --ignore-not-found, so kubectl then prints nothing for it, as on a real cluster.
    const replicasetLines = lines.filter((l) => l.startsWith('replicaset'));
    assert.ok(replicasetLines.every((l) => l === `${replicaset.replace('/', ' "')}" deleted`), out.stdout);
    assert.equal(out.stderr, '');
    // Pods the ReplicaSet made before it went are the garbage collector's to remove.
    await eventually(async () => (await kubectl.run(['get', 'all', '-n', 'workload'])).stderr === 'No resources found in workload namespace.\n', 'an empty get all', DEADLINE_MS);
    const configmaps = (await kubectl.ok(['get', 'configmaps', '-n', 'workload', '-o', 'name'])).stdout;
    assert.ok(configmaps.split('\n').includes('configmap/settings'), configmaps);
    assert.equal((await kubectl.ok(['get', 'ns', 'workload', '-o', 'jsonpath={.status.phase}'])).stdout, 'Active');
  });
});
