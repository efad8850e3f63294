import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAST_APPLIED, leanObject, ValueInterner } from './lean-object';

const pod = (name: string, startedAt: string) =>
  JSON.stringify({
    metadata: { name, namespace: 'team-a', uid: `uid-${name}`, labels: { app: 'web' }, annotations: { [LAST_APPLIED]: '{}', note: 'kept' }, managedFields: [{ manager: 'kubectl' }] },
    spec: {
      nodeName: 'node-0001.example.internal',
      containers: [{ name: 'main', image: 'registry.example/web:1.2.3', ports: [{ containerPort: 8080, protocol: 'TCP' }], env: [] }],
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      securityContext: {},
    },
    status: { phase: 'Running', startTime: startedAt, conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: startedAt }] },
  });

test('a lean object has no managedFields and no last-applied annotation, and keeps the other annotations', () => {
  const lean = leanObject(JSON.parse(pod('a', '2026-01-01T00:00:00Z')));
  assert.equal(lean.metadata.managedFields, undefined);
  assert.deepEqual(lean.metadata.annotations, { note: 'kept' });
  const bare = leanObject({ metadata: { name: 'b', annotations: { [LAST_APPLIED]: '{}' } } });
  assert.equal(bare.metadata?.annotations, undefined);
});

test('shared values leave every object as it was parsed', () => {
  const interner = new ValueInterner();
  for (const [name, at] of [['a', '2026-01-01T00:00:00Z'], ['b', '2026-01-01T00:00:00Z'], ['c', '2026-02-02T00:00:00Z']]) {
    const text = pod(name, at);
    assert.deepEqual(interner.share(JSON.parse(text)), JSON.parse(text));
  }
});

test('flat objects that repeat across objects are kept once; those that differ are not merged', () => {
  const interner = new ValueInterner();
  const a = interner.share(JSON.parse(pod('a', '2026-01-01T00:00:00Z')));
  const b = interner.share(JSON.parse(pod('b', '2026-01-01T00:00:00Z')));
  const c = interner.share(JSON.parse(pod('c', '2026-02-02T00:00:00Z')));
  assert.equal(a.spec.tolerations[0], b.spec.tolerations[0]);
  assert.equal(a.spec.containers[0].ports[0], c.spec.containers[0].ports[0]);
  assert.equal(a.spec.securityContext, c.spec.securityContext);
  assert.equal(a.status.conditions[0], b.status.conditions[0]);
  assert.notEqual(a.status.conditions[0], c.status.conditions[0]);
  assert.equal(c.status.conditions[0].lastTransitionTime, '2026-02-02T00:00:00Z');
  // Objects with nested objects, and arrays (which a writer might push to), stay each object's own.
  assert.notEqual(a.metadata, b.metadata);
  assert.notEqual(a.spec.containers[0], b.spec.containers[0]);
  assert.notEqual(a.spec.containers[0].env, b.spec.containers[0].env);
});

test('the tables start over when full, so values seen once are not held for ever', () => {
  const interner = new ValueInterner(2);
  const first = interner.share({ list: [{ n: 1 }] }).list[0];
  interner.share({ list: [{ n: 2 }, { n: 3 }] });
  assert.notEqual(interner.share({ list: [{ n: 1 }] }).list[0], first);
  const again = interner.share({ list: [{ n: 4 }] }).list[0];
  assert.equal(interner.share({ list: [{ n: 4 }] }).list[0], again);
});
