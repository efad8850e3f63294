import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findUntoleratedTaint, toleratesTaint } from '@/lib/k8s/scheduling/tolerations';
import { nodeNamesFromAffinity, nodeSelectorTermMatches, podMatchesNodeAffinity } from '@/lib/k8s/scheduling/node-affinity';
import { podRequests } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, NodeSelectorTerm, Pod, Taint, Toleration } from '@/lib/k8s/types';

describe('toleratesTaint', () => {
  const taint: Taint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };
  const cases: [string, Toleration, Taint, boolean][] = [
    ['Exists with empty key tolerates everything', { operator: 'Exists' }, taint, true],
    ['Exists on the key', { key: 'gpu', operator: 'Exists' }, taint, true],
    ['Exists on another key', { key: 'ssd', operator: 'Exists' }, taint, false],
    ['Equal with same value', { key: 'gpu', operator: 'Equal', value: 'true' }, taint, true],
    ['Equal with other value', { key: 'gpu', operator: 'Equal', value: 'false' }, taint, false],
    ['empty operator means Equal', { key: 'gpu', value: 'true' }, taint, true],
    ['Equal with missing values on both', { key: 'dedicated' }, { key: 'dedicated', effect: 'NoSchedule' }, true],
    ['empty effect matches all effects', { key: 'gpu', operator: 'Exists' }, { ...taint, effect: 'NoExecute' }, true],
    ['effect must match when set', { key: 'gpu', operator: 'Exists', effect: 'NoExecute' }, taint, false],
    ['unknown operator never tolerates', { key: 'gpu', operator: 'Gt', value: 'true' }, taint, false],
  ];
  for (const [name, toleration, t, want] of cases) it(name, () => assert.equal(toleratesTaint(toleration, t), want));

  it('PreferNoSchedule never blocks', () => {
    assert.equal(findUntoleratedTaint([{ key: 'a', effect: 'PreferNoSchedule' }], []), undefined);
  });
  it('returns the first untolerated blocking taint in node order', () => {
    const taints: Taint[] = [
      { key: 'soft', effect: 'PreferNoSchedule' },
      { key: 'ok', effect: 'NoSchedule' },
      { key: 'evict', value: 'x', effect: 'NoExecute' },
      { key: 'later', effect: 'NoSchedule' },
    ];
    assert.deepEqual(findUntoleratedTaint(taints, [{ key: 'ok', operator: 'Exists' }]), taints[2]);
  });
});

const node: Node = { metadata: { name: 'node-1', labels: { gpu: 'true', zone: 'a', cores: '8' } } };

describe('nodeSelectorTermMatches', () => {
  const expr = (key: string, operator: string, values?: string[]): NodeSelectorTerm => ({ matchExpressions: [{ key, operator, values }] });
  const field = (operator: string, values: string[]): NodeSelectorTerm => ({ matchFields: [{ key: 'metadata.name', operator, values }] });
  const cases: [string, NodeSelectorTerm, boolean][] = [
    ['In matches', expr('zone', 'In', ['a', 'b']), true],
    ['In misses', expr('zone', 'In', ['c']), false],
    ['In on a missing label', expr('ssd', 'In', ['true']), false],
    ['In without values is invalid', expr('zone', 'In', []), false],
    ['NotIn excludes the value', expr('zone', 'NotIn', ['a']), false],
    ['NotIn passes other values', expr('zone', 'NotIn', ['b']), true],
    ['NotIn passes a missing label', expr('ssd', 'NotIn', ['true']), true],
    ['Exists', expr('gpu', 'Exists'), true],
    ['Exists on a missing label', expr('ssd', 'Exists'), false],
    ['Exists with values is invalid', expr('gpu', 'Exists', ['true']), false],
    ['DoesNotExist', expr('ssd', 'DoesNotExist'), true],
    ['DoesNotExist on a present label', expr('gpu', 'DoesNotExist'), false],
    ['Gt', expr('cores', 'Gt', ['4']), true],
    ['Gt equal is false', expr('cores', 'Gt', ['8']), false],
    ['Lt', expr('cores', 'Lt', ['16']), true],
    ['Lt false', expr('cores', 'Lt', ['2']), false],
    ['Gt on a non-integer label', expr('zone', 'Gt', ['1']), false],
    ['Gt with a non-integer value is invalid', expr('cores', 'Gt', ['four']), false],
    ['Gt with two values is invalid', expr('cores', 'Gt', ['1', '2']), false],
    ['unknown operator is invalid', expr('zone', 'Matches', ['a']), false],
    ['expressions are ANDed', { matchExpressions: [{ key: 'gpu', operator: 'Exists' }, { key: 'zone', operator: 'In', values: ['b'] }] }, false],
    ['empty term matches nothing', {}, false],
    ['matchFields In on the name', field('In', ['node-1']), true],
    ['matchFields In on another name', field('In', ['node-2']), false],
    ['matchFields NotIn', field('NotIn', ['node-2']), true],
    ['matchFields needs exactly one value', field('In', ['node-1', 'node-2']), false],
    ['matchFields only on metadata.name', { matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] }, false],
    ['expressions and fields together', { ...expr('gpu', 'Exists'), ...field('In', ['node-1']) }, true],
  ];
  for (const [name, term, want] of cases) it(name, () => assert.equal(nodeSelectorTermMatches(term, node), want));
});

