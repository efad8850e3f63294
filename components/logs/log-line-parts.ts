/**
 * A log line cut into the runs the viewer renders: ANSI style (or none, when colours are off), whether
 * the run is a search match, whether it is the timestamp prefix `--timestamps` adds. Pure, so it is
 * tested without a browser.
 */

import { hasControlCharacters, parseAnsi, stripAnsi, type AnsiSegment, type AnsiStyle } from '@/lib/client/ansi';

export interface LinePart {
  text: string;
  style?: AnsiStyle;
  match?: boolean;
  timestamp?: boolean;
}

/** Longer lines are cut for display (the Download keeps them whole): a 10 MB line would stall layout. */
export const MAX_DISPLAY_CHARS = 10_000;

/** `2024-05-01T10:00:00.123456789Z ` as the kubelet prefixes each line with `timestamps=true`. */
const TIMESTAMP_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}) /;

function matchRanges(text: string, query: string, caseSensitive: boolean): [number, number][] {
  if (!query) return [];
  const haystack = caseSensitive ? text : text.toLowerCase();
  const needle = caseSensitive ? query : query.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

/** Cuts segments at match and timestamp boundaries. */
function cut(segments: AnsiSegment[], ranges: [number, number][], timestampEnd: number): LinePart[] {
  const bounds = new Set<number>([timestampEnd]);
  for (const [start, end] of ranges) bounds.add(start).add(end);
  const sorted = [...bounds].filter((b) => b > 0).sort((a, b) => a - b);
  const parts: LinePart[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    let from = 0;
    const segEnd = offset + segment.text.length;
    const cuts = sorted.filter((b) => b > offset && b < segEnd).map((b) => b - offset);
    for (const to of [...cuts, segment.text.length]) {
      const absolute = offset + from;
      while (r < ranges.length && ranges[r][1] <= absolute) r++;
      const part: LinePart = { text: segment.text.slice(from, to) };
      if (segment.style) part.style = segment.style;
      if (r < ranges.length && ranges[r][0] <= absolute) part.match = true;
      if (absolute < timestampEnd) part.timestamp = true;
      if (part.text) parts.push(part);
      from = to;
    }
    offset = segEnd;
  }
  return parts;
}

export interface LinePartsOptions {
  query?: string;
  caseSensitive?: boolean;
  /** Render SGR colours; off strips them. */
  colors: boolean;
  timestamps: boolean;
}

/** The parts of one line, plus how many characters were cut off for display. */
export function lineParts(line: string, options: LinePartsOptions): { parts: LinePart[]; truncated: number } {
  const escaped = hasControlCharacters(line);
  let segments: AnsiSegment[] = escaped ? (options.colors ? parseAnsi(line) : [{ text: stripAnsi(line) }]) : [{ text: line }];
  let visible = segments.map((s) => s.text).join('');
  let truncated = 0;
  if (visible.length > MAX_DISPLAY_CHARS) {
    truncated = visible.length - MAX_DISPLAY_CHARS;
    let budget = MAX_DISPLAY_CHARS;
    segments = segments.flatMap((s) => {
      const text = s.text.slice(0, Math.max(0, budget));
      budget -= s.text.length;
      return text ? [{ ...s, text }] : [];
    });
    visible = visible.slice(0, MAX_DISPLAY_CHARS);
  }
  const timestampEnd = options.timestamps ? (TIMESTAMP_PREFIX.exec(visible)?.[0].length ?? 0) : 0;
  const ranges = matchRanges(visible, options.query ?? '', options.caseSensitive ?? false);
  return { parts: cut(segments, ranges, timestampEnd), truncated };
}
