import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { podReady, podRestarts, podStatusReason, podTableColumns, podTableRow } from '@/lib/k8s/pod-status';
import { ago, cs, pod, podRestartCases, podStatusCases, running, statusNow } from '@/lib/k8s/testing/pod-status-cases';
import type { ContainerState, Pod } from '@/lib/k8s/types';

const now = statusNow;

describe('podStatusReason and podReady', () => {
  const cases = podStatusCases;
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(podStatusReason(c.pod), c.status);
      assert.equal(podReady(c.pod), c.ready);
    });
  }
});

describe('podRestarts', () => {
  const lastState = (msAgo: number): ContainerState => ({ terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(msAgo) } });
  const cases = podRestartCases;
  for (const c of cases) {
    it(c.name, () => {
      const got = podRestarts(c.pod, now);
      assert.equal(got.count, c.count);
      assert.equal(got.text, c.text);
    });
  }

  it('reports the last restart date', () => {
    const p = pod({ statuses: [cs('main', running, { restartCount: 1, lastState: lastState(130_000) })] });
    assert.equal(podRestarts(p, now).lastRestart?.toISOString(), ago(130_000));
  });
});

describe('podTableRow', () => {
  it('has one cell per column', () => assert.equal(podTableRow({}, now).length, podTableColumns.length));

  const scheduled: Pod = {
    metadata: { name: 'kubia-manual', creationTimestamp: ago(3 * 86_400_000 + 4 * 3_600_000) },
    spec: { nodeName: 'node-1', containers: [{ name: 'kubia' }], readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      nominatedNodeName: 'node-2',
      conditions: [
        { type: 'example.com/lb', status: 'True' },
        { type: 'example.com/dns', status: 'False' },
      ],
      containerStatuses: [cs('kubia', running, { ready: true })],
    },
  };

  const cases: { name: string; pod: Pod; cells: string[] }[] = [
    {
      name: 'scheduled pod with readiness gates',
      pod: scheduled,
      cells: ['kubia-manual', '1/1', 'Running', '0', '3d4h', '10.244.1.5', 'node-1', 'node-2', '1/2'],
    },
    {
      name: 'pending pod prints <none>',
      pod: pod({ phase: 'Pending' }),
      cells: ['kubia', '0/1', 'Pending', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    },
    {
      name: 'podIPs only',
      pod: { metadata: { name: 'p' }, status: { phase: 'Running', podIPs: [{ ip: 'fd00::1' }] } },
      cells: ['p', '0/0', 'Running', '0', '<unknown>', 'fd00::1', '<none>', '<none>', '<none>'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(podTableRow(c.pod, now), c.cells));
  }
});
