import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { applyStrategicMergePatch } from './strategic-merge-patch';

const pod = {
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      { name: 'main', image: 'nginx:1', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
      { name: 'side', image: 'busybox' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
    volumes: [{ name: 'v1', emptyDir: {} }],
  },
  status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] },
};

describe('strategic merge patch', () => {
  const cases: { name: string; patch: Record<string, unknown>; check: (out: typeof pod) => void }[] = [
    {
      name: 'merges containers by name and keeps the others',
      patch: { spec: { containers: [{ name: 'main', image: 'nginx:2' }] } },
      check: (out) => {
        assert.deepEqual(out.spec.containers.map((c) => [c.name, c.image]), [['main', 'nginx:2'], ['side', 'busybox']]);
        assert.equal(out.spec.containers[0]?.ports?.[0]?.containerPort, 80);
      },
    },
    {
      name: 'appends a container with a new name',
      patch: { spec: { containers: [{ name: 'third', image: 'redis' }] } },
      check: (out) => assert.deepEqual(out.spec.containers.map((c) => c.name), ['main', 'side', 'third']),
    },
    {
      name: 'deletes a list item with $patch: delete',
      patch: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } },
      check: (out) => assert.deepEqual(out.spec.containers.map((c) => c.name), ['main']),
    },
    {
      name: 'replaces a list with $patch: replace',
      patch: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } },
      check: (out) => assert.deepEqual(out.spec.containers.map((c) => c.name), ['only']),
    },
    {
      name: 'merges ports by containerPort and env by name',
      patch: { spec: { containers: [{ name: 'main', ports: [{ containerPort: 443 }], env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }] }] } },
      check: (out) => {
        assert.deepEqual(out.spec.containers[0]?.ports?.map((p) => p.containerPort), [80, 443]);
        assert.deepEqual(out.spec.containers[0]?.env, [{ name: 'A', value: '2' }, { name: 'B', value: '3' }]);
      },
    },
    {
      name: 'replaces lists without a patch strategy (tolerations)',
      patch: { spec: { tolerations: [{ key: 'other', operator: 'Exists' }] } },
      check: (out) => assert.deepEqual(out.spec.tolerations, [{ key: 'other', operator: 'Exists' }]),
    },
    {
      name: 'merges conditions by type',
      patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      check: (out) => assert.deepEqual(out.status.conditions.map((c) => [c.type, c.status]), [['Ready', 'True'], ['PodScheduled', 'True']]),
    },
    {
      name: 'deletes map keys with null and replaces a map with $patch: replace',
      patch: { metadata: { labels: { $patch: 'replace', c: '3' }, finalizers: ['y'] } },
      check: (out) => {
        assert.deepEqual(out.metadata.labels, { c: '3' });
        assert.deepEqual(out.metadata.finalizers, ['x', 'y']);
      },
    },
    {
      name: 'removes scalars with $deleteFromPrimitiveList',
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'], labels: { a: null } } },
      check: (out) => {
        assert.deepEqual(out.metadata.finalizers, []);
        assert.deepEqual(out.metadata.labels, { b: '2' });
      },
    },
    {
      name: 'orders a merged list with $setElementOrder',
      patch: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'main' }], containers: [{ name: 'main', image: 'n' }] } },
      check: (out) => assert.deepEqual(out.spec.containers.map((c) => c.name), ['side', 'main']),
    },
  ];
  for (const c of cases) {
    it(c.name, () => c.check(applyStrategicMergePatch(pod, c.patch) as typeof pod));
  }

  it('never mutates the original', () => {
    const before = JSON.stringify(pod);
    applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'main', image: 'changed' }] } });
    assert.equal(JSON.stringify(pod), before);
  });
});

describe('merge patch and JSON patch', () => {
  it('merge patch replaces lists and deletes with null', () => {
    const out = applyMergePatch(pod, { metadata: { labels: { a: null, c: '3' } }, spec: { containers: [{ name: 'x', image: 'y' }] } }) as typeof pod;
    assert.deepEqual(out.metadata.labels, { b: '2', c: '3' });
    assert.deepEqual(out.spec.containers, [{ name: 'x', image: 'y' }]);
  });

  it('JSON patch applies add, replace, remove, move, copy and test', () => {
    const out = applyJsonPatch(pod, [
      { op: 'test', path: '/metadata/name', value: 'p' },
      { op: 'add', path: '/metadata/labels/new~1key', value: 'v' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:3' },
      { op: 'remove', path: '/spec/containers/1' },
      { op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/c' },
      { op: 'move', from: '/metadata/labels/b', path: '/metadata/labels/d' },
      { op: 'add', path: '/spec/volumes/-', value: { name: 'v2' } },
    ]) as typeof pod;
    assert.deepEqual(out.metadata.labels, { a: '1', 'new/key': 'v', c: '1', d: '2' });
    assert.deepEqual(out.spec.containers.map((c) => c.image), ['nginx:3']);
    assert.deepEqual(out.spec.volumes.map((v) => v.name), ['v1', 'v2']);
  });

  it('JSON patch fails a test operation and a missing path', () => {
    assert.throws(() => applyJsonPatch(pod, [{ op: 'test', path: '/metadata/name', value: 'q' }]), /test failed/);
    assert.throws(() => applyJsonPatch(pod, [{ op: 'replace', path: '/nope/x', value: 1 }]), /missing/);
  });
});
