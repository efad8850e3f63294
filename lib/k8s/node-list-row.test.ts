import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PodTallies } from '@/lib/k8s/pod-tallies';
import { nodeListRow, nodeRoles, nodeRow, nodeStatus, nodeRequestsTally, sortNodeRows, taintText } from '@/lib/k8s/node-list-row';
import { podListRow } from '@/lib/k8s/pod-list-row';
import { nodeUsage } from '@/lib/k8s/scheduling/node-usage';
import { container, node, pod, taint } from '@/lib/k8s/scheduling/testing/objects';
import type { Node } from '@/lib/k8s/types';

const ready = (status: string, extra: Partial<NonNullable<Node['spec']>> = {}): Node => ({ metadata: { name: 'n' }, spec: extra, status: { conditions: [{ type: 'Ready', status }] } });

describe('nodeStatus (kubectl printNode)', () => {
  const cases: [string, Node, string][] = [
    ['Ready', ready('True'), 'Ready'],
    ['NotReady', ready('False'), 'NotReady'],
    ['Unknown Ready condition is NotReady', ready('Unknown'), 'NotReady'],
    ['no Ready condition', { metadata: { name: 'n' } }, 'Unknown'],
    ['cordoned', ready('True', { unschedulable: true }), 'Ready,SchedulingDisabled'],
  ];
  for (const [name, n, want] of cases) it(name, () => assert.equal(nodeStatus(n), want));
});

describe('nodeRoles', () => {
  const cases: [Record<string, string>, string][] = [
    [{}, '<none>'],
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
    [{ 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'gpu', 'node-role.kubernetes.io/control-plane': 'x' }, 'control-plane,gpu,worker'],
  ];
  for (const [labels, want] of cases) it(want, () => assert.equal(nodeRoles(labels), want));
});

describe('nodeListRow', () => {
  const n = node('n1', { allocatable: { cpu: '1930m', memory: '2880024Ki', pods: '110' }, taints: [taint('gpu', 'only', 'NoSchedule'), taint('maint', undefined, 'NoExecute')] });
  const podsOnNode = [pod({ name: 'a', nodeName: 'n1', containers: [container({ cpu: '100m', memory: '128Mi' })] }), pod({ name: 'b', nodeName: 'n1', containers: [container({ cpu: '250m' })] })];

  // What the page has: the BFF's rows of the node and of the pods (a finished pod and one elsewhere too).
  const rowsOfPods = () =>
    [
      ...podsOnNode,
      pod({ name: 'done', nodeName: 'n1', phase: 'Succeeded', containers: [container({ cpu: '1' })] }),
      pod({ name: 'elsewhere', nodeName: 'n2', containers: [container({ cpu: '1' })] }),
      pod({ name: 'waiting', containers: [container({ cpu: '1' })] }),
    ].map(podListRow);

  it('adds up what the pods request against allocatable, from the rows of node and pods', () => {
    const row = nodeListRow(nodeRow(n), new PodTallies(nodeRequestsTally, rowsOfPods()).get('n1'));
    assert.deepEqual(row.cpu, { requested: 350, allocatable: 1930 });
    assert.deepEqual(row.memory, { requested: 128 * 1024 * 1024, allocatable: 2880024 * 1024 });
    assert.deepEqual(row.pods, { requested: 2, allocatable: 110 });
    assert.deepEqual(row.taints.map(taintText), ['gpu=only:NoSchedule', 'maint:NoExecute']);
  });

  it('says what nodeUsage says of the same pods', () => {
    const usage = nodeUsage(podsOnNode);
    const sums = new PodTallies(nodeRequestsTally, rowsOfPods()).get('n1');
    assert.deepEqual(sums, { cpu: usage.requested.cpu, memory: usage.requested.memory, pods: usage.podCount });
  });

  it('is the same object while neither the node row nor the sums change', () => {
    const row = nodeRow(n);
    assert.equal(nodeRow(n), row);
    assert.equal(nodeListRow(row, new PodTallies(nodeRequestsTally, rowsOfPods()).get('n1')), nodeListRow(row, new PodTallies(nodeRequestsTally, rowsOfPods()).get('n1')));
    assert.notEqual(nodeListRow(row, { cpu: 1, memory: 0, pods: 1 }), nodeListRow(row, { cpu: 2, memory: 0, pods: 1 }));
    assert.deepEqual(JSON.parse(JSON.stringify(row)), row);
  });

  it('sorts by cpu share, ties by name', () => {
    const rows = [nodeListRow(nodeRow(node('b'))), nodeListRow(nodeRow(node('a'))), nodeListRow(nodeRow(n), new PodTallies(nodeRequestsTally, rowsOfPods()).get('n1'))];
    assert.deepEqual(sortNodeRows(rows, 'cpu', true).map((r) => r.name), ['n1', 'a', 'b']);
  });

  it('writes taints as kubectl taint takes them', () => assert.equal(taintText(taint('k', '', 'NoSchedule')), 'k:NoSchedule'));
});
