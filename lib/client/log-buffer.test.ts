import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LOG_CAPACITY, logCapacityFrom, LogBuffer } from '@/lib/client/log-buffer';
import { countOccurrences, LogSearch, visibleText } from '@/lib/client/log-search';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}`);

describe('LogBuffer', () => {
  it('keeps lines in order below capacity', () => {
    const buffer = new LogBuffer(5);
    buffer.append(['a', 'b']);
    buffer.append(['c']);
    assert.deepEqual(buffer.toArray(), ['a', 'b', 'c']);
    assert.equal(buffer.dropped, 0);
    assert.deepEqual([buffer.firstSeq, buffer.endSeq, buffer.seqAt(2)], [0, 3, 2]);
  });
  it('drops the oldest when full and counts them', () => {
    const buffer = new LogBuffer(3);
    buffer.append(['a', 'b', 'c', 'd']);
    buffer.append(['e']);
    assert.deepEqual(buffer.toArray(), ['c', 'd', 'e']);
    assert.equal(buffer.dropped, 2);
    assert.equal(buffer.at(0), 'c');
    assert.equal(buffer.seqAt(0), 2);
  });
  it('a batch larger than the capacity keeps its newest lines', () => {
    const buffer = new LogBuffer(4);
    buffer.append(['x']);
    buffer.append(lines(0, 10));
    assert.deepEqual(buffer.toArray(), lines(6, 10));
    assert.equal(buffer.dropped, 7);
  });
  it('version changes on every change, not on empty batches', () => {
    const buffer = new LogBuffer(2);
    const v0 = buffer.version;
    buffer.append([]);
    assert.equal(buffer.version, v0);
    buffer.append(['a']);
    assert.notEqual(buffer.version, v0);
  });
  it('notifies subscribers of appends and clears until they unsubscribe', () => {
    const buffer = new LogBuffer(2);
    let calls = 0;
    const unsubscribe = buffer.subscribe(() => calls++);
    buffer.append(['a']);
    buffer.clear();
    unsubscribe();
    buffer.append(['b']);
    assert.equal(calls, 2);
  });
  it('clear forgets lines and the drop count but not sequence numbers', () => {
    const buffer = new LogBuffer(2);
    buffer.append(['a', 'b', 'c']);
    buffer.clear();
    assert.deepEqual([buffer.length, buffer.dropped, buffer.firstSeq], [0, 0, 3]);
    buffer.append(['d']);
    assert.deepEqual([buffer.toArray(), buffer.seqAt(0)], [['d'], 3]);
  });
  it('numbers lines from 1 per subscription, keeping the numbers of lines dropped from the front', () => {
    const buffer = new LogBuffer(2);
    buffer.append(['a', 'b', 'c']);
    assert.deepEqual([buffer.lineNumber(buffer.seqAt(0)), buffer.lineNumber(buffer.seqAt(1))], [2, 3]);
    buffer.clear();
    buffer.append(['x']);
    assert.equal(buffer.lineNumber(buffer.seqAt(0)), 1);
  });
  it('rejects out-of-range reads and bad capacities', () => {
    const buffer = new LogBuffer(2);
    assert.throws(() => buffer.at(0), RangeError);
    assert.throws(() => new LogBuffer(0), RangeError);
  });
  it('holds a million lines by default and drops exactly what exceeds them', () => {
    const buffer = new LogBuffer();
    for (let batch = 0; batch < 1100; batch++) buffer.append(lines(batch * 1000, batch * 1000 + 1000));
    assert.equal(buffer.capacity, 1_000_000);
    assert.equal(buffer.length, 1_000_000);
    assert.equal(buffer.dropped, 100_000);
    assert.equal(buffer.at(0), 'line 100000');
    assert.equal(buffer.at(999_999), 'line 1099999');
  });
  it('a page may lower the cap with ?logLines=N, never raise it', () => {
    assert.deepEqual(
      ['?logLines=50', '?tab=logs&logLines=7', '', '?logLines=0', '?logLines=x', '?logLines=2.5', '?logLines=5000000'].map(logCapacityFrom),
      [50, 7, DEFAULT_LOG_CAPACITY, DEFAULT_LOG_CAPACITY, DEFAULT_LOG_CAPACITY, DEFAULT_LOG_CAPACITY, DEFAULT_LOG_CAPACITY],
    );
  });
  it('joins small batches into chunks and drops from inside a chunk', () => {
    const buffer = new LogBuffer(5);
    for (let i = 0; i < 7; i++) buffer.appendText(`l${i}`);
    buffer.appendText('x\n\ny');
    assert.deepEqual(buffer.toArray(), ['l5', 'l6', 'x', '', 'y']);
    assert.equal(buffer.dropped, 5);
    assert.deepEqual([buffer.at(1), buffer.at(3), buffer.seqAt(0)], ['l6', '', 5]);
  });
});

describe('LogSearch', () => {
  it('counts occurrences and matching lines, case-insensitively by default', () => {
    const buffer = new LogBuffer(10);
    buffer.append(['Error: a', 'ok', 'error error']);
    const search = new LogSearch('error');
    search.update(buffer);
    assert.deepEqual([search.matchCount, search.lineCount, search.lineSeq(0), search.lineSeq(1)], [3, 2, 0, 2]);
    const exact = new LogSearch('error', true);
    exact.update(buffer);
    assert.equal(exact.matchCount, 2);
  });
  it('scans only new lines and forgets dropped ones', () => {
    const buffer = new LogBuffer(3);
    const search = new LogSearch('x');
    buffer.append(['x1', 'a', 'x2']);
    search.update(buffer);
    assert.equal(search.matchCount, 2);
    buffer.append(['x3', 'b']);
    search.update(buffer);
    assert.deepEqual([search.matchCount, search.lineSeq(0), search.lineSeq(1)], [2, 2, 3]);
    buffer.clear();
    search.update(buffer);
    assert.equal(search.matchCount, 0);
  });
  it('searches the visible text, not escape sequences', () => {
    const buffer = new LogBuffer(3);
    buffer.append(['\x1b[31mred\x1b[0m', 'plain 31m']);
    const search = new LogSearch('31m');
    search.update(buffer);
    assert.deepEqual([search.lineCount, search.lineSeq(0)], [1, 1]);
  });
  it('finds the next match at or after a position, wrapping', () => {
    const buffer = new LogBuffer(10);
    buffer.append(['m', 'a', 'm', 'b', 'm']);
    const search = new LogSearch('m');
    search.update(buffer);
    assert.deepEqual([search.indexAtOrAfter(0), search.indexAtOrAfter(1), search.indexAtOrAfter(3), search.indexAtOrAfter(5)], [0, 1, 2, 0]);
  });
  it('searches whole chunks: hits map to their lines, several per line, across chunks and from mid-chunk', () => {
    const buffer = new LogBuffer(100_000);
    buffer.append(lines(0, 20_000));
    buffer.appendText('Needle needle\nhay\nneedle');
    const search = new LogSearch('NEEDLE');
    search.update(buffer);
    assert.deepEqual([search.matchCount, search.lineCount, search.lineSeq(0), search.lineSeq(1)], [3, 2, 20_000, 20_002]);
    buffer.appendText('more needle');
    search.update(buffer);
    assert.deepEqual([search.matchCount, search.lineSeq(2)], [4, 20_003]);
    const digits = new LogSearch('line 1999');
    digits.update(buffer);
    assert.deepEqual([digits.lineCount, digits.lineSeq(0), digits.lineSeq(10)], [11, 1999, 19_999]);
  });
  it('an empty query matches nothing', () => {
    const buffer = new LogBuffer(2);
    buffer.append(['a']);
    const search = new LogSearch('');
    search.update(buffer);
    assert.equal(search.matchCount, 0);
  });
  it('helpers', () => {
    assert.equal(countOccurrences('aaaa', 'aa'), 2);
    assert.equal(visibleText('\x1b[1mbold'), 'bold');
  });
});
