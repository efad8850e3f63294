import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logLinesOf } from '@/lib/contract/log-wire';
import { LineChunker } from './line-chunker';

const joined = (pieces: Buffer[]) => Buffer.concat(pieces);
const text = (pieces: Buffer[]) => joined(pieces).toString('utf8');

test('whole lines go out, the partial one waits for its newline', () => {
  const c = new LineChunker();
  assert.equal(text(c.push(Buffer.from('one\ntw'))), 'one\n');
  assert.equal(text(c.push(Buffer.from('o\r\nthree\n'))), 'two\r\nthree\n');
  assert.deepEqual(c.end(), []);
  assert.deepEqual(logLinesOf(Buffer.from('two\r\nthree\n')), ['two', 'three']);
});

test('lines come as views of the chunks they arrived in, not copies', () => {
  const c = new LineChunker();
  const first = Buffer.from('partial ');
  const second = Buffer.from('line\nnext');
  assert.deepEqual(c.push(first), []);
  const pieces = c.push(second);
  assert.equal(text(pieces), 'partial line\n');
  assert.deepEqual(
    pieces.map((piece) => piece.buffer),
    [first.buffer, second.buffer],
  );
});

test('a multi-byte character split between chunks survives, as it is never decoded here', () => {
  const c = new LineChunker();
  const bytes = Buffer.from('héllo ✓\n');
  assert.deepEqual(c.push(bytes.subarray(0, 2)), []);
  assert.deepEqual(c.push(bytes.subarray(2, 8)), []);
  assert.deepEqual(logLinesOf(joined(c.push(bytes.subarray(8)))), ['héllo ✓']);
});

test('the last line without a newline comes out at the end with one; empty lines are kept', () => {
  const c = new LineChunker();
  assert.deepEqual(logLinesOf(joined(c.push(Buffer.from('a\n\nb')))), ['a', '']);
  assert.equal(text(c.end()), 'b\n');
});

test('an endless line is cut at the limit, never inside a character', () => {
  const c = new LineChunker(4);
  assert.deepEqual(logLinesOf(joined(c.push(Buffer.from('abcdefghij')))), ['abcd', 'efgh']);
  assert.equal(text(c.end()), 'ij\n');
  const d = new LineChunker(4);
  assert.deepEqual(logLinesOf(joined(d.push(Buffer.from('ab✓cd\nxy\n')))), ['ab', '✓c', 'd', 'xy']);
});
