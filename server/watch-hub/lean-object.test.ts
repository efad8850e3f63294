import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAST_APPLIED, leanObject, StringInterner, SubtreeSharer } from './lean-object';

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

const admitted = (name: string, cpu: string) => ({
  metadata: { name, uid: `uid-${name}` },
  spec: {
    containers: [{ name: 'main', image: 'web', resources: { requests: { cpu } }, volumeMounts: [{ name: `kube-api-access-${name}`, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }],
    volumes: [{ name: `kube-api-access-${name}`, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }],
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    securityContext: {},
  },
});

test('subtrees equal to the last one seen are shared, frozen, and leave every object as it was parsed', () => {
  const sharer = new SubtreeSharer();
  const [a, b, c] = [admitted('a', '100m'), admitted('b', '100m'), admitted('c', '200m')].map((pod) => sharer.share(structuredClone(pod)));
  assert.deepEqual(a, admitted('a', '100m'));
  assert.deepEqual(b, admitted('b', '100m'));
  assert.deepEqual(c, admitted('c', '200m'));
  assert.equal(b.spec.tolerations, a.spec.tolerations);
  assert.equal(b.spec.securityContext, a.spec.securityContext);
  assert.equal(b.spec.volumes[0].projected, a.spec.volumes[0].projected);
  assert.equal(b.spec.containers[0].resources, a.spec.containers[0].resources);
  // What differs is each pod's own: the volume's name, the mounts, another request.
  assert.notEqual(b.spec.volumes[0], a.spec.volumes[0]);
  assert.notEqual(b.spec.containers[0].volumeMounts, a.spec.containers[0].volumeMounts);
  assert.notEqual(c.spec.containers[0].resources, a.spec.containers[0].resources);
  assert.equal(c.spec.tolerations, a.spec.tolerations);
  // A write to a shared subtree throws rather than changing every pod.
  assert.throws(() => {
    (b.spec.tolerations[0] as { tolerationSeconds: number }).tolerationSeconds = 1;
  }, TypeError);
  assert.equal(a.spec.tolerations[0].tolerationSeconds, 300);
});
