/**
 * Human-readable durations exactly as kubectl prints them in AGE columns and "(2m10s ago)" suffixes.
 * A port of apimachinery `pkg/util/duration.HumanDuration`: precision shrinks as the duration grows
 * (seconds below 2m, m+s below 10m, whole minutes below 3h, h+m below 8h, ...).
 */

import type { Timestamp } from '@/lib/k8s/types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Formats a duration given in milliseconds, as `duration.HumanDuration` does.
 * A duration slightly below zero (up to one second) prints `0s` because clocks of the API server and
 * the viewer may disagree a little; anything further in the future prints `<invalid>`.
 */
export function humanDuration(ms: number): string {
  // Go converts with int(d.Seconds()), which truncates toward zero.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.floor(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;

  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** Parses an RFC 3339 timestamp; `undefined` for a missing or unparsable value (Go's zero time). */
export function parseTimestamp(ts: Timestamp | Date | undefined | null): Date | undefined {
  if (ts == null || ts === '') return undefined;
  const date = ts instanceof Date ? ts : new Date(ts);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Elapsed time since `ts` as kubectl's `translateTimestampSince` prints it: `<unknown>` when the
 * timestamp is missing (a zero `metav1.Time`), else `humanDuration(now - ts)`.
 */
export function translateTimestampSince(ts: Timestamp | Date | undefined | null, now: Date): string {
  const date = parseTimestamp(ts);
  if (!date) return '<unknown>';
  return humanDuration(now.getTime() - date.getTime());
}

/** A timestamp as the API writes it (RFC 3339 text); a `Date` (client-node's typed objects) is turned back into text. */
export function timestampText(ts: Timestamp | Date): string {
  return ts instanceof Date ? ts.toISOString() : ts;
}

const epochMs = (ts: Timestamp | undefined) => parseTimestamp(ts)?.getTime() ?? 0;

/**
 * Orders two timestamps, a missing one first (as Go's zero time). The API server writes `metav1.Time` in
 * UTC at one precision (`2006-01-02T15:04:05Z`), so two of the same length compare as text without parsing,
 * which keeps sorting 50,000 rows cheap; anything else is parsed.
 */
export function compareTimestamps(a: Timestamp | undefined, b: Timestamp | undefined): number {
  if (a === b) return 0;
  if (a && b && a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : 1;
  return epochMs(a) - epochMs(b);
}
