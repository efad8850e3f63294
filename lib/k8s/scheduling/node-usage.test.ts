import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nodeUsage } from '@/lib/k8s/scheduling/node-usage';
import { DEFAULT_MEMORY_REQUEST, podNonZeroRequests } from '@/lib/k8s/scheduling/pod-requests';
import { container, pod } from '@/lib/k8s/scheduling/testing/objects';
import type { Pod } from '@/lib/k8s/types';

describe('podNonZeroRequests', () => {
  const cases: { name: string; pod: Pod; want: Record<string, number> }[] = [
    { name: 'no containers: nothing', pod: pod(), want: {} },
    { name: 'a container without requests counts 100m and 200Mi', pod: pod({ containers: [container()] }), want: { cpu: 100, memory: DEFAULT_MEMORY_REQUEST } },
    { name: 'per container, not per pod', pod: pod({ containers: [container(), container()] }), want: { cpu: 200, memory: 2 * DEFAULT_MEMORY_REQUEST } },
    { name: 'an explicit 0 stays 0', pod: pod({ containers: [container({ cpu: '0', memory: '0' })] }), want: { cpu: 0, memory: 0 } },
    { name: 'only what is left out is filled in', pod: pod({ containers: [container({ cpu: '250m' })] }), want: { cpu: 250, memory: DEFAULT_MEMORY_REQUEST } },
    {
      name: 'init containers get the defaults too, and the largest moment wins',
      pod: pod({ containers: [container({ cpu: '50m', memory: '10Mi' })], spec: { initContainers: [container()] } }),
      want: { cpu: 100, memory: DEFAULT_MEMORY_REQUEST },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(podNonZeroRequests(c.pod), c.want));
});

describe('nodeUsage', () => {
  it('adds up real and non-zero requests, and remembers them per list', () => {
    const pods = [pod({ containers: [container({ cpu: '1', memory: '1Gi' })] }), pod({ containers: [container()] })];
    const usage = nodeUsage(pods);
    assert.deepEqual(usage, {
      requested: { cpu: 1000, memory: 1024 ** 3 },
      nonZeroRequested: { cpu: 1100, memory: 1024 ** 3 + DEFAULT_MEMORY_REQUEST },
      podCount: 2,
    });
    assert.equal(nodeUsage(pods), usage);
    assert.notEqual(nodeUsage([...pods]), usage);
  });
});
