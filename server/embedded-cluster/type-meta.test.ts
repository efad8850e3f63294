import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Watch } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { podBody, startTestCluster, type TestCluster } from './test-helpers';

interface Typed {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

// kube-apiserver names the kind once on a list and not on its items; objects read alone and watch events
// carry apiVersion and kind. Clients that show an object must set them (kubectl does), so the embedded
// cluster has to behave the same or the console's gap would only show on real clusters.
describe('embedded cluster: apiVersion and kind as kube-apiserver sends them', () => {
  let t: TestCluster;
  let kubectl: Kubectl;
  const namespace = 'type-meta';
  before(async () => {
    t = await startTestCluster();
    kubectl = await createKubectl(t.cluster);
    await t.core.createNamespace({ body: { metadata: { name: namespace } } });
    await t.core.createNamespacedPod({ namespace, body: podBody('listed') });
  });
  after(async () => {
    await kubectl.dispose();
    await t.cluster.stop();
  });

  it('a list names the kind once: its items carry neither apiVersion nor kind', async () => {
    const response = await t.request(`/api/v1/namespaces/${namespace}/pods`);
    const list = response.json<Typed & { items: Typed[] }>();
    assert.deepEqual([list.apiVersion, list.kind], ['v1', 'PodList']);
    assert.equal(list.items.length, 1);
    assert.deepEqual([list.items[0].apiVersion, list.items[0].kind, list.items[0].metadata?.name], [undefined, undefined, 'listed']);
    const deployments = (await t.request('/apis/apps/v1/deployments')).json<Typed & { items: Typed[] }>();
    assert.equal(deployments.kind, 'DeploymentList');
    for (const item of deployments.items) assert.deepEqual([item.apiVersion, item.kind], [undefined, undefined]);
  });

  it('an object read alone carries both', async () => {
    const pod = (await t.request(`/api/v1/namespaces/${namespace}/pods/listed`)).json<Typed>();
    assert.deepEqual([pod.apiVersion, pod.kind], ['v1', 'Pod']);
  });

  it('watch events carry both, for the initial ADDED and for later changes', async () => {
    const seen: Typed[] = [];
    const controller = await new Watch(t.kc).watch(`/api/v1/namespaces/${namespace}/pods`, {}, (_type, object: Typed) => seen.push(object), () => {});
    try {
      await t.core.createNamespacedPod({ namespace, body: podBody('watched') });
      const deadline = Date.now() + 3000;
      while (!seen.some((o) => o.metadata?.name === 'watched') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      controller.abort();
    }
    const byName = new Map(seen.map((o) => [o.metadata?.name, o]));
    for (const name of ['listed', 'watched']) assert.deepEqual([byName.get(name)?.apiVersion, byName.get(name)?.kind], ['v1', 'Pod'], name);
  });

  it('kubectl sets them back when it prints a list, as against a real server', async () => {
    const out = await kubectl.ok(['get', 'pods', '-n', namespace, '-o', 'yaml']);
    const printed = parseYaml(out.stdout) as Typed & { items: Typed[] };
    assert.equal(printed.kind, 'List');
    assert.ok(printed.items.length >= 1);
    for (const item of printed.items) assert.deepEqual([item.apiVersion, item.kind], ['v1', 'Pod']);
    const raw = JSON.parse((await kubectl.ok(['get', '--raw', `/api/v1/namespaces/${namespace}/pods`])).stdout) as { items: Typed[] };
    for (const item of raw.items) assert.equal(item.kind, undefined);
  });

  it('a delete of a collection answers with a list whose items carry neither', async () => {
    const response = await t.request(`/api/v1/namespaces/${namespace}/pods?gracePeriodSeconds=0`, { method: 'DELETE' });
    const list = response.json<Typed & { items: Typed[] }>();
    assert.equal(list.kind, 'PodList');
    assert.ok(list.items.length >= 1);
    for (const item of list.items) assert.deepEqual([item.apiVersion, item.kind], [undefined, undefined]);
  });
});
