import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deleteOutcome, metadataOutcome } from './kubectl-outcome';

const pod = { singular: 'pod', group: '' };
const edits = (set: Record<string, string>, remove: string[] = [], overwrite = false) => ({ set, remove, overwrite });

// Each line checked against kubectl v1.32 on the embedded cluster (`kubectl label pod kubia-zxzij a=1 run-` …).
const cases: [string, Parameters<typeof metadataOutcome>[0], string][] = [
  ['a new label', { kind: pod, name: 'kubia-manual', map: 'labels', current: { run: 'kubia' }, edits: edits({ creation_method: 'manual' }) }, 'pod/kubia-manual labeled'],
  ['the same value again', { kind: pod, name: 'kubia-manual', map: 'labels', current: { foo: 'bar' }, edits: edits({ foo: 'bar' }, [], true) }, 'pod/kubia-manual not labeled'],
  ['a changed value', { kind: pod, name: 'kubia-manual', map: 'labels', current: { foo: 'bar' }, edits: edits({ foo: 'baz' }, [], true) }, 'pod/kubia-manual labeled'],
  ['a removed label', { kind: pod, name: 'kubia-manual', map: 'labels', current: { foo: 'bar', run: 'kubia' }, edits: edits({}, ['foo']) }, 'pod/kubia-manual unlabeled'],
  ['the last label removed', { kind: pod, name: 'x', map: 'labels', current: { run: 'kubia' }, edits: edits({}, ['run']) }, 'pod/x unlabeled'],
  ['removing with --overwrite', { kind: pod, name: 'x', map: 'labels', current: { foo: 'bar' }, edits: edits({}, ['foo'], true) }, 'pod/x labeled'],
  ['a short key added, a longer removed', { kind: pod, name: 'kubia-zxzij', map: 'labels', current: { run: 'kubia' }, edits: edits({ a: '1' }, ['run']) }, 'pod/kubia-zxzij unlabeled'],
  ['a longer key added, a shorter removed', { kind: pod, name: 'kubia-zxzij', map: 'labels', current: { a: '1' }, edits: edits({ zz: '1' }, ['a']) }, 'pod/kubia-zxzij labeled'],
  ['removing a label that is not there', { kind: pod, name: 'x', map: 'labels', current: {}, edits: edits({}, ['nope']) }, 'pod/x not labeled'],
  ['an annotation', { kind: pod, name: 'kubia-manual', map: 'annotations', current: {}, edits: edits({ a: 'b' }) }, 'pod/kubia-manual annotated'],
  ['an annotation unchanged still says annotated', { kind: pod, name: 'x', map: 'annotations', current: { a: 'b' }, edits: edits({ a: 'b' }, [], true) }, 'pod/x annotated'],
  ['a cluster-scoped core kind', { kind: { singular: 'node', group: '' }, name: 'gke-kubia-85f6-node-0rrx', map: 'labels', edits: edits({ x: 'y' }) }, 'node/gke-kubia-85f6-node-0rrx labeled'],
  ['a kind of a named group', { kind: { singular: 'deployment', group: 'apps' }, name: 'kubia', map: 'labels', edits: edits({ x: 'y' }) }, 'deployment.apps/kubia labeled'],
];

for (const [name, options, expected] of cases) {
  test(`metadataOutcome: ${name}`, () => assert.equal(metadataOutcome(options), expected));
}

test('deleteOutcome quotes the name, as kubectl delete prints it', () => {
  assert.equal(deleteOutcome(pod, 'kubia-gpu'), 'pod "kubia-gpu" deleted');
  assert.equal(deleteOutcome({ singular: 'namespace', group: '' }, 'zz'), 'namespace "zz" deleted');
  assert.equal(deleteOutcome({ singular: 'deployment', group: 'apps' }, 'kubia'), 'deployment.apps "kubia" deleted');
});
