import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PatchStrategy, type V1Pod } from '@kubernetes/client-node';
import { podBody, startTestCluster, statusOf, type TestCluster } from './test-helpers';

describe('embedded cluster: PATCH over client-node', () => {
  let t: TestCluster;
  const ref = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });
  before(async () => {
    t = await startTestCluster();
    await t.core.createNamespacedPod({
      namespace: 'default',
      body: podBody('patched', {
        metadata: { name: 'patched', labels: { app: 'a' } },
        spec: { containers: [{ name: 'main', image: 'nginx:1' }, { name: 'side', image: 'busybox:1' }] },
      }),
    });
  });
  after(() => t.cluster.stop());

  it('applies a merge patch (what kubectl label sends)', async () => {
    const out = await t.objects.patch({ ...ref('patched'), metadata: { ...ref('patched').metadata, labels: { env: 'prod' } } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    assert.deepEqual(out.metadata?.labels, { app: 'a', env: 'prod' });
  });

  it('applies a strategic merge patch by container name', async () => {
    const patch = { ...ref('patched'), spec: { containers: [{ name: 'side', image: 'busybox:2' }] } } as V1Pod;
    const out = (await t.objects.patch(patch, undefined, undefined, undefined, undefined, PatchStrategy.StrategicMergePatch)) as V1Pod;
    assert.deepEqual(out.spec?.containers.map((c) => c.image), ['nginx:1', 'busybox:2']);
  });

  it('applies a JSON patch', async () => {
    const out = (await t.core.patchNamespacedPod(
      { name: 'patched', namespace: 'default', body: [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:2' }] },
    )) as V1Pod;
    assert.equal(out.spec?.containers[0]?.image, 'nginx:2');
  });

  it('rejects a failed JSON patch test as 422', async () => {
    const status = await statusOf(
      t.core.patchNamespacedPod({ name: 'patched', namespace: 'default', body: [{ op: 'test', path: '/metadata/name', value: 'other' }] }),
    );
    assert.equal(status.code, 422);
    assert.match(status.message, /test failed/);
  });

  it('patches status through the status subresource', async () => {
    const out = await t.core.patchNamespacedPodStatus(
      { name: 'patched', namespace: 'default', body: [{ op: 'add', path: '/status/conditions', value: [{ type: 'Ready', status: 'True' }] }] },
    );
    assert.equal(out.status?.conditions?.[0]?.type, 'Ready');
  });

  it('answers 404 for a patch of a missing object and 415 for an unknown patch type', async () => {
    const missing = await statusOf(t.core.patchNamespacedPod({ name: 'nope', namespace: 'default', body: [] }));
    assert.equal(missing.code, 404);
    const res = await t.request('/api/v1/namespaces/default/pods/patched', {
      method: 'PATCH',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    assert.equal(res.status, 415);
    const body = res.json<{ reason: string; message: string }>();
    assert.equal(body.reason, 'UnsupportedMediaType');
    assert.match(body.message, /application\/strategic-merge-patch\+json/);
  });

  it('honours dryRun on patch', async () => {
    const res = await t.request('/api/v1/namespaces/default/pods/patched?dryRun=All', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { dry: 'yes' } } }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.json<V1Pod>().metadata?.labels?.dry, 'yes');
    const stored = await t.core.readNamespacedPod({ name: 'patched', namespace: 'default' });
    assert.equal(stored.metadata?.labels?.dry, undefined);
  });

  it('answers Invalid for a label key the server rejects', async () => {
    const res = await t.request('/api/v1/namespaces/default/pods/patched', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { 'bad key': 'x' } } }),
    });
    assert.equal(res.status, 422);
    const body = res.json<{ message: string; details: { causes: { field: string }[] } }>();
    assert.match(body.message, /^Pod "patched" is invalid: metadata\.labels: Invalid value: "bad key"/);
    assert.equal(body.details.causes[0]?.field, 'metadata.labels');
  });
});
