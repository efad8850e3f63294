import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeNode, podLimits } from '@/lib/k8s/describe-node';
import { compactResourceAmount, formatResourceAmount, percentOf } from '@/lib/k8s/resource-amount-format';
import { container, node, pod } from '@/lib/k8s/scheduling/testing/objects';

describe('describeNode', () => {
  const n = node('n1', { allocatable: { cpu: '1930m', memory: '2880024Ki', pods: '110' } });
  const web = pod({ name: 'web', nodeName: 'n1', containers: [{ ...container({ cpu: '100m', memory: '128Mi' }), resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }] });
  const db = pod({ name: 'db', nodeName: 'n1', containers: [container({ cpu: '1' })] });
  const d = describeNode({ node: n, pods: [web, db], events: [], now: new Date() });

  it('lists each pod with its requests and limits as a share of allocatable', () => {
    assert.deepEqual(d.pods.map((p) => [p.name, p.cpuRequests.text, p.cpuRequests.percent, p.cpuLimits.text, p.memoryRequests.text, p.memoryRequests.percent]), [
      ['web', '100m', 5, '500m', '128Mi', 4],
      ['db', '1', 51, '0', '0', 0],
    ]);
  });

  it('totals the allocated resources over those pods, as kubectl truncates the percentages', () => {
    assert.deepEqual(d.allocated.map((a) => [a.resource, `${a.requests.text} (${a.requests.percent}%)`, `${a.limits.text} (${a.limits.percent}%)`]), [
      ['cpu', '1100m (56%)', '500m (25%)'],
      ['memory', '128Mi (4%)', '256Mi (9%)'],
    ]);
  });

  it('takes the largest init container limit where it is larger', () => {
    const p = pod({ containers: [{ name: 'a', resources: { limits: { cpu: '200m' } } }], spec: { containers: [{ name: 'a', resources: { limits: { cpu: '200m' } } }], initContainers: [{ name: 'i', resources: { limits: { cpu: '1' } } }] } });
    assert.deepEqual(podLimits(p), { cpu: 1000 });
  });
});

describe('formatResourceAmount', () => {
  const cases: [string, number, string][] = [
    ['cpu', 1930, '1930m'], ['cpu', 2000, '2'], ['cpu', 0, '0'],
    ['memory', 128 * 2 ** 20, '128Mi'], ['memory', 2880024 * 1024, '2880024Ki'], ['memory', 1000, '1000'], ['pods', 110, '110'],
  ];
  for (const [resource, amount, want] of cases) it(`${resource} ${amount}`, () => assert.equal(formatResourceAmount(resource, amount), want));
  it('compact memory for table cells', () => {
    assert.equal(compactResourceAmount('memory', 2880024 * 1024), '2.7Gi');
    assert.equal(compactResourceAmount('memory', 70 * 2 ** 20), '70Mi');
    assert.equal(compactResourceAmount('cpu', 1930), '1930m');
  });
  it('percentages truncate and survive zero allocatable', () => {
    assert.equal(percentOf(1999, 2000), 99);
    assert.equal(percentOf(5, 0), 0);
  });
});
