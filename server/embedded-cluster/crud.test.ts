import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { V1Pod } from '@kubernetes/client-node';
import { podBody, startTestCluster, statusOf, type TestCluster } from './test-helpers';

describe('embedded cluster: CRUD over client-node', () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster();
  });
  after(() => t.cluster.stop());

  it('starts with the system namespaces, each with a default ServiceAccount', async () => {
    const namespaces = await t.core.listNamespace();
    assert.deepEqual(
      namespaces.items.map((n) => n.metadata?.name),
      ['default', 'kube-node-lease', 'kube-public', 'kube-system'],
    );
    const accounts = await t.core.listServiceAccountForAllNamespaces();
    assert.equal(accounts.items.filter((sa) => sa.metadata?.name === 'default').length, 4);
  });

  it('creates a namespace with its name label, finalizer, phase and ServiceAccount', async () => {
    const ns = await t.core.createNamespace({ body: { metadata: { name: 'crud-ns' } } });
    assert.equal(ns.metadata?.labels?.['kubernetes.io/metadata.name'], 'crud-ns');
    assert.deepEqual(ns.spec?.finalizers, ['kubernetes']);
    assert.equal(ns.status?.phase, 'Active');
    const sa = await t.core.readNamespacedServiceAccount({ name: 'default', namespace: 'crud-ns' });
    assert.equal(sa.metadata?.namespace, 'crud-ns');
  });

  it('creates a pod with the real server defaults', async () => {
    const pod = await t.core.createNamespacedPod({
      namespace: 'default',
      body: podBody('defaults', {
        spec: { containers: [{ name: 'main', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }, { name: 'side', image: 'busybox:1.36' }] },
      }),
    });
    assert.match(pod.metadata?.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(pod.metadata?.creationTimestamp);
    assert.match(pod.metadata?.resourceVersion ?? '', /^\d+$/);
    const spec = pod.spec!;
    assert.equal(spec.restartPolicy, 'Always');
    assert.equal(spec.dnsPolicy, 'ClusterFirst');
    assert.equal(spec.terminationGracePeriodSeconds, 30);
    assert.equal(spec.serviceAccountName, 'default');
    assert.equal(spec.schedulerName, 'default-scheduler');
    assert.equal(spec.enableServiceLinks, true);
    assert.equal(spec.preemptionPolicy, 'PreemptLowerPriority');
    assert.equal(spec.priority, 0);
    assert.equal(spec.containers[0]?.imagePullPolicy, 'Always');
    assert.equal(spec.containers[1]?.imagePullPolicy, 'IfNotPresent');
    assert.equal(spec.containers[0]?.terminationMessagePath, '/dev/termination-log');
    assert.equal(spec.containers[0]?.ports?.[0]?.protocol, 'TCP');
    assert.deepEqual(
      spec.tolerations?.map((tol) => [tol.key, tol.effect, tol.tolerationSeconds]),
      [
        ['node.kubernetes.io/not-ready', 'NoExecute', 300],
        ['node.kubernetes.io/unreachable', 'NoExecute', 300],
      ],
    );
    const volume = spec.volumes?.find((v) => v.name.startsWith('kube-api-access-'));
    assert.ok(volume?.projected);
    assert.equal(spec.containers[0]?.volumeMounts?.[0]?.mountPath, '/var/run/secrets/kubernetes.io/serviceaccount');
    assert.equal(pod.status?.phase, 'Pending');
    assert.equal(pod.status?.qosClass, 'BestEffort');
  });

  it('reads, lists, replaces and deletes', async () => {
    await t.core.createNamespacedPod({ namespace: 'default', body: podBody('rw', { metadata: { name: 'rw', labels: { app: 'x' } } }) });
    const read = await t.core.readNamespacedPod({ name: 'rw', namespace: 'default' });
    assert.equal(read.metadata?.labels?.app, 'x');
    const list = await t.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=x' });
    assert.deepEqual(list.items.map((p) => p.metadata?.name), ['rw']);
    read.metadata!.labels = { app: 'y' };
    const replaced = await t.core.replaceNamespacedPod({ name: 'rw', namespace: 'default', body: read });
    assert.equal(replaced.metadata?.labels?.app, 'y');
    assert.notEqual(replaced.metadata?.resourceVersion, read.metadata?.resourceVersion);
    await t.core.deleteNamespacedPod({ name: 'rw', namespace: 'default' });
    const gone = await statusOf(t.core.readNamespacedPod({ name: 'rw', namespace: 'default' }));
    assert.equal(gone.code, 404);
    assert.equal(gone.reason, 'NotFound');
    assert.equal(gone.message, 'pods "rw" not found');
    assert.deepEqual(gone.details, { name: 'rw', kind: 'pods' });
  });

  it('answers AlreadyExists for a duplicate name', async () => {
    await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dup' } } });
    const status = await statusOf(t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'dup' } } }));
    assert.equal(status.code, 409);
    assert.equal(status.reason, 'AlreadyExists');
    assert.equal(status.message, 'configmaps "dup" already exists');
  });

  it('generates names from generateName', async () => {
    const cm = await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { generateName: 'gen-' } } });
    assert.match(cm.metadata?.name ?? '', /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('rejects a namespace in the body that differs from the URL', async () => {
    const status = await statusOf(
      t.core.createNamespacedPod({ namespace: 'default', body: { ...podBody('mismatch'), metadata: { name: 'mismatch', namespace: 'kube-system' } } }),
    );
    assert.equal(status.code, 400);
    assert.equal(status.reason, 'BadRequest');
    assert.equal(status.message, 'the namespace of the provided object does not match the namespace sent on the request');
  });

  it('answers 404 for a namespace that does not exist', async () => {
    const status = await statusOf(t.core.createNamespacedPod({ namespace: 'nowhere', body: podBody('p') }));
    assert.equal(status.code, 404);
    assert.equal(status.message, 'namespaces "nowhere" not found');
  });

  it('answers Invalid with causes per field', async () => {
    const status = await statusOf(
      t.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c' }] } } as V1Pod }),
    );
    assert.equal(status.code, 422);
    assert.equal(status.reason, 'Invalid');
    assert.match(status.message, /^Pod "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    assert.match(status.message, /spec\.containers\[0\]\.image: Required value\]$/);
    const causes = (status.details?.causes ?? []) as { field: string; reason: string }[];
    assert.deepEqual(causes.map((c) => [c.field, c.reason]), [
      ['metadata.name', 'FieldValueInvalid'],
      ['spec.containers[0].image', 'FieldValueRequired'],
    ]);
    const empty = await statusOf(t.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'empty' }, spec: { containers: [] } } }));
    assert.equal(empty.message, 'Pod "empty" is invalid: spec.containers: Required value');
  });

  it('answers Conflict on a stale resourceVersion', async () => {
    const cm = await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'stale' }, data: { a: '1' } } });
    await t.core.replaceNamespacedConfigMap({ name: 'stale', namespace: 'default', body: { ...cm, data: { a: '2' } } });
    const status = await statusOf(t.core.replaceNamespacedConfigMap({ name: 'stale', namespace: 'default', body: { ...cm, data: { a: '3' } } }));
    assert.equal(status.code, 409);
    assert.equal(status.reason, 'Conflict');
    assert.equal(
      status.message,
      'Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('forbids pod spec changes other than images', async () => {
    await t.core.createNamespacedPod({ namespace: 'default', body: podBody('immutable') });
    // Read back: the scheduler has written the PodScheduled condition since the create (no nodes here).
    const pod = await t.core.readNamespacedPod({ name: 'immutable', namespace: 'default' });
    pod.spec!.containers[0]!.image = 'luksa/kubia:v2';
    await t.core.replaceNamespacedPod({ name: 'immutable', namespace: 'default', body: pod });
    const fresh = await t.core.readNamespacedPod({ name: 'immutable', namespace: 'default' });
    fresh.spec!.restartPolicy = 'Never';
    const status = await statusOf(t.core.replaceNamespacedPod({ name: 'immutable', namespace: 'default', body: fresh }));
    assert.equal(status.code, 422);
    assert.match(status.message, /^Pod "immutable" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
  });

  it('ignores status on the main resource and updates it through pods/status', async () => {
    await t.core.createNamespacedPod({ namespace: 'default', body: podBody('status') });
    const pod = await t.core.readNamespacedPod({ name: 'status', namespace: 'default' });
    const updated = await t.core.replaceNamespacedPodStatus({
      name: 'status',
      namespace: 'default',
      body: { ...pod, status: { ...pod.status, phase: 'Running', podIP: '10.244.0.5' } },
    });
    assert.equal(updated.status?.phase, 'Running');
    const selected = await t.core.listNamespacedPod({ namespace: 'default', fieldSelector: 'status.podIP=10.244.0.5' });
    assert.deepEqual(selected.items.map((p) => p.metadata?.name), ['status']);
    const again = await t.core.replaceNamespacedPod({ name: 'status', namespace: 'default', body: { ...updated, status: { phase: 'Failed' } } });
    assert.equal(again.status?.phase, 'Running');
  });

  it('supports dryRun=All on create, update and delete', async () => {
    const dry = await t.core.createNamespacedPod({ namespace: 'default', body: podBody('dry'), dryRun: 'All' });
    assert.equal(dry.metadata?.name, 'dry');
    assert.equal(dry.metadata?.resourceVersion, undefined);
    assert.equal((await statusOf(t.core.readNamespacedPod({ name: 'dry', namespace: 'default' }))).code, 404);
    const cm = await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'drycm' }, data: { a: '1' } } });
    await t.core.replaceNamespacedConfigMap({ name: 'drycm', namespace: 'default', dryRun: 'All', body: { ...cm, data: { a: '2' } } });
    await t.core.deleteNamespacedConfigMap({ name: 'drycm', namespace: 'default', dryRun: 'All' });
    const still = await t.core.readNamespacedConfigMap({ name: 'drycm', namespace: 'default' });
    assert.deepEqual(still.data, { a: '1' });
  });

  it('rejects unsupported field selectors with the real message', async () => {
    const pods = await statusOf(t.core.listNamespacedPod({ namespace: 'default', fieldSelector: 'spec.foo=bar' }));
    assert.equal(pods.code, 400);
    assert.equal(pods.message, 'field label not supported: spec.foo');
    const cms = await statusOf(t.core.listNamespacedConfigMap({ namespace: 'default', fieldSelector: 'data.a=1' }));
    assert.equal(cms.message, '"data.a" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });

  it('filters events by involvedObject for kubectl describe', async () => {
    const pod = await t.core.createNamespacedPod({ namespace: 'default', body: podBody('described') });
    await t.core.createNamespacedEvent({
      namespace: 'default',
      body: {
        metadata: { name: 'described.1' },
        involvedObject: { kind: 'Pod', name: 'described', namespace: 'default', uid: pod.metadata?.uid },
        reason: 'Scheduled',
        message: 'hello',
        type: 'Normal',
      },
    });
    const events = await t.core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: `involvedObject.name=described,involvedObject.namespace=default,involvedObject.uid=${pod.metadata?.uid}`,
    });
    // The scheduler reports on the pod too (FailedScheduling: this cluster has no nodes).
    assert.ok(events.items.every((e) => e.involvedObject.name === 'described'));
    assert.deepEqual(events.items.filter((e) => e.metadata?.name === 'described.1').map((e) => e.reason), ['Scheduled']);
  });

  it('deletes a namespace with its contents', async () => {
    await t.core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await t.core.createNamespacedConfigMap({ namespace: 'doomed', body: { metadata: { name: 'inside' } } });
    const terminating = await t.core.deleteNamespace({ name: 'doomed' });
    assert.equal((terminating as { status?: { phase?: string } }).status?.phase, 'Terminating');
    // The namespace goes once its contents are gone (asynchronously, as the namespace controller works).
    for (let i = 0; i < 100; i++) {
      const names = (await t.core.listNamespace()).items.map((n) => n.metadata?.name);
      if (!names.includes('doomed')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal((await statusOf(t.core.readNamespace({ name: 'doomed' }))).code, 404);
    assert.equal((await t.core.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.namespace=doomed' })).items.length, 0);
  });
});
