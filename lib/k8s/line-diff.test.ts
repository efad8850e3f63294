import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editableText, withResourceVersion } from './editable-object';
import { pods } from './resources';
import { lineDiff } from './line-diff';

test('lineDiff: their change and yours, the rest kept', () => {
  const diff = lineDiff('a\nb: 1\nc', 'a\nb: 2\nc\nd');
  assert.deepEqual(diff.map((l) => `${l.op}${l.text}`), [' a', '+b: 2', '-b: 1', ' c', '+d']);
});

test('editableText folds away status and managedFields, keeps the resourceVersion, sets apiVersion and kind', () => {
  const text = editableText(pods, { metadata: { name: 'a', resourceVersion: '7', managedFields: [{ manager: 'x' }] } as never, status: { phase: 'Running' } });
  assert.equal(text, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  resourceVersion: "7"\n');
  assert.equal(withResourceVersion(text, '9'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  resourceVersion: "9"\n');
});
