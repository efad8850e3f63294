import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './backoff';

test('backoff doubles from the initial delay up to the cap, with at most 20% jitter', () => {
  const options = { initialMs: 500, maxMs: 30_000 };
  const none = { ...options, random: () => 0 };
  assert.deepEqual([0, 1, 2, 3, 10].map((a) => backoffDelay(a, none)), [500, 1000, 2000, 4000, 30_000]);
  assert.equal(backoffDelay(0, { ...options, random: () => 0.999 }), 600);
  assert.equal(backoffDelay(20, { ...options, random: () => 0.999 }), 30_000);
});
