import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidQuantityError, parseQuantity, quantityToMilli, quantityToValue, resourceAmount, tryParseQuantity } from '@/lib/k8s/quantity';

describe('quantityToMilli', () => {
  const cases: [string, number][] = [
    ['100m', 100],
    ['1', 1000],
    ['0.5', 500],
    ['.5', 500],
    ['1.', 1000],
    ['250m', 250],
    ['0.1m', 1],
    ['1500u', 2],
    ['2k', 2_000_000],
    ['1e3', 1_000_000],
    ['1E-3', 1],
    ['+2', 2000],
    ['-1', -1000],
    ['0', 0],
    ['0m', 0],
  ];
  for (const [text, want] of cases) it(`${text} -> ${want}`, () => assert.equal(quantityToMilli(text), want));
});

describe('quantityToValue', () => {
  const cases: [string, number][] = [
    ['1', 1],
    ['512Mi', 512 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1Ki', 1024],
    ['2Ti', 2 * 2 ** 40],
    ['1Ei', 2 ** 60],
    ['2k', 2000],
    ['128M', 128_000_000],
    ['1G', 1e9],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['100m', 1],
    ['110', 110],
    ['1.1', 2],
    ['  64Mi ', 64 * 2 ** 20],
  ];
  for (const [text, want] of cases) it(`${text} -> ${want}`, () => assert.equal(quantityToValue(text), want));
});

describe('invalid quantities', () => {
  const cases = ['', 'abc', '1Gb', '1 Gi', 'Mi', '.', '1..2', '1e', '1ki', '--1', '1.5.5', '1Mi2'];
  for (const text of cases) {
    it(JSON.stringify(text), () => {
      assert.equal(tryParseQuantity(text), undefined);
      assert.throws(() => parseQuantity(text), InvalidQuantityError);
    });
  }
});

describe('resourceAmount', () => {
  const cases: [string, string, number][] = [
    ['cpu', '500m', 500],
    ['cpu', '2', 2000],
    ['memory', '1Gi', 2 ** 30],
    ['pods', '110', 110],
    ['ephemeral-storage', '10Gi', 10 * 2 ** 30],
    ['nvidia.com/gpu', '1', 1],
  ];
  for (const [name, text, want] of cases) it(`${name} ${text}`, () => assert.equal(resourceAmount(name, text), want));
});
