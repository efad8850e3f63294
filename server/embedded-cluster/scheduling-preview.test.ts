import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { previewScheduling, type SchedulingPreview } from '@/lib/k8s/scheduling/preview';
import type { Node, Pod } from '@/lib/k8s/types';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { DEMO_NODE_NAMES } from './seeds/demo';
import { eventually } from './testing/eventually';
import { manifestPath } from './testing/kubectl';

// The console's scheduling preview against the embedded cluster's scheduler, over HTTP with client-node
// as the console reads a cluster: the preview is computed from listed nodes and pods, then the pod is
// created and where it lands (or the FailedScheduling event it gets) is compared with the prediction.

describe('scheduling preview against the embedded scheduler', () => {
  let cluster: EmbeddedCluster;
  let core: CoreV1Api;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' }, seed: { name: 'demo' } });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    core = kc.makeApiClient(CoreV1Api);
  });
  after(() => cluster.stop());

  // client-node turns timestamps into Dates; nothing the scheduling logic reads is a timestamp, and
  // quantities stay strings, so its objects serve as the wire shapes of lib/k8s.
  async function preview(pod: V1Pod): Promise<SchedulingPreview> {
    const [nodes, pods] = await Promise.all([core.listNode(), core.listPodForAllNamespaces()]);
    return previewScheduling({ pod: pod as Pod, nodes: nodes.items as Node[], podsByNode: groupPodsByNode(pods.items as Pod[]) });
  }

  const nodeNameOf = (name: string) =>
    eventually(async () => (await core.readNamespacedPod({ name, namespace: 'default' })).spec?.nodeName, `${name} bound to a node`);

  it('places a pod with a preferred node affinity on the node the preview ranks first', async () => {
    const favoured = DEMO_NODE_NAMES[2];
    await core.patchNode({ name: favoured, body: [{ op: 'add', path: '/metadata/labels/disk', value: 'ssd' }] });
    const pod: V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kubia-ssd', namespace: 'default' },
      spec: {
        containers: [{ name: 'kubia', image: 'luksa/kubia' }],
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } },
      },
    };
    const predicted = await preview(pod);
    assert.equal(predicted.nodes[0]?.name, favoured);
    assert.deepEqual(predicted.pick?.tied, [favoured], 'no tie, so the pick is certain');
    assert.equal(predicted.nodes[0]?.score?.plugins.find((p) => p.plugin === 'NodeAffinity')?.weighted, 200);

    await core.createNamespacedPod({ namespace: 'default', body: pod });
    assert.equal(await nodeNameOf('kubia-ssd'), predicted.pick?.name);
  });

  it("gives kubia-gpu the FailedScheduling message the preview predicts, word for word", async () => {
    const manifest = parseYaml(await readFile(manifestPath('kubia-gpu.yaml'), 'utf8')) as V1Pod;
    const predicted = await preview(manifest);
    assert.equal(predicted.pick, undefined);
    assert.equal(
      predicted.summary,
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );

    await core.createNamespacedPod({ namespace: 'default', body: manifest });
    const event = await eventually(async () => {
      const events = await core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'involvedObject.name=kubia-gpu,reason=FailedScheduling' });
      return events.items[0];
    }, 'the FailedScheduling event of kubia-gpu');
    assert.equal(event.message, predicted.summary);
    const pod = await core.readNamespacedPod({ name: 'kubia-gpu', namespace: 'default' });
    assert.equal(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message, predicted.summary);

    // With gpu=true on one node the pod lands there, as the what-if would say.
    await core.patchNode({ name: DEMO_NODE_NAMES[0], body: [{ op: 'add', path: '/metadata/labels/gpu', value: 'true' }] });
    assert.equal(await nodeNameOf('kubia-gpu'), DEMO_NODE_NAMES[0]);
  });
});
