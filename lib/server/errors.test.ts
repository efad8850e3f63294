import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BffError, ERROR_TABLE, KubeStatusError, httpCodeOf, toStatus, type BffErrorCode } from '@/lib/server/errors';

test('every console error maps to a Failure Status with the table code and reason', () => {
  for (const [code, row] of Object.entries(ERROR_TABLE) as [BffErrorCode, { code: number; reason: string }][]) {
    const status = toStatus(new BffError(code, `msg ${code}`));
    assert.deepEqual(status, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `msg ${code}`, reason: row.reason, code: row.code });
    assert.equal(httpCodeOf(status), row.code);
  }
});

test('the API server Status passes through unchanged', () => {
  const server = { kind: 'Status' as const, apiVersion: 'v1', metadata: {}, status: 'Failure' as const, message: 'pods "x" not found', reason: 'NotFound', details: { name: 'x', kind: 'pods' }, code: 404 };
  assert.equal(toStatus(new KubeStatusError(server)), server);
});

test('errors from another copy of the module are recognised by their brand', () => {
  const foreign = Object.assign(new Error('no such context'), { code: 'ContextNotFound', [Symbol.for('pilothouse.bff-error')]: true });
  assert.equal(toStatus(foreign).code, 404);
});

test('an unknown error becomes a 500 that leaks nothing', () => {
  const status = toStatus(new Error('secret token abc'));
  assert.equal(status.code, 500);
  assert.equal(status.reason, 'InternalError');
  assert.doesNotMatch(status.message ?? '', /secret/);
});

test('httpCodeOf falls back to 500 for a Status without a usable code', () => {
  assert.equal(httpCodeOf({ kind: 'Status' }), 500);
  assert.equal(httpCodeOf({ kind: 'Status', code: 200 }), 500);
});
