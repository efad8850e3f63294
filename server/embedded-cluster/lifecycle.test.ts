import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppsV1Api, KubeConfig, type V1Deployment } from '@kubernetes/client-node';
import { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from './index';
import { runningPod } from './seeds/running-pod';
import { eventually } from './testing/eventually';
import { createKubectl, manifestPath, type Kubectl } from './testing/kubectl';
import { parseTable } from './testing/kubectl-table';
import type { KubeObject } from './types';

// Namespace lifecycle, the workload controllers, garbage collection and seeds, refereed by the real
// kubectl (what it prints) and client-node (propagation policies), each suite on a fresh cluster.

/**
 * Stands in for the kubelet where a test needs pods to be available: pods of `namespace` are stored
 * Running and Ready on a node `node-1`, and a pod being deleted there is removed, as a kubelet
 * confirms a graceful deletion. Returns the function that stops it.
 */
function fakeKubelet(cluster: EmbeddedCluster, namespace = 'default'): () => void {
  const store = cluster.registry.store;
  const tend = (pod: KubeObject) => {
    const name = pod.metadata.name ?? '';
    const current = store.get('pods', namespace, name);
    if (!current) return;
    if (current.metadata.deletionTimestamp) {
      if ((current.spec as { nodeName?: string } | undefined)?.nodeName && !(current.metadata.finalizers ?? []).length) store.remove('pods', namespace, name);
      return;
    }
    if ((current.status as { phase?: string } | undefined)?.phase === 'Running') return;
    store.put('pods', runningPod(current, { node: 'node-1', hostIP: '10.0.0.1', podIP: '10.244.0.9', startedAt: new Date() }));
  };
  for (const pod of store.list('pods', namespace)) tend(pod);
  return store.subscribe({ resourceKey: 'pods', namespace, onEvent: (event) => event.type !== 'DELETED' && setImmediate(() => tend(event.object)) });
}

const podNames = async (kubectl: Kubectl, namespace = 'default') =>
  (await kubectl.ok(['get', 'pods', '-n', namespace, '-o', 'name'])).stdout.split('\n').filter(Boolean);

async function startCluster(options: EmbeddedClusterOptions = {}): Promise<{ cluster: EmbeddedCluster; kubectl: Kubectl }> {
  const cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' }, ...options });
  return { cluster, kubectl: await createKubectl(cluster) };
}

describe('namespace lifecycle', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => ({ cluster, kubectl } = await startCluster()));
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  it('deletes a namespace with its pods and waits until it is gone', async () => {
    assert.equal((await kubectl.ok(['create', '-f', manifestPath('custom-namespace.yaml')])).stdout, 'namespace/custom-namespace created\n');
    const created = await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml'), '-n', 'custom-namespace']);
    assert.equal(created.stdout, 'pod/kubia-manual created\n');
    const deleted = await kubectl.ok(['delete', 'ns', 'custom-namespace']);
    assert.equal(deleted.stdout, 'namespace "custom-namespace" deleted\n');
    const pods = await kubectl.run(['get', 'pods', '-n', 'custom-namespace']);
    assert.equal(pods.stderr, 'No resources found in custom-namespace namespace.\n');
    const ns = await kubectl.run(['get', 'ns', 'custom-namespace']);
    assert.equal(ns.code, 1);
    assert.equal(ns.stderr, 'Error from server (NotFound): namespaces "custom-namespace" not found\n');
  });

  it('keeps a namespace Terminating while content remains and refuses new content', async () => {
    await kubectl.ok(['create', 'namespace', 'custom-namespace']);
    await kubectl.ok(['create', 'configmap', 'held', '-n', 'custom-namespace']);
    await kubectl.ok(['patch', 'configmap', 'held', '-n', 'custom-namespace', '--type=merge', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']);
    const deleted = await kubectl.ok(['delete', 'ns', 'custom-namespace', '--wait=false']);
    assert.equal(deleted.stdout, 'namespace "custom-namespace" deleted\n');

    const table = parseTable((await kubectl.ok(['get', 'ns', 'custom-namespace'])).stdout);
    assert.equal(table.rows[0]?.STATUS, 'Terminating');
    const refused = await kubectl.run(['create', '-f', manifestPath('kubia-manual.yaml'), '-n', 'custom-namespace']);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      `Error from server (Forbidden): error when creating "${manifestPath('kubia-manual.yaml')}": pods "kubia-manual" is forbidden: unable to create new content in namespace custom-namespace because it is being terminated\n`,
    );

    const ns = await eventually(async () => {
      const got = JSON.parse((await kubectl.ok(['get', 'ns', 'custom-namespace', '-o', 'json'])).stdout) as KubeObject;
      return (got.status as { conditions?: unknown[] } | undefined)?.conditions ? got : undefined;
    }, 'namespace conditions');
    assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
    assert.ok(ns.metadata.deletionTimestamp);
    const conditions = (ns.status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions;
    const byType = new Map(conditions.map((c) => [c.type, c]));
    assert.deepEqual(byType.get('NamespaceDeletionDiscoveryFailure'), { ...byType.get('NamespaceDeletionDiscoveryFailure'), status: 'False', reason: 'ResourcesDiscovered' });
    assert.equal(byType.get('NamespaceDeletionContentFailure')?.message, 'All content successfully deleted, may be waiting on finalization');
    assert.equal(byType.get('NamespaceContentRemaining')?.message, 'Some resources are remaining: configmaps. has 1 resource instances');
    assert.equal(byType.get('NamespaceFinalizersRemaining')?.message, 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');

    await kubectl.ok(['patch', 'configmap', 'held', '-n', 'custom-namespace', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await kubectl.ok(['wait', '--for=delete', 'namespace/custom-namespace', '--timeout=10s']);
  });

  it('refuses to delete the initial namespaces', async () => {
    for (const name of ['default', 'kube-system', 'kube-public']) {
      const out = await kubectl.run(['delete', 'ns', name]);
      assert.equal(out.code, 1);
      assert.equal(out.stderr, `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted\n`);
    }
  });
});

describe('ReplicaSet and Deployment controllers', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  let stopKubelet = () => {};
  before(async () => ({ cluster, kubectl } = await startCluster()));
  after(async () => {
    stopKubelet();
    await kubectl.dispose();
    await cluster.stop();
  });

  it('creates a ReplicaSet named by the template hash and its pods, with events', async () => {
    await kubectl.ok(['create', 'deployment', 'kubia', '--image=luksa/kubia', '--replicas=2']);
    const pods = await eventually(async () => {
      const names = await podNames(kubectl);
      return names.length === 2 ? names : undefined;
    }, 'two pods');
    const rs = JSON.parse((await kubectl.ok(['get', 'rs', '-o', 'json'])).stdout).items[0] as KubeObject;
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
    assert.match(hash, /^[4-9bcdf]{6,10}$/);
    assert.equal(rs.metadata.name, `kubia-${hash}`);
    assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
    assert.deepEqual(rs.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller, r.blockOwnerDeletion]), [['Deployment', 'kubia', true, true]]);
    for (const name of pods) assert.match(name, new RegExp(`^pod/kubia-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));

    const pod = JSON.parse((await kubectl.ok(['get', pods[0] ?? '', '-o', 'json'])).stdout) as KubeObject;
    assert.deepEqual(pod.metadata.labels, { app: 'kubia', 'pod-template-hash': hash });
    assert.deepEqual(pod.metadata.ownerReferences?.map((r) => [r.apiVersion, r.kind, r.name, r.controller, r.blockOwnerDeletion]), [
      ['apps/v1', 'ReplicaSet', `kubia-${hash}`, true, true],
    ]);
    assert.equal(pod.metadata.generateName, `kubia-${hash}-`);

    const events = await eventually(async () => {
      const out = (await kubectl.ok(['get', 'events', '-o', 'custom-columns=REASON:.reason,MESSAGE:.message', '--no-headers'])).stdout;
      return out.includes('ScalingReplicaSet') && out.split('SuccessfulCreate').length === 3 ? out : undefined;
    }, 'controller events');
    assert.match(events, new RegExp(`ScalingReplicaSet +Scaled up replica set kubia-${hash} to 2\\n`));
    assert.match(events, new RegExp(`SuccessfulCreate +Created pod: kubia-${hash}-\\w{5}\\n`));
  });

  it('replaces a deleted ReplicaSet pod under a new name', async () => {
    const [victim = ''] = await podNames(kubectl);
    const name = victim.replace('pod/', '');
    assert.equal((await kubectl.ok(['delete', 'po', name])).stdout, `pod "${name}" deleted\n`);
    const after = await eventually(async () => {
      const names = await podNames(kubectl);
      return names.length === 2 && !names.includes(victim) ? names : undefined;
    }, 'a replacement pod');
    assert.equal(after.length, 2);
  });

  it('scales through the scale subresource and reports status', async () => {
    assert.equal((await kubectl.ok(['scale', 'deployment', 'kubia', '--replicas=3'])).stdout, 'deployment.apps/kubia scaled\n');
    await eventually(async () => ((await podNames(kubectl)).length === 3 ? true : undefined), 'three pods');
    stopKubelet = fakeKubelet(cluster);
    const table = await eventually(async () => {
      const t = parseTable((await kubectl.ok(['get', 'deploy', 'kubia'])).stdout);
      return t.rows[0]?.READY === '3/3' ? t : undefined;
    }, 'deployment 3/3');
    assert.deepEqual({ ...table.rows[0], AGE: '' }, { NAME: 'kubia', READY: '3/3', 'UP-TO-DATE': '3', AVAILABLE: '3', AGE: '' });
    const conditions = await eventually(async () => {
      const out = (await kubectl.ok(['get', 'deploy', 'kubia', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.reason}:{.message};{end}'])).stdout;
      return out.includes('NewReplicaSetAvailable') ? out : undefined;
    }, 'Progressing NewReplicaSetAvailable');
    assert.match(conditions, /^Available=MinimumReplicasAvailable:Deployment has minimum availability\.;Progressing=NewReplicaSetAvailable:ReplicaSet "kubia-\w+" has successfully progressed\.;$/);
  });

  it('rolls a template change out to a new ReplicaSet', async () => {
    await kubectl.ok(['set', 'image', 'deployment/kubia', 'kubia=luksa/kubia:v2']);
    await eventually(async () => {
      const rs = parseTable((await kubectl.ok(['get', 'rs'])).stdout).rows;
      return rs.length === 2 && rs.some((r) => r.DESIRED === '0') && rs.some((r) => r.DESIRED === '3' && r.READY === '3') ? rs : undefined;
    }, 'the old ReplicaSet scaled to 0 and the new one to 3');
    const revision = (await kubectl.ok(['get', 'deploy', 'kubia', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'])).stdout;
    assert.equal(revision, '2');
    const events = (await kubectl.ok(['get', 'events', '--field-selector', 'reason=ScalingReplicaSet', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}'])).stdout;
    assert.match(events, /Scaled down replica set kubia-\w+ to 0 from \d/);
  });

  it('deletes everything with delete all --all, as kubectl lists it', async () => {
    await kubectl.ok(['create', 'service', 'clusterip', 'kubia', '--tcp=80:8080']);
    const out = await kubectl.ok(['delete', 'all', '--all']);
    const lines = out.stdout.split('\n').filter(Boolean);
    assert.ok(lines.some((l) => /^pod "kubia-\w+-\w{5}" deleted$/.test(l)), out.stdout);
    assert.ok(lines.includes('service "kubernetes" deleted'), out.stdout);
    assert.ok(lines.includes('service "kubia" deleted'), out.stdout);
    assert.ok(lines.includes('deployment.apps "kubia" deleted'), out.stdout);
    // The ReplicaSet is listed too, but the garbage collector may remove it (its Deployment went first)
    // before kubectl's own delete reaches it; `--all` implies --ignore-not-found, so kubectl then prints
    // nothing for it, as against a real cluster.
    assert.ok(lines.every((l) => !/^replicaset/.test(l) || /^replicaset\.apps "kubia-\w+" deleted$/.test(l)), out.stdout);
    assert.equal(out.stderr, '');
    // Everything goes; the API server then recreates its own `kubernetes` Service.
    await eventually(async () => ((await kubectl.ok(['get', 'all', '-o', 'name'])).stdout === 'service/kubernetes\n' ? true : undefined), 'only the recreated kubernetes Service');
  });
});

describe('garbage collection by propagation policy (client-node)', () => {
  let cluster: EmbeddedCluster;
  let apps: AppsV1Api;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' } });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    apps = kc.makeApiClient(AppsV1Api);
  });
  after(() => cluster.stop());

  const deployment = (name: string): V1Deployment => ({
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'luksa/kubia' }] } },
    },
  });
  const owned = (owner: string) => {
    const rs = cluster.registry.store.list('replicasets.apps', 'default').filter((r) => r.metadata.name?.startsWith(`${owner}-`));
    const pods = cluster.registry.store.list('pods', 'default').filter((p) => p.metadata.name?.startsWith(`${owner}-`));
    return { rs, pods };
  };
  // Two pods, each already looked at by the scheduler (its PodScheduled write would otherwise race the
  // events a test records).
  const scheduled = (pod: KubeObject) => ((pod.status as { conditions?: { type: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'PodScheduled');
  const ready = (owner: string) =>
    eventually(() => (owned(owner).pods.length === 2 && owned(owner).pods.every(scheduled) ? true : undefined), `${owner} pods seen by the scheduler`);

  it('Background: the owner goes at once, its dependents after', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('bg') });
    await ready('bg');
    await apps.deleteNamespacedDeployment({ name: 'bg', namespace: 'default', propagationPolicy: 'Background' });
    assert.equal(cluster.registry.store.get('deployments.apps', 'default', 'bg'), undefined);
    await eventually(() => (owned('bg').rs.length === 0 && owned('bg').pods.length === 0 ? true : undefined), 'dependents collected');
  });

  it('Foreground: the owner waits with the foregroundDeletion finalizer until its dependents are gone', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('fg') });
    await ready('fg');
    const seen: string[] = [];
    const record = (kind: string) => (event: { type: string; object: KubeObject }) => {
      if (!event.object.metadata.name?.startsWith('fg')) return;
      const { deletionTimestamp, finalizers } = event.object.metadata;
      // A DELETED event carries the last stored state (etcd's previous value), finalizer included.
      const detail = deletionTimestamp && event.type !== 'DELETED' ? ` deleting ${JSON.stringify(finalizers ?? [])}` : '';
      seen.push(`${event.type} ${kind}${detail}`);
    };
    const stops = ['deployments.apps', 'replicasets.apps', 'pods'].map((key) => cluster.registry.store.subscribe({ resourceKey: key, onEvent: record(key) }));
    await apps.deleteNamespacedDeployment({ name: 'fg', namespace: 'default', propagationPolicy: 'Foreground' });
    await eventually(() => (cluster.registry.store.get('deployments.apps', 'default', 'fg') ? undefined : true), 'the owner removed');
    stops.forEach((stop) => stop());
    assert.deepEqual(owned('fg'), { rs: [], pods: [] });
    // The first step of the deletion (a kubelet may still be writing pod status before it, on a busy machine).
    assert.equal(seen.find((e) => e.includes(' deleting ') || e.startsWith('DELETED')), 'MODIFIED deployments.apps deleting ["foregroundDeletion"]', seen.join('\n'));
    assert.ok(seen.includes('MODIFIED replicasets.apps deleting ["foregroundDeletion"]'), seen.join('\n'));
    assert.equal(seen.filter((e) => e === 'DELETED pods').length, 2);
    // The owner goes last: after the ReplicaSet, which went after its pods.
    assert.equal(seen[seen.length - 1], 'DELETED deployments.apps');
    assert.ok(seen.lastIndexOf('DELETED pods') < seen.indexOf('DELETED replicasets.apps'), seen.join('\n'));
  });

  it('Orphan: the owner goes and its dependents stay without the reference', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('or') });
    await ready('or');
    await apps.deleteNamespacedDeployment({ name: 'or', namespace: 'default', propagationPolicy: 'Orphan' });
    await eventually(() => (cluster.registry.store.get('deployments.apps', 'default', 'or') ? undefined : true), 'the owner removed');
    const { rs, pods } = owned('or');
    assert.equal(rs.length, 1);
    assert.equal(rs[0]?.metadata.ownerReferences, undefined);
    assert.equal(pods.length, 2);
    assert.ok(pods.every((p) => p.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet'));
  });
});

describe('seeds', () => {
  it('demo: three Ready nodes and the running kubia pod', async () => {
    const { cluster, kubectl } = await startCluster({ seed: { name: 'demo' } });
    try {
      const nodes = parseTable((await kubectl.ok(['get', 'nodes'])).stdout).rows;
      assert.deepEqual(nodes.map((n) => [n.NAME, n.STATUS, n.VERSION]), [
        ['gke-kubia-85f6-node-0rrx', 'Ready', 'v1.32.4'],
        ['gke-kubia-85f6-node-heo1', 'Ready', 'v1.32.4'],
        ['gke-kubia-85f6-node-vs9f', 'Ready', 'v1.32.4'],
      ]);
      assert.equal((await kubectl.run(['get', 'nodes', '-l', 'gpu=true'])).stderr, 'No resources found\n');
      const kubia = parseTable((await kubectl.ok(['get', 'po', '-l', 'run=kubia'])).stdout).rows;
      assert.deepEqual(kubia.map((p) => [p.NAME, p.READY, p.STATUS]), [['kubia-zxzij', '1/1', 'Running']]);
      const system = parseTable((await kubectl.ok(['get', 'po', '-n', 'kube-system'])).stdout).rows;
      assert.equal(system.filter((p) => p.NAME?.startsWith('coredns-') && p.STATUS === 'Running').length, 2);
      assert.equal(system.filter((p) => p.NAME?.startsWith('kube-proxy-') && p.STATUS === 'Running').length, 3);
      const deploy = await eventually(async () => {
        const rows = parseTable((await kubectl.ok(['get', 'deploy', 'kubernetes-bootcamp'])).stdout).rows;
        return rows[0]?.AVAILABLE === '2' ? rows : undefined;
      }, 'the bootcamp deployment available');
      assert.equal(deploy[0]?.READY, '2/2');
    } finally {
      await kubectl.dispose();
      await cluster.stop();
    }
  });

  it('empty: what a fresh API server has', async () => {
    const { cluster, kubectl } = await startCluster({ seed: { name: 'empty' } });
    try {
      assert.equal((await kubectl.run(['get', 'nodes'])).stderr, 'No resources found\n');
      assert.equal((await kubectl.run(['get', 'pods', '-A'])).stderr, 'No resources found\n');
      const ns = parseTable((await kubectl.ok(['get', 'ns'])).stdout).rows.map((r) => r.NAME);
      assert.deepEqual(ns, ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
      const sa = (await kubectl.ok(['get', 'sa', '-A', '--no-headers'])).stdout.split('\n').filter(Boolean);
      assert.equal(sa.length, 4);
      assert.match((await kubectl.ok(['get', 'svc'])).stdout, /^kubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP/m);
    } finally {
      await kubectl.dispose();
      await cluster.stop();
    }
  });

  it('scale: thousands of pods list through kubectl', async () => {
    const { cluster, kubectl } = await startCluster({ seed: { name: 'scale', pods: 2000, namespaces: 4 } });
    try {
      const out = await kubectl.ok(['get', 'pods', '-A', '--no-headers'], { timeoutMs: 60_000 });
      const lines = out.stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, 2000);
      assert.ok(lines.every((l) => /^scale-\d +app-\d{4}-\w+-\w{5} +1\/1 +Running +0 /.test(l)), lines[0]);
      assert.equal(parseTable((await kubectl.ok(['get', 'nodes'])).stdout).rows.length, 20);
    } finally {
      await kubectl.dispose();
      await cluster.stop();
    }
  });
});
