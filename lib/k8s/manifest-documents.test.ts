import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifestDocuments } from '@/lib/k8s/manifest-documents';

test('YAML documents split on ---, empty ones skipped', () => {
  const docs = parseManifestDocuments('---\napiVersion: v1\nkind: Pod\n---\n\n---\napiVersion: v1\nkind: Service\n');
  assert.deepEqual(docs.map((d) => d.object?.kind), ['Pod', 'Service']);
  assert.deepEqual(docs.map((d) => d.index), [0, 1]);
});

test('JSON is read as YAML', () => {
  const docs = parseManifestDocuments('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}');
  assert.equal(docs[0].object?.kind, 'ConfigMap');
});

test('a List is expanded into its items', () => {
  const docs = parseManifestDocuments('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod}\n- {apiVersion: v1, kind: Secret}\n');
  assert.deepEqual(docs.map((d) => d.object?.kind), ['Pod', 'Secret']);
});

test('a YAML error keeps its place with a 1-based line and column', () => {
  const docs = parseManifestDocuments('apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n');
  assert.equal(docs.length, 2);
  assert.equal(docs[0].object?.kind, 'Pod');
  assert.equal(docs[1].error?.line, 7);
  assert.equal(docs[1].error?.column, 9);
  assert.doesNotMatch(docs[1].error?.message ?? '', /\n/);
});

test('a scalar document is an error', () => {
  const docs = parseManifestDocuments('just text');
  assert.match(docs[0].error?.message ?? '', /must be an object/);
  assert.equal(docs[0].error?.line, 1);
});
