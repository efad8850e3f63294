import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, parseTimestamp, translateTimestampSince } from '@/lib/k8s/duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  const cases: [string, number, string][] = [
    ['far future is invalid', -2 * S, '<invalid>'],
    ['slightly future rounds to 0s', -1500, '0s'],
    ['sub-second future', -500, '0s'],
    ['zero', 0, '0s'],
    ['sub-second', 999, '0s'],
    ['seconds', 59 * S, '59s'],
    ['seconds up to 2m', 119 * S, '119s'],
    ['2m exactly', 2 * M, '2m'],
    ['minutes and seconds', 2 * M + 10 * S, '2m10s'],
    ['9m59s', 9 * M + 59 * S, '9m59s'],
    ['10m drops seconds', 10 * M + 30 * S, '10m'],
    ['179m', 179 * M + 59 * S, '179m'],
    ['3h exactly', 3 * H, '3h'],
    ['hours and minutes', 3 * H + 5 * M, '3h5m'],
    ['7h59m', 7 * H + 59 * M, '7h59m'],
    ['8h drops minutes', 8 * H + 30 * M, '8h'],
    ['47h', 47 * H + 59 * M, '47h'],
    ['2d exactly', 2 * D, '2d'],
    ['days and hours', 3 * D + 4 * H, '3d4h'],
    ['7d23h', 7 * D + 23 * H, '7d23h'],
    ['8d drops hours', 8 * D + 5 * H, '8d'],
    ['729d', 729 * D, '729d'],
    ['2y exactly', 730 * D, '2y'],
    ['years and days', 730 * D + 10 * D, '2y10d'],
    ['8y', 8 * 365 * D + 100 * D, '8y'],
  ];
  for (const [name, ms, want] of cases) {
    it(`${name}: ${ms}ms -> ${want}`, () => assert.equal(humanDuration(ms), want));
  }
});

describe('translateTimestampSince', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  const cases: [string, string | Date | undefined | null, string][] = [
    ['missing', undefined, '<unknown>'],
    ['null', null, '<unknown>'],
    ['empty string', '', '<unknown>'],
    ['unparsable', 'yesterday-ish', '<unknown>'],
    ['RFC 3339 string', '2024-05-01T11:57:50Z', '2m10s'],
    ['with offset', '2024-05-01T13:57:50+02:00', '2m10s'],
    ['Date', new Date('2024-04-28T08:00:00Z'), '3d4h'],
  ];
  for (const [name, ts, want] of cases) {
    it(name, () => assert.equal(translateTimestampSince(ts, now), want));
  }
});

describe('parseTimestamp', () => {
  it('parses RFC 3339', () => assert.equal(parseTimestamp('2024-05-01T12:00:00Z')?.toISOString(), '2024-05-01T12:00:00.000Z'));
  it('returns undefined for missing', () => assert.equal(parseTimestamp(undefined), undefined));
});