describe('podMatchesNodeAffinity', () => {
  const withAffinity = (terms: NodeSelectorTerm[], nodeSelector?: Record<string, string>): Pod => ({
    spec: { nodeSelector, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } },
  });
  const cases: [string, Pod, boolean][] = [
    ['no constraints', {}, true],
    ['nodeSelector matches', { spec: { nodeSelector: { gpu: 'true' } } }, true],
    ['nodeSelector value differs', { spec: { nodeSelector: { gpu: 'false' } } }, false],
    ['nodeSelector key missing', { spec: { nodeSelector: { ssd: 'true' } } }, false],
    ['terms are ORed', withAffinity([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }]), true],
    ['an invalid term is skipped', withAffinity([{ matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] }, { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }]), true],
    ['empty term list matches nothing', withAffinity([]), false],
    ['nodeSelector AND affinity', withAffinity([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }], { zone: 'b' }), false],
  ];
  for (const [name, pod, want] of cases) it(name, () => assert.equal(podMatchesNodeAffinity(pod, node), want));
});

describe('nodeNamesFromAffinity', () => {
  const pin = (...terms: string[][]): Pod => ({
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: terms.map((names) => ({ matchFields: names.map((n) => ({ key: 'metadata.name', operator: 'In', values: [n] })) })),
          },
        },
      },
    },
  });
  it('no affinity leaves all nodes', () => assert.equal(nodeNamesFromAffinity({}), undefined));
  it('a single pin', () => assert.deepEqual(nodeNamesFromAffinity(pin(['a'])), new Set(['a'])));
  it('union over terms', () => assert.deepEqual(nodeNamesFromAffinity(pin(['a'], ['b'])), new Set(['a', 'b'])));
  it('intersection inside a term can be empty', () => assert.deepEqual(nodeNamesFromAffinity(pin(['a', 'b'])), new Set()));
  it('a term without a pin leaves all nodes', () => {
    const pod = pin(['a']);
    pod.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms.push({ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] });
    assert.equal(nodeNamesFromAffinity(pod), undefined);
  });
});

describe('podRequests', () => {
  const c = (cpu: string, memory: string, restartPolicy?: string) => ({ name: `c-${cpu}`, restartPolicy, resources: { requests: { cpu, memory } } });
  const cases: [string, Pod, Record<string, number>][] = [
    ['no requests', { spec: { containers: [{ name: 'a' }] } }, {}],
    ['containers add up', { spec: { containers: [c('100m', '64Mi'), c('250m', '64Mi')] } }, { cpu: 350, memory: 128 * 2 ** 20 }],
    [
      'init containers take the max (the fit.go example)',
      { spec: { initContainers: [c('2', '1G'), c('2', '3G')], containers: [c('2', '1G'), c('1', '1G')] } },
      { cpu: 3000, memory: 3e9 },
    ],
    [
      'sidecars add to containers and to later init containers',
      { spec: { initContainers: [c('500m', '0', 'Always'), c('1', '0')], containers: [c('200m', '0')] } },
      { cpu: 1500, memory: 0 },
    ],
    ['overhead comes on top', { spec: { containers: [c('100m', '0')], overhead: { cpu: '250m' } } }, { cpu: 350, memory: 0 }],
  ];
  for (const [name, pod, want] of cases) it(name, () => assert.deepEqual(podRequests(pod), want));
});
