import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareText } from './natural-compare';

const collator = new Intl.Collator('en', { numeric: true });

test('compareText orders as the numeric en collator over random DNS-like and other texts', () => {
  let seed = 3;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Digits weigh heavily so runs are long (leading zeros, more than nine digits); some texts are not DNS-like.
  const alphabets = ['ab-.0123456789z', '0123456789a', '01a.-', 'aB:/0 1'];
  for (let i = 0; i < 50_000; i++) {
    const alphabet = alphabets[i % alphabets.length];
    const text = () => Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const a = text();
    const b = text();
    assert.equal(Math.sign(compareText(a, b)), Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});

test('compareText: numbers by value, case after letters, as kubectl users expect', () => {
  const sorted = (texts: string[]) => [...texts].sort(compareText);
  assert.deepEqual(sorted(['web-10', 'web-2', 'web-1', 'web']), ['web', 'web-1', 'web-2', 'web-10']);
  assert.deepEqual(sorted(['10.244.0.10', '10.244.0.9', '10.244.1.1']), ['10.244.0.9', '10.244.0.10', '10.244.1.1']);
  assert.deepEqual(sorted(['Running', 'completed', 'CrashLoopBackOff']), ['completed', 'CrashLoopBackOff', 'Running']);
});
