import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { previewScheduling } from '@/lib/k8s/scheduling/preview';
import { container, node, pod, taint } from '@/lib/k8s/scheduling/testing/objects';
import type { Node, Pod } from '@/lib/k8s/types';

const NODES = ['gke-kubia-85f6-0rrx', 'gke-kubia-85f6-1rb2', 'gke-kubia-85f6-vbmx'];
const cluster = (extra: Parameters<typeof node>[1] = {}) => NODES.map((name) => node(name, extra));
const kubiaGpu = pod({ name: 'kubia-gpu', containers: [container(undefined, { image: 'luksa/kubia' })], spec: { nodeSelector: { gpu: 'true' } } });

/** Deep-freezes an object graph, so any write by the code under test throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}

describe('previewScheduling', () => {
  it("kubia-gpu: every node misses the selector, with the scheduler's own summary", () => {
    const preview = previewScheduling({ pod: kubiaGpu, nodes: cluster(), podsByNode: new Map() });
    assert.equal(preview.feasibleCount, 0);
    assert.equal(preview.pick, undefined);
    assert.equal(
      preview.summary,
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
    assert.deepEqual(
      preview.nodes.map((n) => [n.name, !n.fit.fits && n.fit.plugin, !n.fit.fits && n.fit.reasons]),
      NODES.map((name) => [name, 'NodeAffinity', ["node(s) didn't match Pod's node affinity/selector"]]),
    );
    assert.deepEqual(preview.preemption, { kind: 'would-not-help' });
  });

  it('names the plugin and reason of each rejection, in the order of the filters', () => {
    const nodes = [
      node('cordoned', { unschedulable: true }),
      node('tainted', { taints: [taint('dedicated', 'db', 'NoSchedule')] }),
      node('small', { allocatable: { cpu: '500m', memory: '4Gi', pods: '110' } }),
      node('full', { allocatable: { cpu: '2', memory: '4Gi', pods: '1' } }),
      node('ports'),
    ];
    const existing = [
      pod({ name: 'a', nodeName: 'full' }),
      pod({ name: 'b', nodeName: 'ports', containers: [container(undefined, { ports: [{ containerPort: 8080, hostPort: 80 }] })] }),
    ];
    const wanting = pod({ containers: [container({ cpu: '1' }, { ports: [{ containerPort: 8080, hostPort: 80 }] })] });
    const preview = previewScheduling({ pod: wanting, nodes, podsByNode: groupPodsByNode(existing) });
    assert.deepEqual(
      preview.nodes.map((n) => (n.fit.fits ? [n.name] : [n.name, n.fit.plugin, ...n.fit.reasons])),
      [
        ['cordoned', 'NodeUnschedulable', 'node(s) were unschedulable'],
        ['tainted', 'TaintToleration', 'node(s) had untolerated taint {dedicated: db}'],
        ['small', 'NodeResourcesFit', 'Insufficient cpu'],
        ['full', 'NodeResourcesFit', 'Too many pods'],
        ['ports', 'NodePorts', "node(s) didn't have free ports for the requested pod ports"],
      ],
    );
    assert.equal(
      preview.summary,
      "0/5 nodes are available: 1 Insufficient cpu, 1 Too many pods, 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable. " +
        'preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..',
    );
  });

  it('ranks the fitting nodes and picks the one a preferred node affinity favours', () => {
    const nodes = cluster();
    nodes[1] = node(NODES[1], { labels: { disk: 'ssd' } });
    const preferring = pod({ spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } } } });
    const preview = previewScheduling({ pod: preferring, nodes, podsByNode: new Map() });
    assert.deepEqual(preview.pick, { name: NODES[1], tied: [NODES[1]] });
    assert.deepEqual(preview.nodes.map((n) => [n.name, n.rank, n.score?.total]), [
      // TaintToleration 100*3, NodeAffinity 100*2 (or 0), LeastAllocated 100, Balanced 100, ImageLocality 0.
      [NODES[1], 1, 700],
      [NODES[0], 2, 500],
      [NODES[2], 2, 500],
    ]);
    assert.equal(preview.summary, undefined);
    assert.deepEqual(preview.preemption, { kind: 'not-needed' });
  });

  it('notes a tie and breaks it at random, as selectHost does', () => {
    const nodes = cluster();
    const first = previewScheduling({ pod: pod(), nodes, podsByNode: new Map(), random: () => 0 });
    const last = previewScheduling({ pod: pod(), nodes, podsByNode: new Map(), random: () => 0.999 });
    assert.deepEqual(first.pick, { name: NODES[0], tied: NODES });
    assert.deepEqual(last.pick, { name: NODES[2], tied: NODES });
    const seen = new Set(Array.from({ length: 60 }, () => previewScheduling({ pod: pod(), nodes, podsByNode: new Map() }).pick?.name));
    assert.deepEqual([...seen].sort(), NODES);
  });

  it('prefers the emptier node (LeastAllocated) and the balanced one', () => {
    const nodes = cluster();
    const busy = [pod({ name: 'busy', nodeName: NODES[0], containers: [container({ cpu: '1', memory: '1Gi' })] })];
    const preview = previewScheduling({ pod: pod({ containers: [container({ cpu: '500m', memory: '1Gi' })] }), nodes, podsByNode: groupPodsByNode(busy), random: () => 0 });
    const scores = (name: string) => Object.fromEntries(preview.nodes.find((n) => n.name === name)?.score?.plugins.map((p) => [p.plugin, p.weighted]) ?? []);
    // Busy node: cpu 1500m of 2 -> 25, memory 2Gi of 4Gi -> 50, LeastAllocated (25+50)/2 = 37; fractions
    // 0.75 and 0.5, BalancedAllocation (1 - 0.125) * 100 = 87. Empty nodes: 75 and 75, then 100.
    assert.deepEqual(scores(NODES[0]), { TaintToleration: 300, NodeAffinity: 0, NodeResourcesFit: 37, NodeResourcesBalancedAllocation: 87, ImageLocality: 0 });
    assert.deepEqual(scores(NODES[1]), { TaintToleration: 300, NodeAffinity: 0, NodeResourcesFit: 75, NodeResourcesBalancedAllocation: 100, ImageLocality: 0 });
    assert.deepEqual(preview.pick?.tied, [NODES[1], NODES[2]]);
  });

  it('says when preemption would help, and then writes no preemption part', () => {
    const nodes = [node('n1', { allocatable: { cpu: '1', memory: '4Gi', pods: '110' } })];
    const victims = [pod({ name: 'low', nodeName: 'n1', containers: [container({ cpu: '800m' })] })];
    const urgent = pod({ containers: [container({ cpu: '500m' })], spec: { priority: 1000 } });
    const preview = previewScheduling({ pod: urgent, nodes, podsByNode: groupPodsByNode(victims) });
    assert.deepEqual(preview.preemption, { kind: 'would-help', nodes: ['n1'] });
    assert.equal(preview.summary, '0/1 nodes are available: 1 Insufficient cpu.');
    const never = previewScheduling({ pod: { ...urgent, spec: { ...urgent.spec, preemptionPolicy: 'Never' } }, nodes, podsByNode: groupPodsByNode(victims) });
    assert.deepEqual(never.preemption, { kind: 'ineligible' });
    assert.equal(never.summary, '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..');
  });

  it('says what it does not model for this pod and cluster', () => {
    const many = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    const owned: Pod = { ...pod({ spec: { schedulerName: 'my-scheduler' } }), metadata: { name: 'x', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }] } };
    assert.deepEqual(previewScheduling({ pod: pod(), nodes: cluster(), podsByNode: new Map() }).caveats, []);
    assert.deepEqual(previewScheduling({ pod: owned, nodes: many, podsByNode: new Map() }).caveats, [
      `This pod asks for the scheduler "my-scheduler"; the preview models kube-scheduler 1.32's default profile, which leaves it alone.`,
      'PodTopologySpread is not modelled (it spreads the pods of a controller or Service across nodes and zones).',
      'With 100 nodes kube-scheduler scores only a share of the nodes that fit (percentageOfNodesToScore).',
    ]);
  });

  it('modifies nothing it is given', () => {
    const nodes = frozen(cluster({ taints: [taint('x', 'y', 'PreferNoSchedule')] }) as Node[]);
    const existing = frozen([pod({ name: 'a', nodeName: NODES[0], containers: [container({ cpu: '1' })] })]);
    const wanting = frozen(pod({ containers: [container({ cpu: '100m' })] }));
    assert.doesNotThrow(() => previewScheduling({ pod: wanting, nodes, podsByNode: groupPodsByNode(existing) }));
  });
});

describe('previewScheduling, again after a change', () => {
  it('works out again only the nodes whose object or pods changed, and gets those right', () => {
    const subject = pod({ name: 'web', containers: [container({ cpu: '1' })] });
    const [a, b] = [node('a'), node('b')];
    const first = previewScheduling({ pod: subject, nodes: [a, b], podsByNode: new Map([['a', []], ['b', []]]) });
    const fitOf = (p: ReturnType<typeof previewScheduling>, name: string) => p.nodes.find((n) => n.name === name)?.fit;
    assert.equal(first.feasibleCount, 2);

    // A pod joined a: a's list is a new array, b's is the same one.
    const bPods: Pod[] = [];
    const before = new Map<string, Pod[]>([['a', []], ['b', bPods]]);
    const warm = previewScheduling({ pod: subject, nodes: [a, b], podsByNode: before });
    const afterJoin = previewScheduling({ pod: subject, nodes: [a, b], podsByNode: new Map([['a', [pod({ name: 'hog', nodeName: 'a', containers: [container({ cpu: '1500m' })] })]], ['b', bPods]]) });
    assert.deepEqual(fitOf(afterJoin, 'a'), { fits: false, reasons: ['Insufficient cpu'], plugin: 'NodeResourcesFit', code: 'Unschedulable', stage: 'Filter', preemption: { kind: 'no-victims' } });
    assert.equal(fitOf(afterJoin, 'b'), fitOf(warm, 'b'), "b's result is the remembered one");

    // b changed (a new object with a taint): b is worked out again.
    const tainted = node('b', { taints: [taint('dedicated', 'db', 'NoSchedule')] });
    const afterTaint = previewScheduling({ pod: subject, nodes: [a, tainted], podsByNode: new Map([['a', []], ['b', bPods]]) });
    assert.equal(fitOf(afterTaint, 'b')?.fits, false);
    assert.equal(fitOf(afterTaint, 'a')?.fits, true);
  });
});
