import assert from 'node:assert/strict';
import { PodTallies } from './pod-tallies';
import { test } from 'node:test';
import type { Namespace, Pod } from '@/lib/k8s/types';
import { podListRow } from './pod-list-row';
import { namespacePodsTally, namespaceListRow, namespaceNameProblem, namespaceRowWithPods, sortNamespaceRows } from './namespace-row';

const ns = (name: string, extra: Partial<Namespace> = {}): Namespace => ({ metadata: { name, uid: name, creationTimestamp: '2024-05-01T10:00:00Z' }, ...extra });
const pod = (namespace: string, phase: string, deleting = false) =>
  podListRow({ metadata: { namespace, name: `${namespace}-${phase}`, ...(deleting ? { deletionTimestamp: '2024-05-01T11:00:00Z' } : {}) }, status: { phase } } satisfies Pod);

test('STATUS is the phase, as kubectl prints it', () => {
  assert.equal(namespaceListRow(ns('a', { status: { phase: 'Active' } })).status, 'Active');
  assert.equal(namespaceListRow(ns('b', { status: { phase: 'Terminating' } })).status, 'Terminating');
  const object = ns('c');
  const row = namespaceListRow(object);
  assert.equal(row.status, 'Active');
  assert.equal(namespaceListRow(object), row);
});

test('pods are counted per namespace, with those not Running', () => {
  const counts = new PodTallies(namespacePodsTally, [pod('a', 'Running'), pod('a', 'Pending'), pod('a', 'Running', true), pod('b', 'Succeeded')]);
  assert.deepEqual(counts.get('a'), { total: 3, notRunning: 2 });
  assert.deepEqual(counts.get('b'), { total: 1, notRunning: 1 });
  assert.equal(counts.get('c'), undefined);
});

test('rows sort by pods with the name breaking ties', () => {
  const counts = new PodTallies(namespacePodsTally, [pod('m', 'Running'), pod('m', 'Running'), pod('x', 'Running')]);
  const rows = ['x', 'a', 'm'].map((name) => namespaceRowWithPods(namespaceListRow(ns(name)), counts.get(name)));
  assert.deepEqual(sortNamespaceRows(rows, 'pods', true).map((r) => r.name), ['m', 'x', 'a']);
  assert.deepEqual(sortNamespaceRows(rows, 'name', false).map((r) => r.name), ['a', 'm', 'x']);
});

test('a row with its count stays the same object until its count changes', () => {
  const row = namespaceListRow(ns('a'));
  const counts = new PodTallies(namespacePodsTally, [pod('a', 'Running')]);
  const first = namespaceRowWithPods(row, counts.get('a'));
  assert.equal(namespaceRowWithPods(row, counts.get('a')), first);
  counts.apply([{ type: 'ADDED', object: pod('a', 'Pending') }]);
  const second = namespaceRowWithPods(row, counts.get('a'));
  assert.notEqual(second, first);
  assert.deepEqual(second.pods, { total: 2, notRunning: 1 });
});

test('an invalid name is refused in the API server\'s words', () => {
  assert.equal(namespaceNameProblem('custom-namespace'), undefined);
  assert.equal(
    namespaceNameProblem('Custom_NS'),
    'Namespace "Custom_NS" is invalid: metadata.name: Invalid value: "Custom_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
  );
  assert.match(namespaceNameProblem('')!, /metadata.name: Required value: name or generateName is required/);
});
