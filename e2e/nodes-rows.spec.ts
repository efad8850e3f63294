import { nodeAllocatable } from '../lib/k8s/scheduling/pod-requests';
import { nodeUsage } from '../lib/k8s/scheduling/node-usage';
import { compactResourceAmount, percentOf } from '../lib/k8s/resource-amount-format';
import { expect, test } from './fixtures/test';
import { DEMO_NODES, NodesApi } from './fixtures/nodes-api';

// The nodes list gets rows of nodes and of pods, not objects: its allocation bars must still say what the
// pods' objects add up to (nodeUsage over the non-terminated pods on the node, against allocatable).

const [, OTHER_NODE] = DEMO_NODES;

/** What the bar of one resource says, from the API's node and pods, as it was computed from objects. */
async function expectedBar(nodesApi: NodesApi, name: string, resource: 'cpu' | 'memory'): Promise<string> {
  const usage = nodeUsage(await nodesApi.podsOn(name));
  const allocatable = nodeAllocatable((await nodesApi.node(name)).status?.allocatable)[resource] ?? 0;
  const requested = usage.requested[resource] ?? 0;
  return `${compactResourceAmount(resource, requested)} / ${compactResourceAmount(resource, allocatable)} (${percentOf(requested, allocatable)}%)`;
}

test("each node's requested cpu and memory are what its pods' objects add up to, and follow a new pod", async ({ page, api, namespace, request, baseURL }) => {
  const nodesApi = new NodesApi(request, new URL(baseURL!).origin);
  await page.goto('/nodes');
  const table = page.getByRole('table', { name: 'Nodes' });
  const bar = (name: string, resource: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) }).getByRole('meter', { name: `${resource} requested` });
  // Polled: the demo's pods may still be settling when the page opens.
  const same = (name: string, resource: 'cpu' | 'memory') => async () => {
    const [shown, want] = [await bar(name, resource).getAttribute('aria-valuetext'), await expectedBar(nodesApi, name, resource)];
    return shown === want ? 'same' : `${name} ${resource}: shown ${shown}, from the objects ${want}`;
  };
  for (const name of DEMO_NODES) for (const resource of ['cpu', 'memory'] as const) await expect.poll(same(name, resource)).toBe('same');
  const before = await expectedBar(nodesApi, OTHER_NODE, 'cpu');
  await api.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sized' }, spec: { nodeSelector: { 'kubernetes.io/hostname': OTHER_NODE }, terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'luksa/kubia', resources: { requests: { cpu: '300m', memory: '64Mi' } } }] } }], namespace);
  await expect.poll(() => expectedBar(nodesApi, OTHER_NODE, 'cpu')).not.toBe(before);
  for (const resource of ['cpu', 'memory'] as const) await expect.poll(same(OTHER_NODE, resource)).toBe('same');
  await api.deletePod(namespace, 'sized');
  await expect.poll(() => api.pod(namespace, 'sized')).toBeUndefined();
  await expect(bar(OTHER_NODE, 'cpu')).toHaveAttribute('aria-valuetext', before);
});
