import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { previewScheduling } from '@/lib/k8s/scheduling/preview';
import { container, node, pod, taint } from '@/lib/k8s/scheduling/testing/objects';
import { applyNodeChange, previewWhatIf, withNodeChange, type NodeChange } from '@/lib/k8s/scheduling/what-if';
import type { Node } from '@/lib/k8s/types';

const NODES = ['gke-kubia-85f6-0rrx', 'gke-kubia-85f6-1rb2', 'gke-kubia-85f6-vbmx'];
const kubiaGpu = pod({ name: 'kubia-gpu', containers: [container(undefined, { image: 'luksa/kubia' })], spec: { nodeSelector: { gpu: 'true' } } });

describe('applyNodeChange', () => {
  const base = node('n', { labels: { gpu: 'false', zone: 'a' }, taints: [taint('dedicated', 'db', 'NoSchedule'), taint('dedicated', 'db', 'PreferNoSchedule')] });
  const cases: { name: string; change: NodeChange; labels?: Record<string, string>; taints?: string[]; unschedulable?: boolean }[] = [
    { name: 'adds a label', change: { kind: 'label', key: 'disk', value: 'ssd' }, labels: { 'kubernetes.io/hostname': 'n', gpu: 'false', zone: 'a', disk: 'ssd' } },
    { name: 'overwrites a label', change: { kind: 'label', key: 'gpu', value: 'true' }, labels: { 'kubernetes.io/hostname': 'n', gpu: 'true', zone: 'a' } },
    { name: 'removes a label', change: { kind: 'label', key: 'gpu', value: null }, labels: { 'kubernetes.io/hostname': 'n', zone: 'a' } },
    { name: 'adds a taint', change: { kind: 'taint', taint: taint('gpu', 'only', 'NoExecute') }, taints: ['dedicated=db:NoSchedule', 'dedicated=db:PreferNoSchedule', 'gpu=only:NoExecute'] },
    { name: 'replaces the taint of the same key and effect', change: { kind: 'taint', taint: taint('dedicated', 'web', 'NoSchedule') }, taints: ['dedicated=db:PreferNoSchedule', 'dedicated=web:NoSchedule'] },
    { name: 'removes the taint of a key and effect only', change: { kind: 'taint', taint: taint('dedicated', undefined, 'NoSchedule'), remove: true }, taints: ['dedicated=db:PreferNoSchedule'] },
    { name: 'cordons', change: { kind: 'cordon', unschedulable: true }, unschedulable: true },
    { name: 'uncordons', change: { kind: 'cordon', unschedulable: false }, unschedulable: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = JSON.stringify(base);
      const after = applyNodeChange(base, c.change);
      assert.equal(JSON.stringify(base), before, 'the node passed in is untouched');
      assert.notEqual(after, base);
      if (c.labels) assert.deepEqual(after.metadata?.labels, c.labels);
      if (c.taints) assert.deepEqual(after.spec?.taints?.map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`), c.taints);
      if ('unschedulable' in c) assert.equal(after.spec?.unschedulable, c.unschedulable);
    });
  }
});

describe('previewWhatIf', () => {
  const nodes = (): Node[] => NODES.map((name) => node(name));

  it('with gpu=true on one node, kubia-gpu would fit there, and the cluster stays as it is', () => {
    const cluster = nodes();
    const snapshot = JSON.stringify(cluster);
    const now = previewScheduling({ pod: kubiaGpu, nodes: cluster, podsByNode: new Map() });
    const after = previewWhatIf({ pod: kubiaGpu, nodes: cluster, podsByNode: new Map(), nodeName: NODES[0], change: { kind: 'label', key: 'gpu', value: 'true' } });
    assert.equal(now.feasibleCount, 0);
    assert.deepEqual(after.pick, { name: NODES[0], tied: [NODES[0]] });
    assert.deepEqual(after.nodes.map((n) => [n.name, n.fit.fits]), [[NODES[0], true], [NODES[1], false], [NODES[2], false]]);
    assert.equal(JSON.stringify(cluster), snapshot);
    assert.equal(cluster[0].metadata?.labels?.gpu, undefined);
  });

  it('a taint makes the preview name it; a cordon says unschedulable', () => {
    const cluster = nodes();
    const tainted = previewWhatIf({ pod: pod(), nodes: cluster, podsByNode: new Map(), nodeName: NODES[1], change: { kind: 'taint', taint: taint('gpu', 'only', 'NoSchedule') } });
    const rejected = tainted.nodes.find((n) => n.name === NODES[1])?.fit;
    assert.deepEqual(rejected && !rejected.fits && [rejected.plugin, rejected.reasons], ['TaintToleration', ['node(s) had untolerated taint {gpu: only}']]);
    const cordoned = previewWhatIf({ pod: pod(), nodes: cluster, podsByNode: new Map(), nodeName: NODES[2], change: { kind: 'cordon', unschedulable: true } });
    const refused = cordoned.nodes.find((n) => n.name === NODES[2])?.fit;
    assert.deepEqual(refused && !refused.fits && [refused.plugin, refused.reasons], ['NodeUnschedulable', ['node(s) were unschedulable']]);
    assert.equal(cluster[1].spec?.taints, undefined);
    assert.equal(cluster[2].spec?.unschedulable, undefined);
  });

  it('replaces only the changed node and shares the others', () => {
    const cluster = nodes();
    const changed = withNodeChange(cluster, NODES[1], { kind: 'label', key: 'gpu', value: 'true' });
    assert.notEqual(changed, cluster);
    assert.equal(changed[0], cluster[0]);
    assert.notEqual(changed[1], cluster[1]);
    assert.equal(changed[2], cluster[2]);
  });
});
