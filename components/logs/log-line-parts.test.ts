import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineParts, MAX_DISPLAY_CHARS } from '@/components/logs/log-line-parts';

const plain = { colors: true, timestamps: false };

describe('lineParts', () => {
  it('plain line', () => assert.deepEqual(lineParts('hello', plain), { parts: [{ text: 'hello' }], truncated: 0 }));
  it('marks every match, case-insensitively', () => {
    assert.deepEqual(lineParts('Error and error', { ...plain, query: 'error' }).parts, [
      { text: 'Error', match: true },
      { text: ' and ' },
      { text: 'error', match: true },
    ]);
  });
  it('a match across an ANSI style boundary is split but stays marked', () => {
    assert.deepEqual(lineParts('\x1b[31mfo\x1b[0mobar', { ...plain, query: 'foo' }).parts, [
      { text: 'fo', style: { fg: { index: 1 } }, match: true },
      { text: 'o', match: true },
      { text: 'bar' },
    ]);
  });
  it('colours off strips escapes', () => {
    assert.deepEqual(lineParts('\x1b[31mred\x1b[0m', { ...plain, colors: false }).parts, [{ text: 'red' }]);
  });
  it('the timestamp prefix is its own part', () => {
    assert.deepEqual(lineParts('2024-05-01T10:00:00.123456789Z started', { ...plain, timestamps: true }).parts, [
      { text: '2024-05-01T10:00:00.123456789Z ', timestamp: true },
      { text: 'started' },
    ]);
  });
  it('overlong lines are cut for display and say by how much', () => {
    const { parts, truncated } = lineParts('x'.repeat(MAX_DISPLAY_CHARS + 5), plain);
    assert.equal(truncated, 5);
    assert.equal(parts.map((p) => p.text).join('').length, MAX_DISPLAY_CHARS);
  });
});
