import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STICK_THRESHOLD, stickAfterScroll } from './tail-stick';

test('at the bottom the view follows, whatever it did before', () => {
  assert.equal(stickAfterScroll({ stick: false, top: 3700, lastTop: 1200, fromBottom: 0 }), true);
  assert.equal(stickAfterScroll({ stick: false, top: 3692, lastTop: 3700, fromBottom: STICK_THRESHOLD }), true);
});

test('a move up away from the bottom stops following', () => {
  assert.equal(stickAfterScroll({ stick: true, top: 3600, lastTop: 3700, fromBottom: 100 }), false);
});

test('the bottom moving away from a scroll the view made (new lines, a notice above) keeps following', () => {
  // The view scrolled itself to 2,660; before the event fired, 50 more rows and an 800-dropped notice came.
  assert.equal(stickAfterScroll({ stick: true, top: 2660, lastTop: 2660, fromBottom: 1040 }), true);
});

test('a move down short of the bottom changes nothing', () => {
  assert.equal(stickAfterScroll({ stick: false, top: 2000, lastTop: 1000, fromBottom: 500 }), false);
  assert.equal(stickAfterScroll({ stick: true, top: 2000, lastTop: 1000, fromBottom: 500 }), true);
});
