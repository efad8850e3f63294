import assert from 'node:assert/strict';
import { test } from 'node:test';
import { targetsTable } from './targets';

test('targetsTable prints one Markdown row per target, met as yes/no, pipes escaped', () => {
  const table = targetsTable([
    { measure: 'first rows', target: 'under 1.0 s', measured: '0.8 s', met: true },
    { measure: 'a | b', target: 'under 100 ms', measured: '120 ms', met: false },
  ]);
  assert.equal(
    table,
    [
      '| measure | target | measured | met |',
      '| --- | --- | --- | --- |',
      '| first rows | under 1.0 s | 0.8 s | yes |',
      '| a \\| b | under 100 ms | 120 ms | no |',
    ].join('\n'),
  );
});
