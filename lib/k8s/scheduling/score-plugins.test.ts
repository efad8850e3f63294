import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { defaultNormalizeScore } from '@/lib/k8s/scheduling/score-plugins';
import { scoreNodes } from '@/lib/k8s/scheduling/scoring';
import { container, node, pod, taint } from '@/lib/k8s/scheduling/testing/objects';
import type { Node, Pod, PreferredSchedulingTerm } from '@/lib/k8s/types';

// Cases ported from kube-scheduler's plugin tests (least_allocated_test.go, balanced_allocation_test.go,
// taint_toleration_test.go, node_affinity_test.go, image_locality_test.go): the same objects, the same
// expected normalized scores, read here from the per-plugin columns of `scoreNodes`.

function scoresOf(plugin: string, options: { pod: Pod; nodes: Node[]; existing?: Pod[] }): Record<string, number> {
  const scored = scoreNodes({ pod: options.pod, feasible: options.nodes, allNodes: options.nodes, podsByNode: groupPodsByNode(options.existing ?? []) });
  return Object.fromEntries(scored.map((s) => [s.name, s.plugins.find((p) => p.plugin === plugin)?.normalized ?? NaN]));
}

const sized = (name: string, cpu: string, memory: string) => node(name, { allocatable: { cpu, memory, pods: '110' } });
const requesting = (...requests: Record<string, string>[]) => pod({ containers: requests.map((r) => container(r)) });
const on = (nodeName: string, ...requests: Record<string, string>[]) => ({ ...requesting(...requests), spec: { ...requesting(...requests).spec, nodeName } });

describe('NodeResourcesFit LeastAllocated', () => {
  const cases: { name: string; pod: Pod; nodes: Node[]; existing?: Pod[]; want: Record<string, number> }[] = [
    { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')], want: { node1: 100, node2: 100 } },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: requesting({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')],
      want: { node1: 37, node2: 50 },
    },
    {
      name: 'no resources requested, pods scheduled with resources (an explicit 0 stays 0)',
      pod: pod(),
      nodes: [sized('node1', '10000', '20000'), sized('node2', '10000', '20000')],
      existing: [on('node1', { cpu: '3000', memory: '0' }), on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      want: { node1: 70, node2: 57 },
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: requesting({ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }),
      nodes: [sized('node1', '10000', '20000'), sized('node2', '10000', '50000')],
      existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      want: { node1: 57, node2: 60 },
    },
    {
      name: 'requested resources exceed node capacity',
      pod: requesting({ cpu: '3000', memory: '0' }),
      nodes: [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')],
      existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })],
      want: { node1: 50, node2: 25 },
    },
    { name: 'zero node resources', pod: pod(), nodes: [node('node1', { allocatable: {} }), node('node2', { allocatable: {} })], want: { node1: 0, node2: 0 } },
    {
      name: 'a container without requests counts 100m and 200Mi',
      pod: pod({ containers: [container()] }),
      nodes: [sized('node1', '1', '1Gi')],
      // cpu (1000-100)*100/1000 = 90, memory (1024-200)*100/1024 = 80.47 -> 80; (90+80)/2 = 85.
      want: { node1: 85 },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(scoresOf('NodeResourcesFit', c), c.want));
});

describe('NodeResourcesBalancedAllocation', () => {
  const cpuOnly = [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }];
  const cpuAndMemory = [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }];
  const cases: { name: string; pod: Pod; nodes: Node[]; existing?: Pod[]; want: Record<string, number> }[] = [
    { name: 'nothing requested: 1.32 still scores best-effort pods', pod: pod(), nodes: [sized('node1', '4000m', '10000')], want: { node1: 100 } },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: requesting(...cpuAndMemory),
      nodes: [sized('node1', '4000m', '10000'), sized('node2', '6000m', '10000')],
      want: { node1: 87, node2: 100 },
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: requesting(...cpuAndMemory),
      nodes: [sized('node1', '10000m', '20000'), sized('node2', '10000m', '20000')],
      existing: [on('node1', ...cpuOnly), on('node2', ...cpuAndMemory)],
      want: { node1: 82, node2: 95 },
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: requesting(...cpuAndMemory),
      nodes: [sized('node1', '10000m', '20000'), sized('node2', '10000m', '50000')],
      existing: [on('node1', ...cpuOnly), on('node2', ...cpuAndMemory)],
      want: { node1: 82, node2: 80 },
    },
    {
      name: 'requested resources at node capacity',
      pod: requesting(...cpuOnly),
      nodes: [sized('node1', '6000m', '10000'), sized('node2', '6000m', '10000')],
      existing: [on('node1', ...cpuOnly), on('node2', ...cpuAndMemory)],
      want: { node1: 50, node2: 75 },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(scoresOf('NodeResourcesBalancedAllocation', c), c.want));
});

