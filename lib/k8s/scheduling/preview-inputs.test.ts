import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manifestPod } from '@/lib/k8s/scheduling/manifest-pod';
import { nodeChangeText, parseNodeChange } from '@/lib/k8s/scheduling/node-change-text';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { previewScheduling } from '@/lib/k8s/scheduling/preview';
import { latestFailedScheduling, previewCandidates, previewSubject } from '@/lib/k8s/scheduling/preview-subject';
import { EMPTY_QUICK_FORM, quickFormErrors, quickFormPod } from '@/lib/k8s/scheduling/quick-form';
import { container, node, pod, taint } from '@/lib/k8s/scheduling/testing/objects';

describe('parseNodeChange / nodeChangeText', () => {
  const cases: [string, unknown][] = [
    ['gpu=true', { kind: 'label', key: 'gpu', value: 'true' }],
    ['gpu=', { kind: 'label', key: 'gpu', value: '' }],
    ['gpu-', { kind: 'label', key: 'gpu', value: null }],
    ['taint dedicated=gpu:NoSchedule', { kind: 'taint', taint: { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } }],
    ['taint maint:NoExecute', { kind: 'taint', taint: { key: 'maint', effect: 'NoExecute' } }],
    ['taint dedicated:NoSchedule-', { kind: 'taint', taint: { key: 'dedicated', effect: 'NoSchedule' }, remove: true }],
    ['cordon', { kind: 'cordon', unschedulable: true }],
    ['uncordon', { kind: 'cordon', unschedulable: false }],
  ];
  for (const [text, change] of cases) {
    it(text, () => {
      const parsed = parseNodeChange(text);
      assert.deepEqual(parsed, { ok: true, change });
      if (parsed.ok) assert.equal(nodeChangeText(parsed.change), text);
    });
  }
  for (const bad of ['', 'gpu', 'taint gpu', 'taint k=v:Sometimes'])
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parseNodeChange(bad).ok, false));
});

describe('quickFormPod', () => {
  it('is a pod with only what placement depends on', () => {
    const p = quickFormPod({
      nodeSelector: [{ key: 'gpu', value: 'true' }, { key: ' ', value: 'ignored' }],
      affinity: [{ key: 'zone', operator: 'In', values: 'a, b' }, { key: 'ssd', operator: 'Exists', values: 'x' }],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, { key: '', operator: 'Exists', value: '', effect: '' }],
      cpu: '500m',
      memory: '',
      hostPorts: '8080',
    });
    assert.deepEqual(p.spec?.nodeSelector, { gpu: 'true' });
    assert.deepEqual(p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms, [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }, { key: 'ssd', operator: 'Exists' }] }]);
    assert.deepEqual(p.spec?.tolerations, [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, { operator: 'Exists' }]);
    assert.deepEqual(p.spec?.containers?.[0]?.resources, { requests: { cpu: '500m' } });
    assert.deepEqual(p.spec?.containers?.[0]?.ports, [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });

  it('says what is wrong, in the API server terms', () => {
    assert.deepEqual(quickFormErrors(EMPTY_QUICK_FORM), []);
    const errors = quickFormErrors({ ...EMPTY_QUICK_FORM, cpu: 'lots', hostPorts: '70000', affinity: [{ key: 'n', operator: 'Gt', values: 'x' }, { key: 'z', operator: 'In', values: '' }] });
    assert.equal(errors.length, 4);
    assert.match(errors[0], /^cpu request: quantities must match/);
  });
});

describe('manifestPod', () => {
  it('takes a Pod as it is', () => {
    const r = manifestPod('apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-gpu\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: kubia\n    image: luksa/kubia\n');
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(r.pod.spec?.nodeSelector, { gpu: 'true' });
  });
  it("takes a Deployment's pod template", () => {
    const r = manifestPod('kind: Deployment\nmetadata: {name: web, namespace: prod}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: nginx}]\n');
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.from, 'the pod template of Deployment web');
      assert.deepEqual(r.pod.metadata, { namespace: 'prod', labels: { app: 'web' }, name: 'web-preview' });
    }
  });
  it('says why there is nothing to preview', () => {
    assert.deepEqual(manifestPod('kind: Service\nmetadata: {name: s}\n'), { ok: false, message: 'the manifest holds no Pod and no pod template (spec.template)' });
    assert.match((manifestPod('kind: [') as { message: string }).message, /^error parsing YAML/);
  });
});

