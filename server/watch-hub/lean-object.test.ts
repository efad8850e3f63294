import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAST_APPLIED, leanObject, StringInterner } from './lean-object';

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

test('shared strings leave every object as it was parsed', () => {
  const interner = new StringInterner();
  for (const [name, at] of [['a', '2026-01-01T00:00:00Z'], ['b', '2026-01-01T00:00:00Z'], ['c', '2026-02-02T00:00:00Z']]) {
    const text = pod(name, at);
    assert.deepEqual(interner.share(JSON.parse(text)), JSON.parse(text));
  }
});

test('the table holds each repeated string once, and starts over when full', () => {
  // Longer than ten characters in each pod: its node, image, toleration key and start time (twice).
  const interner = new StringInterner(4);
  interner.share(JSON.parse(pod('a', '2026-01-01T00:00:00Z')));
  interner.share(JSON.parse(pod('b', '2026-01-01T00:00:00Z')));
  assert.equal(interner.size, 4);
  // A new start time does not fit: the table starts over with it.
  interner.share(JSON.parse(pod('c', '2026-02-02T00:00:00Z')));
  assert.equal(interner.size, 1);
});
