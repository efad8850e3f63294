import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeReturnPath } from './return-path';

test('a path on this console is kept exactly, query and hash included; anything else is the start page', () => {
  const cases: [unknown, string][] = [
    ['/pods?context=embedded&namespace=team-a&labelSelector=app%3Dkubia', '/pods?context=embedded&namespace=team-a&labelSelector=app%3Dkubia'],
    ['/pods/default/kubia#logs', '/pods/default/kubia#logs'],
    ['/', '/'],
    ['//evil.example/pods', '/'],
    ['/\\evil.example', '/'],
    ['/pods\\..\\x', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['pods', '/'],
    ['/pods\n', '/'],
    ['/\tevil', '/'],
    ['/login?next=/pods', '/'],
    ['', '/'],
    [undefined, '/'],
    [42, '/'],
  ];
  for (const [input, expected] of cases) assert.equal(safeReturnPath(input), expected, JSON.stringify(input));
});
