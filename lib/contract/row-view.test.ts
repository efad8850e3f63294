import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podListRow } from '@/lib/k8s/pod-list-row';
import { namespaceListRow } from '@/lib/k8s/namespace-row';
import { nodeRow } from '@/lib/k8s/node-list-row';
import { rowProjection } from './row-view';
import { watchSubscribeSchema } from './watch';

test('the registry gives each kind with a rows view its lib/k8s row function, and none to the others', () => {
  assert.equal(rowProjection({ group: '', version: 'v1', resource: 'pods' }), podListRow);
  assert.equal(rowProjection({ version: 'v1', resource: 'namespaces' }), namespaceListRow);
  assert.equal(rowProjection({ version: 'v1', resource: 'nodes' }), nodeRow);
  assert.equal(rowProjection({ group: '', version: 'v1', resource: 'configmaps' }), undefined);
  // A group of its own is another resource, whatever its name.
  assert.equal(rowProjection({ group: 'example.com', version: 'v1', resource: 'pods' }), undefined);
});

test('watch:subscribe takes view objects or rows, and nothing else', () => {
  const target = { context: 'embedded', version: 'v1', resource: 'pods' };
  assert.equal(watchSubscribeSchema.parse({ id: 'w1', target: { ...target, view: 'rows' } }).target.view, 'rows');
  assert.equal(watchSubscribeSchema.parse({ id: 'w1', target }).target.view, undefined);
  assert.equal(watchSubscribeSchema.safeParse({ id: 'w1', target: { ...target, view: 'table' } }).success, false);
});

test('a row is plain JSON: what the BFF sends is what the row function made', () => {
  const row = podListRow({
    metadata: { name: 'p', namespace: 'n', uid: 'u', resourceVersion: '5', creationTimestamp: '2026-01-01T00:00:00Z', labels: { a: 'b' } },
    spec: { containers: [{ name: 'c' }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:05:00Z' } } }] },
  });
  assert.deepEqual(JSON.parse(JSON.stringify(row)), row);
  assert.equal(row.lastRestart, '2026-01-01T00:05:00.000Z');
  assert.equal(row.resourceVersion, '5');
});
