/**
 * Formatting helpers shared by the parts of the pod description, each following the kubectl
 * `pkg/describe/describe.go` function named beside it.
 */

import { parseTimestamp } from '@/lib/k8s/duration';
import type { Timestamp, Toleration } from '@/lib/k8s/types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How timestamps print: kubectl uses the viewer's local zone; tests pin UTC. */
export interface TimeFormat {
  /** Minutes east of UTC for a given instant; UTC when absent. */
  offsetMinutes?: (date: Date) => number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Go's `time.RFC1123Z` layout (`Mon, 02 Jan 2006 15:04:05 -0700`), which describe uses for every
 * timestamp. Go prints the zero time for a missing timestamp; we print `<unset>` instead of year 1.
 */
export function formatRfc1123z(ts: Timestamp | Date | undefined | null, format: TimeFormat = {}): string {
  const date = parseTimestamp(ts);
  if (!date) return '<unset>';
  const offset = format.offsetMinutes?.(date) ?? 0;
  const shifted = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[shifted.getUTCDay()]}, ${pad(shifted.getUTCDate())} ${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** Byte order, as Go's `sort.Strings` compares (not locale order). */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `printLabelsMultiline`: sorted `key=value` lines, `<none>` when empty. */
export function labelLines(labels: Record<string, string> | undefined): string[] {
  const keys = Object.keys(labels ?? {}).sort(byteCompare);
  return keys.length === 0 ? ['<none>'] : keys.map((key) => `${key}=${labels![key]}`);
}

/** kubectl hides this one annotation (`skipAnnotations`): it repeats the whole object. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/**
 * `printAnnotationsMultiline`: sorted `key: value` lines, without the last-applied configuration.
 * kubectl shortens values over 140 characters for a terminal; a page can wrap, so values stay whole.
 */
export function annotationLines(annotations: Record<string, string> | undefined): string[] {
  const keys = Object.keys(annotations ?? {})
    .filter((key) => !SKIPPED_ANNOTATIONS.has(key))
    .sort(byteCompare);
  return keys.length === 0 ? ['<none>'] : keys.map((key) => `${key}: ${annotations![key].replace(/\n$/, '')}`);
}

/**
 * `printTolerationsMultilineWithIndent`: `key=value:effect`, ` op=Exists` for a valueless Exists
 * (a bare `operator: Exists` tolerates everything and prints just `op=Exists`), ` for Ns` when bounded.
 * Sorted by key only, and stably, as `sort.Slice` on the key.
 */
export function tolerationLines(tolerations: Toleration[] | undefined): string[] {
  if (!tolerations?.length) return ['<none>'];
  return [...tolerations]
    .sort((a, b) => byteCompare(a.key ?? '', b.key ?? ''))
    .map((t) => {
      let line = t.key ?? '';
      if (t.value) line += `=${t.value}`;
      if (t.effect) line += `:${t.effect}`;
      if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
      if (t.tolerationSeconds != null) line += ` for ${t.tolerationSeconds}s`;
      return line;
    });
}

/** Go's `%v` of a bool inside describe's volume lines. */
export function goBool(value: boolean | undefined): string {
  return value ? 'true' : 'false';
}

/** `printBool`: `True` / `False`, as Ready prints. */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False';
}
