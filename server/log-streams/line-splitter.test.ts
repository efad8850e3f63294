import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineSplitter } from './line-splitter';

test('lines split across chunks are joined', () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push(Buffer.from('one\ntw')), ['one']);
  assert.deepEqual(s.push(Buffer.from('o\r\nthree\n')), ['two', 'three']);
  assert.deepEqual(s.end(), []);
});

test('a multi-byte character split between chunks survives', () => {
  const s = new LineSplitter();
  const bytes = Buffer.from('héllo ✓\n');
  assert.deepEqual(s.push(bytes.subarray(0, 2)), []);
  assert.deepEqual(s.push(bytes.subarray(2, 8)), []);
  assert.deepEqual(s.push(bytes.subarray(8)), ['héllo ✓']);
});

test('the last line without a newline comes out at the end; empty lines are kept', () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push(Buffer.from('a\n\nb')), ['a', '']);
  assert.deepEqual(s.end(), ['b']);
});

test('an endless line is cut at the limit', () => {
  const s = new LineSplitter(4);
  assert.deepEqual(s.push(Buffer.from('abcdefghij')), ['abcd', 'efgh']);
  assert.deepEqual(s.end(), ['ij']);
});
