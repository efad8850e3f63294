import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
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
