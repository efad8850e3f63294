import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitsNode, type FitResult } from '@/lib/k8s/scheduling/fit';
import { schedulingSummary } from '@/lib/k8s/scheduling/summary';
import type { Container, Node, Pod, Taint } from '@/lib/k8s/types';

function makeNode(name: string, extra: { labels?: Record<string, string>; unschedulable?: boolean; taints?: Taint[]; allocatable?: Record<string, string> } = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: { unschedulable: extra.unschedulable, taints: extra.taints },
    status: { allocatable: extra.allocatable ?? { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '10Gi' } },
  };
}

function makePod(spec: Pod['spec'] = {}, extra: Partial<Pod> = {}): Pod {
  return { metadata: { name: 'kubia' }, spec: { containers: [{ name: 'kubia' }], ...spec }, ...extra };
}

const requesting = (requests: Record<string, string>, ports?: Container['ports']): Container => ({ name: 'c', resources: { requests }, ports });
const running = (requests: Record<string, string>, more: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'other' },
  spec: { nodeName: 'node-1', containers: [requesting(requests)] },
  status: { phase: 'Running' },
  ...more,
});

const reasonsOf = (r: FitResult) => (r.fits ? [] : r.reasons);

describe('fitsNode reasons', () => {
  const cases: { name: string; pod: Pod; node: Node; podsOnNode?: Pod[]; reasons: string[]; plugin?: string }[] = [
    { name: 'plain pod fits', pod: makePod(), node: makeNode('node-1'), reasons: [] },
    { name: 'cordoned node', pod: makePod(), node: makeNode('node-1', { unschedulable: true }), reasons: ['node(s) were unschedulable'], plugin: 'NodeUnschedulable' },
    {
      name: 'tolerating the unschedulable taint ignores cordon',
      pod: makePod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      node: makeNode('node-1', { unschedulable: true }),
      reasons: [],
    },
    { name: 'spec.nodeName elsewhere', pod: makePod({ nodeName: 'node-2' }), node: makeNode('node-1'), reasons: ["node(s) didn't match the requested node name"], plugin: 'NodeName' },
    { name: 'spec.nodeName here', pod: makePod({ nodeName: 'node-1' }), node: makeNode('node-1'), reasons: [] },
    {
      name: 'untolerated NoSchedule taint',
      pod: makePod(),
      node: makeNode('node-1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      plugin: 'TaintToleration',
    },
    {
      name: 'untolerated NoExecute taint with value',
      pod: makePod(),
      node: makeNode('node-1', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }),
      reasons: ['node(s) had untolerated taint {dedicated: gpu}'],
    },
    { name: 'PreferNoSchedule does not block', pod: makePod(), node: makeNode('node-1', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), reasons: [] },
    {
      name: 'nodeSelector mismatch',
      pod: makePod({ nodeSelector: { gpu: 'true' } }),
      node: makeNode('node-1'),
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
      plugin: 'NodeAffinity',
    },
    { name: 'nodeSelector match', pod: makePod({ nodeSelector: { gpu: 'true' } }), node: makeNode('node-1', { labels: { gpu: 'true' } }), reasons: [] },
    {
      name: 'required affinity mismatch',
      pod: makePod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } } }),
      node: makeNode('node-1', { labels: { zone: 'a' } }),
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
    },
    {
      name: 'matchFields name pin on another node is left out by PreFilter',
      pod: makePod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] } } } }),
      node: makeNode('node-1'),
      reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
    },
    {
      name: 'host port taken',
      pod: makePod({ containers: [requesting({}, [{ containerPort: 8080, hostPort: 80 }])] }),
      node: makeNode('node-1'),
      podsOnNode: [{ ...running({}), spec: { containers: [requesting({}, [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }])] } }],
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
      plugin: 'NodePorts',
    },
    {
      name: 'same host port on another protocol is free',
      pod: makePod({ containers: [requesting({}, [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }])] }),
      node: makeNode('node-1'),
      podsOnNode: [{ ...running({}), spec: { containers: [requesting({}, [{ containerPort: 53, hostPort: 53 }])] } }],
      reasons: [],
    },
    {
      name: 'same host port on distinct host IPs is free',
      pod: makePod({ containers: [requesting({}, [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }])] }),
      node: makeNode('node-1'),
      podsOnNode: [{ ...running({}), spec: { containers: [requesting({}, [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.2' }])] } }],
      reasons: [],
    },
    {
      name: 'Insufficient cpu',
      pod: makePod({ containers: [requesting({ cpu: '1500m' })] }),
      node: makeNode('node-1'),
      podsOnNode: [running({ cpu: '1' })],
      reasons: ['Insufficient cpu'],
      plugin: 'NodeResourcesFit',
    },
    {
      name: 'Insufficient cpu and memory together',
      pod: makePod({ containers: [requesting({ cpu: '3', memory: '5Gi' })] }),
      node: makeNode('node-1'),
      reasons: ['Insufficient cpu', 'Insufficient memory'],
    },
    {
      name: 'Insufficient ephemeral-storage',
      pod: makePod({ containers: [requesting({ 'ephemeral-storage': '20Gi' })] }),
      node: makeNode('node-1'),
      reasons: ['Insufficient ephemeral-storage'],
    },
    {
      name: 'Insufficient extended resource',
      pod: makePod({ containers: [requesting({ 'nvidia.com/gpu': '1' })] }),
      node: makeNode('node-1'),
      reasons: ['Insufficient nvidia.com/gpu'],
    },
    {
      name: 'Too many pods comes first',
      pod: makePod({ containers: [requesting({ cpu: '3' })] }),
      node: makeNode('node-1', { allocatable: { cpu: '2', memory: '1Gi', pods: '1' } }),
      podsOnNode: [running({})],
      reasons: ['Too many pods', 'Insufficient cpu'],
    },
    {
      name: 'terminated pods free their resources and slot',
      pod: makePod({ containers: [requesting({ cpu: '1500m' })] }),
      node: makeNode('node-1', { allocatable: { cpu: '2', memory: '1Gi', pods: '1' } }),
      podsOnNode: [running({ cpu: '1' }, { status: { phase: 'Succeeded' } }), running({ cpu: '1' }, { status: { phase: 'Failed' } })],
      reasons: [],
    },
    {
      name: 'a pod requesting nothing fits an overcommitted node',
      pod: makePod(),
      node: makeNode('node-1'),
      podsOnNode: [running({ cpu: '3' })],
      reasons: [],
    },
    {
      name: 'a pod not requesting cpu ignores a cpu overcommit',
      pod: makePod({ containers: [requesting({ memory: '1Gi' })] }),
      node: makeNode('node-1'),
      podsOnNode: [running({ cpu: '3' })],
      reasons: [],
    },
    {
      name: 'the first rejecting plugin wins (taint before resources)',
      pod: makePod({ containers: [requesting({ cpu: '3' })] }),
      node: makeNode('node-1', { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }),
      reasons: ['node(s) had untolerated taint {k: v}'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = fitsNode(c.pod, c.node, { podsOnNode: c.podsOnNode ?? [] });
      assert.deepEqual(reasonsOf(result), c.reasons);
      assert.equal(result.fits, c.reasons.length === 0);
      if (c.plugin && !result.fits) assert.equal(result.plugin, c.plugin);
    });
  }
});

describe('preemption outcome', () => {
  const pod = makePod({ priority: 1000, containers: [requesting({ cpu: '1500m' })] });
  it('no lower-priority pods means no victims', () => {
    const r = fitsNode(pod, makeNode('node-1'), { podsOnNode: [running({ cpu: '1' }, { spec: { priority: 1000, containers: [requesting({ cpu: '1' })] } })] });
    assert.equal(!r.fits && r.preemption.kind, 'no-victims');
  });
  it('evicting lower-priority pods makes room', () => {
    const r = fitsNode(pod, makeNode('node-1'), { podsOnNode: [running({ cpu: '1' })] });
    assert.equal(!r.fits && r.preemption.kind, 'candidate');
  });
  it('unresolvable rejections are not helped', () => {
    const r = fitsNode(pod, makeNode('node-1', { unschedulable: true }), { podsOnNode: [] });
    assert.equal(!r.fits && r.preemption.kind, 'not-helpful');
  });
  it('preemptionPolicy Never is not eligible', () => {
    const never = makePod({ preemptionPolicy: 'Never', containers: [requesting({ cpu: '3' })] });
    const r = fitsNode(never, makeNode('node-1'), { podsOnNode: [] });
    assert.equal(!r.fits && r.preemption.kind, 'ineligible');
  });
});

describe('schedulingSummary', () => {
  const nodes = [makeNode('node-1'), makeNode('node-2', { labels: { gpu: 'true' } }), makeNode('node-3', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })];
  const summarize = (pod: Pod, podsOnNode: Pod[] = []) => schedulingSummary(nodes.map((n) => fitsNode(pod, n, { podsOnNode })), nodes.length);

  const cases: [string, Pod, Pod[], string][] = [
    [
      'affinity on every node',
      makePod({ nodeSelector: { disk: 'ssd' } }),
      [],
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    ],
    [
      'resources and taints mixed, no victims',
      makePod({ containers: [requesting({ cpu: '4' })] }),
      [],
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    ],
    [
      'preemption would succeed: no preemption part',
      makePod({ priority: 100, containers: [requesting({ cpu: '1500m' })], tolerations: [{ operator: 'Exists' }] }),
      [running({ cpu: '1' })],
      '0/3 nodes are available: 3 Insufficient cpu.',
    ],
    [
      'preemptionPolicy Never',
      makePod({ preemptionPolicy: 'Never', containers: [requesting({ cpu: '4' })], tolerations: [{ operator: 'Exists' }] }),
      [],
      '0/3 nodes are available: 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..',
    ],
    [
      'name pin via matchFields',
      makePod({
        containers: [requesting({ cpu: '4' })],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] } } },
      }),
      [],
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    ],
    [
      'conflicting name pins fail at PreFilter',
      makePod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }, { key: 'metadata.name', operator: 'In', values: ['node-2'] }] }],
            },
          },
        },
      }),
      [],
      '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
    ],
  ];
  for (const [name, pod, podsOnNode, want] of cases) it(name, () => assert.equal(summarize(pod, podsOnNode), want));

  it('sorts counts as strings, like Go', () => {
    const fail = (reason: string): FitResult => ({ fits: false, reasons: [reason], plugin: 'X', code: 'UnschedulableAndUnresolvable', stage: 'Filter', preemption: { kind: 'not-helpful' } });
    const results = [...Array.from({ length: 10 }, () => fail('b')), fail('a'), fail('a')];
    assert.equal(
      schedulingSummary(results, 12),
      '0/12 nodes are available: 10 b, 2 a. preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling..',
    );
  });
  it('no nodes at all', () => assert.equal(schedulingSummary([], 0), 'no nodes available to schedule pods'));
});
