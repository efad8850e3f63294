import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverErrorFields } from './server-error-fields';

const cases: [string, Parameters<typeof serverErrorFields>[0], string[]][] = [
  ['Invalid causes', { reason: 'Invalid', details: { causes: [{ field: 'spec.containers[0].image' }, { field: 'metadata.name' }] } }, ['spec.containers[0].image', 'metadata.name']],
  ['Strict unknown fields', { reason: 'BadRequest', message: 'strict decoding error: unknown field "spec.foo", unknown field "spec.containers[0].bar"' }, ['spec.foo', 'spec.containers[0].bar']],
  ['AlreadyExists', { reason: 'AlreadyExists', message: 'pods "kubia" already exists' }, ['metadata.name']],
  ['namespace mismatch', { reason: 'BadRequest', message: 'the namespace from the provided object "a" does not match the namespace "b". You must pass \'--namespace=a\' to perform this operation.' }, ['metadata.namespace']],
  ['Forbidden names no field', { reason: 'Forbidden', message: 'pods is forbidden: User "x" cannot create resource "pods"' }, []],
];
for (const [title, status, want] of cases) test(`serverErrorFields: ${title}`, () => assert.deepEqual(serverErrorFields(status), want));
