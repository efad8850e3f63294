import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelChecked, channelConnected, channelFailed, channelLost, channelRetrying, DOWN_AFTER_MS, initialChannel, retryDelayMs, secondsUntil } from './live-channel';

test('retries back off from 1 s to at most 10 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 20].map(retryDelayMs), [1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
});

test('the countdown rounds up and stops at 0', () => {
  assert.equal(secondsUntil(10_500, 10_000), 1);
  assert.equal(secondsUntil(13_000, 10_000), 3);
  assert.equal(secondsUntil(9_000, 10_000), 0);
});

test('failures in the first seconds are still "connecting"; past them the channel is down', () => {
  let state = initialChannel(0);
  state = channelFailed(state, { error: 'websocket error', now: 100 });
  assert.deepEqual(state, { status: 'connecting', downSince: 0, error: 'websocket error', attempts: 1, nextRetryAt: 1100 });
  state = channelRetrying(state);
  assert.equal(state.nextRetryAt, undefined);
  state = channelFailed(state, { error: 'websocket error', now: 1200 });
  assert.equal(state.nextRetryAt, 3200);
  assert.equal(channelChecked(state, DOWN_AFTER_MS - 1).status, 'connecting');
  assert.equal(channelChecked(state, DOWN_AFTER_MS).status, 'down');
  state = channelFailed(state, { error: 'timeout', now: DOWN_AFTER_MS + 10 });
  assert.equal(state.status, 'down');
  assert.equal(state.attempts, 3);
  assert.equal(state.error, 'timeout');
});

test('a connection resets everything; losing it again retries at once', () => {
  assert.deepEqual(channelConnected(), { status: 'live', attempts: 0 });
  assert.equal(channelChecked(channelConnected(), 1e9).status, 'live');
  assert.deepEqual(channelLost(5000, 'transport close'), { status: 'connecting', downSince: 5000, error: 'transport close', attempts: 0, nextRetryAt: 5000 });
});
