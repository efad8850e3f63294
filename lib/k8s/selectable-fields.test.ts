import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectableFields, unsupportedFieldError } from './selectable-fields';

const pod = { metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] } };

test('pods expose their strategy.go fields, missing ones as empty strings', () => {
  const fields = selectableFields('pods', pod);
  assert.equal(fields['metadata.name'], 'p');
  assert.equal(fields['metadata.namespace'], 'ns');
  assert.equal(fields['spec.nodeName'], 'node-1');
  assert.equal(fields['status.phase'], 'Running');
  assert.equal(fields['status.podIPs'], '10.0.0.1,fd00::1');
  assert.equal(fields['spec.hostNetwork'], 'false');
  assert.equal(fields['status.podIP'], '');
});

test('events select on the involved object, as kubectl describe asks', () => {
  const event = { metadata: { name: 'e', namespace: 'ns' }, involvedObject: { kind: 'Pod', name: 'p', uid: 'u' }, source: { component: 'kubelet' } };
  const fields = selectableFields('events', event);
  assert.equal(fields['involvedObject.kind'], 'Pod');
  assert.equal(fields['involvedObject.name'], 'p');
  assert.equal(fields.source, 'kubelet');
});

test('cluster-scoped kinds have no metadata.namespace', () => {
  assert.deepEqual(Object.keys(selectableFields('nodes', { metadata: { name: 'n' } }, false)).sort(), ['metadata.name', 'spec.unschedulable']);
  assert.equal(unsupportedFieldError('nodes', ['metadata.namespace'], false), 'field label not supported: metadata.namespace');
});

test('unsupported fields get the API server wording of the kind\'s conversion', () => {
  assert.equal(unsupportedFieldError('pods', ['spec.nodeName', 'spec.foo']), 'field label not supported: spec.foo');
  assert.equal(unsupportedFieldError('configmaps', ['data.x']), '"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(unsupportedFieldError('configmaps', ['metadata.name']), undefined);
});
