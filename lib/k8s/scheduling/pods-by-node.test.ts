import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reduceList, watchedList, type WatchEvent, type WatchedList } from '@/lib/k8s/list-reducer';
import { groupPodsByNode, PodsByNodeIndex, runningPods, type PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import type { Pod } from '@/lib/k8s/types';

const pod = (name: string, nodeName?: string, phase?: string): Pod => ({ metadata: { name }, spec: { nodeName, containers: [] }, status: phase ? { phase } : undefined });
const names = (byNode: Map<string, Pod[]>) => Object.fromEntries([...byNode].map(([node, pods]) => [node, pods.map((p) => p.metadata?.name)]));

describe('groupPodsByNode', () => {
  const cases: { name: string; pods: Pod[]; want: Record<string, (string | undefined)[]> }[] = [
    { name: 'nothing', pods: [], want: {} },
    { name: 'pending pods belong to no node', pods: [pod('a'), pod('b', '')], want: {} },
    { name: 'pods by node, in their order', pods: [pod('a', 'n1'), pod('b', 'n2'), pod('c', 'n1')], want: { n1: ['a', 'c'], n2: ['b'] } },
    {
      name: 'Succeeded and Failed pods hold nothing; Running, Pending and Unknown do',
      pods: [pod('done', 'n1', 'Succeeded'), pod('crashed', 'n1', 'Failed'), pod('up', 'n1', 'Running'), pod('starting', 'n1', 'Pending'), pod('lost', 'n1', 'Unknown')],
      want: { n1: ['up', 'starting', 'lost'] },
    },
    {
      name: 'terminating pods still count',
      pods: [{ ...pod('going', 'n1', 'Running'), metadata: { name: 'going', deletionTimestamp: '2026-01-01T00:00:00Z' } }],
      want: { n1: ['going'] },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(names(groupPodsByNode(c.pods)), c.want));

  it('shares the pod objects instead of copying them', () => {
    const a = pod('a', 'n1');
    assert.equal(groupPodsByNode([a]).get('n1')?.[0], a);
  });
});

describe('PodsByNodeIndex', () => {
  const bound = (uid: string, nodeName?: string, phase?: string): Pod => ({ metadata: { name: uid, uid }, spec: { nodeName, containers: [] }, status: phase ? { phase } : undefined });
  const sorted = (byNode: PodsByNode) => Object.fromEntries([...byNode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([node, pods]) => [node, pods.map((p) => p.metadata?.uid).sort()]));
  type Step = WatchEvent<Pod>;
  const cases: { name: string; start: Pod[]; events: Step[]; want: Record<string, string[]>; changed: boolean }[] = [
    { name: 'a pod bound to a node joins it', start: [bound('a')], events: [{ type: 'MODIFIED', object: bound('a', 'n1') }], want: { n1: ['a'] }, changed: true },
    { name: 'a new bound pod is appended', start: [bound('a', 'n1')], events: [{ type: 'ADDED', object: bound('b', 'n1') }], want: { n1: ['a', 'b'] }, changed: true },
    { name: 'a deleted pod leaves, and an empty node disappears', start: [bound('a', 'n1'), bound('b', 'n2')], events: [{ type: 'DELETED', object: bound('a', 'n1') }], want: { n2: ['b'] }, changed: true },
    { name: 'a pod that finishes holds nothing', start: [bound('a', 'n1'), bound('b', 'n1')], events: [{ type: 'MODIFIED', object: bound('a', 'n1', 'Succeeded') }], want: { n1: ['b'] }, changed: true },
    { name: 'a pending pod changing touches no node', start: [bound('a', 'n1')], events: [{ type: 'MODIFIED', object: bound('p') }], want: { n1: ['a'] }, changed: false },
    { name: 'bookmarks and uid-less objects are ignored', start: [bound('a', 'n1')], events: [{ type: 'BOOKMARK', object: bound('x', 'n1') }, { type: 'ADDED', object: { spec: { nodeName: 'n1', containers: [] } } }], want: { n1: ['a'] }, changed: false },
    { name: 'an ADDED repeated after a relist replaces, not duplicates', start: [bound('a', 'n1')], events: [{ type: 'ADDED', object: bound('a', 'n1') }], want: { n1: ['a'] }, changed: true },
    { name: 'several events on one node in a batch', start: [bound('a', 'n1')], events: [{ type: 'ADDED', object: bound('b', 'n1') }, { type: 'DELETED', object: bound('a', 'n1') }, { type: 'DELETED', object: bound('b', 'n1') }, { type: 'ADDED', object: bound('c', 'n1') }], want: { n1: ['c'] }, changed: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new PodsByNodeIndex(c.start);
      assert.equal(index.apply(c.events), c.changed);
      assert.deepEqual(sorted(index.podsByNode), c.want);
    });
  }

  it('replaces a modified pod in place and keeps the arrays and map of untouched nodes', () => {
    const index = new PodsByNodeIndex([bound('a', 'n1'), bound('b', 'n1'), bound('c', 'n2')]);
    const before = index.podsByNode;
    const n1 = before.get('n1');
    const n2 = before.get('n2');
    assert.equal(index.podsByNode, before, 'the same map until something changes');
    const changedA = bound('a', 'n1');
    index.apply([{ type: 'MODIFIED', object: changedA }]);
    const after = index.podsByNode;
    assert.notEqual(after, before);
    assert.equal(after.get('n2'), n2, 'an untouched node keeps its array');
    assert.notEqual(after.get('n1'), n1);
    assert.deepEqual(after.get('n1'), [changedA, n1?.[1]]);
    assert.deepEqual(n1?.map((p) => p.metadata?.uid), ['a', 'b'], 'a list handed out is never changed');
    assert.notEqual(n1?.[0], changedA);
    assert.equal(index.apply([{ type: 'MODIFIED', object: changedA }]), false, 'the same object again changes nothing');
  });

  it('agrees with grouping the reduced list again, over random events', () => {
    // A small deterministic generator (mulberry32), so a failure can be replayed.
    let seed = 12;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const nodes = [undefined, 'n1', 'n2', 'n3'];
    const phases = [undefined, 'Running', 'Pending', 'Succeeded', 'Failed'];
    let list: WatchedList<Pod> = watchedList(Array.from({ length: 20 }, (_, i) => bound(`p${i}`, pick(nodes), pick(phases))), '1');
    const index = new PodsByNodeIndex(list.items);
    for (let batch = 0; batch < 300; batch++) {
      const events: Step[] = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
        const uid = `p${Math.floor(random() * 30)}`;
        const type = pick(['ADDED', 'MODIFIED', 'MODIFIED', 'DELETED'] as const);
        return { type, object: bound(uid, pick(nodes), pick(phases)) };
      });
      list = reduceList(list, events, String(batch));
      index.apply(events);
      assert.deepEqual(sorted(index.podsByNode), sorted(groupPodsByNode(list.items)), `after batch ${batch}`);
    }
  });

  it('starts again from a snapshot', () => {
    const index = new PodsByNodeIndex([bound('a', 'n1')]);
    index.reset([bound('b', 'n2')]);
    assert.deepEqual(sorted(index.podsByNode), { n2: ['b'] });
    index.apply([{ type: 'DELETED', object: bound('a', 'n1') }]);
    assert.deepEqual(sorted(index.podsByNode), { n2: ['b'] });
  });
});

describe('runningPods', () => {
  const p = (name: string, phase?: string): Pod => ({ metadata: { name }, status: phase ? { phase } : undefined });
  it('drops finished pods, remembered per array', () => {
    const pods = [p('a', 'Running'), p('b', 'Succeeded'), p('c', 'Failed'), p('d')];
    const running = runningPods(pods);
    assert.deepEqual(running.map((x) => x.metadata?.name), ['a', 'd']);
    assert.equal(runningPods(pods), running);
  });
  it('is the very array when nothing is dropped', () => {
    const pods = [p('a', 'Running')];
    assert.equal(runningPods(pods), pods);
  });
});
