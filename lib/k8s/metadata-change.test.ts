import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metadataChange, touchedKeysUnchanged } from './metadata-change';

test('a new label becomes a merge patch guarded by the resourceVersion', () => {
  const change = metadataChange({ map: 'labels', current: {}, edits: { set: { creation_method: 'manual' }, remove: [], overwrite: false }, resourceVersion: '42' });
  assert.deepEqual(change, { ok: true, changed: true, patch: { metadata: { labels: { creation_method: 'manual' }, resourceVersion: '42' } } });
});

test('changing an existing label needs overwrite, with kubectl\'s message', () => {
  const refused = metadataChange({ map: 'labels', current: { env: 'prod' }, edits: { set: { env: 'debug' }, remove: [], overwrite: false } });
  assert.deepEqual(refused, { ok: false, errors: ["'env' already has a value (prod), and --overwrite is false"] });
  const allowed = metadataChange({ map: 'labels', current: { env: 'prod' }, edits: { set: { env: 'debug' }, remove: [], overwrite: true } });
  assert.ok(allowed.ok && allowed.changed);
});

test('setting a label to the value it has is not a conflict and changes nothing', () => {
  const change = metadataChange({ map: 'labels', current: { env: 'prod' }, edits: { set: { env: 'prod' }, remove: [], overwrite: false } });
  assert.deepEqual(change, { ok: true, changed: false, patch: { metadata: { labels: {} } } });
});

test('removing sends null, and removing a missing key changes nothing', () => {
  const change = metadataChange({ map: 'labels', current: { env: 'prod' }, edits: { set: {}, remove: ['env', 'missing'], overwrite: false } });
  assert.deepEqual(change, { ok: true, changed: true, patch: { metadata: { labels: { env: null } } } });
});

test('label keys and values are validated with the API server\'s messages', () => {
  const change = metadataChange({ map: 'labels', current: {}, edits: { set: { 'bad key': 'ok', good: 'bad value!' }, remove: [], overwrite: false } });
  assert.equal(change.ok, false);
  if (change.ok) return;
  assert.match(change.errors[0], /^metadata\.labels: Invalid value: "bad key": name part must consist of alphanumeric characters/);
  assert.match(change.errors[1], /^metadata\.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters/);
});

test('annotation values are free text, keys are still checked', () => {
  assert.ok(metadataChange({ map: 'annotations', current: {}, edits: { set: { 'mycompany.com/someannotation': 'foo bar' }, remove: [], overwrite: false } }).ok);
  const bad = metadataChange({ map: 'annotations', current: {}, edits: { set: { '/x': 'v' }, remove: [], overwrite: false } });
  assert.equal(bad.ok, false);
});

test('a key cannot be set and removed at once', () => {
  const change = metadataChange({ map: 'annotations', current: {}, edits: { set: { a: 'b' }, remove: ['a'], overwrite: true } });
  assert.deepEqual(change, { ok: false, errors: ['can not both modify and remove the annotation "a" in the same command'] });
});

test('an edit is stale only when a key it touches changed meanwhile', () => {
  const edits = { set: { env: 'debug' }, remove: ['tier'], overwrite: true };
  assert.equal(touchedKeysUnchanged({ before: { env: 'prod', tier: 'web' }, after: { env: 'prod', tier: 'web', other: 'x' }, edits }), true);
  assert.equal(touchedKeysUnchanged({ before: { env: 'prod', tier: 'web' }, after: { env: 'qa', tier: 'web' }, edits }), false);
  assert.equal(touchedKeysUnchanged({ before: { env: 'prod', tier: 'web' }, after: { env: 'prod' }, edits }), false);
  assert.equal(touchedKeysUnchanged({ before: undefined, after: { env: 'prod' }, edits }), false);
});