describe('previewSubject', () => {
  it('previews a bound pod as if pending, without itself on its node, and leaves the inputs alone', () => {
    const big = pod({ name: 'big', nodeName: 'n1', containers: [container({ cpu: '1500m' })] });
    const byNode = groupPodsByNode([big]);
    const subject = previewSubject(big, byNode);
    assert.equal(subject.pod.spec?.nodeName, undefined);
    assert.deepEqual(subject.podsByNode.get('n1'), []);
    assert.equal(byNode.get('n1')?.length, 1);
    assert.equal(big.spec?.nodeName, 'n1');
    // Against itself it would not fit (2 cpu allocatable); without itself it fits on both nodes.
    assert.equal(previewScheduling({ pod: subject.pod, nodes: [node('n1'), node('n2')], podsByNode: subject.podsByNode }).feasibleCount, 2);
  });

  it('gives the same pending copy of the same bound pod, whatever the cluster around it', () => {
    const big = pod({ name: 'big', nodeName: 'n1' });
    assert.equal(previewSubject(big, groupPodsByNode([big])).pod, previewSubject(big, new Map()).pod);
    assert.notEqual(previewSubject({ ...big }, new Map()).pod, previewSubject(big, new Map()).pod);
  });

  it('offers pending pods first', () => {
    const names = previewCandidates([pod({ name: 'b', nodeName: 'n' }), pod({ name: 'z' }), pod({ name: 'a', nodeName: 'n' })]).pods.map((p) => p.metadata?.name);
    assert.deepEqual(names, ['z', 'a', 'b']);
  });

  it('offers at most `limit` pods, pending ones first, narrowed by a filter on namespace/name', () => {
    const pods = [pod({ name: 'web-1', nodeName: 'n' }), pod({ name: 'web-2', nodeName: 'n' }), pod({ name: 'db-1', nodeName: 'n' }), pod({ name: 'web-3' }), pod({ name: 'db-2' })];
    const names = (r: { pods: { metadata?: { name?: string } }[]; matched: number }) => [r.pods.map((p) => p.metadata?.name), r.matched];
    assert.deepEqual(names(previewCandidates(pods, { limit: 3 })), [['db-2', 'web-3', 'web-1'], 5]);
    assert.deepEqual(names(previewCandidates(pods, { limit: 1 })), [['db-2'], 5]);
    assert.deepEqual(names(previewCandidates(pods, { filter: ' WEB ', limit: 10 })), [['web-3', 'web-1', 'web-2'], 3]);
    assert.deepEqual(names(previewCandidates(pods, { filter: 'nothing' })), [[], 0]);
  });

  it('finds the latest FailedScheduling event', () => {
    const events = [
      { reason: 'FailedScheduling', message: 'old', lastTimestamp: '2026-01-01T00:00:00Z' },
      { reason: 'Scheduled', message: 'x', lastTimestamp: '2026-01-01T00:03:00Z' },
      { reason: 'FailedScheduling', message: 'new', lastTimestamp: '2026-01-01T00:02:00Z' },
    ];
    assert.equal(latestFailedScheduling(events)?.message, 'new');
    assert.equal(latestFailedScheduling([]), undefined);
  });

  it('a toleration of the taint clears it from the preview', () => {
    const tainted = node('n1', { taints: [taint('dedicated', 'gpu', 'NoSchedule')] });
    const form = { ...EMPTY_QUICK_FORM };
    assert.equal(previewScheduling({ pod: quickFormPod(form), nodes: [tainted], podsByNode: new Map() }).summary, '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..');
    const tolerating = quickFormPod({ ...form, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] });
    assert.equal(previewScheduling({ pod: tolerating, nodes: [tainted], podsByNode: new Map() }).pick?.name, 'n1');
  });
});