describe('TaintToleration', () => {
  const prefer = (key: string, value: string) => taint(key, value, 'PreferNoSchedule');
  const tolerating = (...tolerations: { key: string; value: string; effect: string }[]) => pod({ tolerations: tolerations.map((t) => ({ ...t, operator: 'Equal' })) });
  const cases: { name: string; pod: Pod; nodes: Node[]; want: Record<string, number> }[] = [
    {
      name: 'a node whose taints the pod tolerates scores higher than one with intolerable taints',
      pod: tolerating({ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }),
      nodes: [node('nodeA', { taints: [prefer('foo', 'bar')] }), node('nodeB', { taints: [prefer('foo', 'blah')] })],
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      name: 'tolerated taints do not count, however many',
      pod: tolerating({ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }),
      nodes: [node('nodeA'), node('nodeB', { taints: [prefer('cpu-type', 'arm64')] }), node('nodeC', { taints: [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')] })],
      want: { nodeA: 100, nodeB: 100, nodeC: 100 },
    },
    {
      name: 'the more intolerable taints, the lower the score',
      pod: tolerating({ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }),
      nodes: [node('nodeA'), node('nodeB', { taints: [prefer('cpu-type', 'arm64')] }), node('nodeC', { taints: [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')] })],
      want: { nodeA: 100, nodeB: 50, nodeC: 0 },
    },
    {
      name: 'only PreferNoSchedule taints and tolerations count',
      pod: tolerating({ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'NoSchedule' }),
      nodes: [node('nodeA'), node('nodeB', { taints: [taint('cpu-type', 'arm64', 'NoSchedule')] }), node('nodeC', { taints: [prefer('cpu-type', 'arm64')] })],
      want: { nodeA: 100, nodeB: 100, nodeC: 0 },
    },
    {
      name: 'no taints and tolerations: the untainted node wins',
      pod: pod(),
      nodes: [node('nodeA'), node('nodeB', { taints: [prefer('cpu-type', 'arm64')] })],
      want: { nodeA: 100, nodeB: 0 },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(scoresOf('TaintToleration', c), c.want));
});

describe('NodeAffinity (preferred terms)', () => {
  const term = (weight: number, ...requirements: [string, string][]): PreferredSchedulingTerm => ({
    weight,
    preference: { matchExpressions: requirements.map(([key, value]) => ({ key, operator: 'In', values: [value] })) },
  });
  const preferring = (...terms: PreferredSchedulingTerm[]) => pod({ spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } } } });
  const affinity1 = preferring(term(2, ['foo', 'bar']));
  const affinity2 = preferring(term(2, ['foo', 'bar']), term(4, ['key', 'value']), term(5, ['foo', 'bar'], ['key', 'value'], ['az', 'az1']));
  const labelled = (name: string, labels: Record<string, string>) => node(name, { labels });
  const cases: { name: string; pod: Pod; nodes: Node[]; want: Record<string, number> }[] = [
    { name: 'no node affinity: the plugin skips, every node 0', pod: pod(), nodes: [labelled('node1', { foo: 'bar' }), labelled('node2', { key: 'value' })], want: { node1: 0, node2: 0 } },
    { name: 'no node matches the preferred terms', pod: affinity1, nodes: [labelled('node1', { abc: 'az11' }), labelled('node2', { key: 'value' })], want: { node1: 0, node2: 0 } },
    { name: 'only node1 matches', pod: affinity1, nodes: [labelled('node1', { foo: 'bar' }), labelled('node2', { key: 'value' }), labelled('node3', { az: 'az1' })], want: { node1: 100, node2: 0, node3: 0 } },
    {
      name: 'weights add up and are normalized to the best node',
      pod: affinity2,
      nodes: [labelled('node1', { foo: 'bar' }), labelled('node5', { foo: 'bar', key: 'value', az: 'az1' }), labelled('node2', { key: 'value' })],
      want: { node1: 18, node5: 100, node2: 36 },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(scoresOf('NodeAffinity', c), c.want));

  it('reports the plugin as skipped when the pod has no preferred terms', () => {
    const [scored] = scoreNodes({ pod: pod(), feasible: [node('n')], allNodes: [node('n')], podsByNode: new Map() });
    assert.deepEqual(scored?.plugins.find((p) => p.plugin === 'NodeAffinity'), { plugin: 'NodeAffinity', weight: 2, skipped: true, raw: 0, normalized: 0, weighted: 0 });
  });
});

describe('ImageLocality', () => {
  const MB = 1024 * 1024;
  const node1 = node('node1', {
    images: [
      { names: ['gcr.io/40:latest'], sizeBytes: 40 * MB },
      { names: ['gcr.io/300:latest'], sizeBytes: 300 * MB },
      { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * MB },
    ],
  });
  const node2 = node('node2', { images: [{ names: ['gcr.io/250:latest'], sizeBytes: 250 * MB }, { names: ['gcr.io/10:latest'], sizeBytes: 10 * MB }] });
  const images = (...names: string[]) => pod({ containers: names.map((image) => container(undefined, { image })) });
  const cases: { name: string; pod: Pod; want: Record<string, number> }[] = [
    // node1: 40MB * 1/2 = 20MB, under the 23MB floor -> 0; node2: 100 * (125 - 23) / (2000 - 23) = 5.
    { name: 'two images on two nodes: the larger image wins', pod: images('gcr.io/40', 'gcr.io/250'), want: { node1: 0, node2: 5 } },
    // node1: 100 * (150 + 1000 - 23) / (2000 - 23) = 57.
    { name: 'two images on one node', pod: images('gcr.io/300', 'gcr.io/2000'), want: { node1: 57, node2: 0 } },
    // node1: 1000MB, capped at 1000MB for one container: 100.
    { name: 'the sum is capped per container', pod: images('gcr.io/2000:latest'), want: { node1: 100, node2: 0 } },
    { name: 'no image present anywhere', pod: images('luksa/kubia'), want: { node1: 0, node2: 0 } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(scoresOf('ImageLocality', { pod: c.pod, nodes: [node1, node2] }), c.want));
});

describe('defaultNormalizeScore', () => {
  const cases: [string, number[], boolean, number[]][] = [
    ['scales to the highest', [2, 11, 4], false, [18, 100, 36]],
    ['reversed', [0, 1, 2], true, [100, 50, 0]],
    ['all zero', [0, 0], false, [0, 0]],
    ['all zero, reversed', [0, 0], true, [100, 100]],
  ];
  for (const [name, scores, reverse, want] of cases) it(name, () => assert.deepEqual(defaultNormalizeScore(scores, reverse), want));
});
