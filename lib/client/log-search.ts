/**
 * Search over a {@link LogBuffer}: the matches of one query, kept up to date incrementally. A chunk without
 * escape sequences is searched as the one string it is (one pass of a regular expression over its text, each hit
 * mapped to its line by binary search over the offsets), which is what keeps a search across a million lines fast; a
 * chunk with escapes is searched line by line in the text a reader sees.
 */

import { hasControlCharacters, stripAnsi } from '@/lib/client/ansi';
import { chunkLine, type LogBuffer, type LogChunk } from '@/lib/client/log-buffer';

/** The text a reader sees (and searches) for a line: escapes removed. */
export function visibleText(line: string): string {
  return hasControlCharacters(line) ? stripAnsi(line) : line;
}

/** Non-overlapping occurrences of `needle` in `haystack` (both already case-folded as wanted). */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The index of the last start at or before `offset`: the line an offset falls in. */
function lineAt(starts: Uint32Array, count: number, offset: number, from: number): number {
  let lo = from;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Matches of one query, kept up to date incrementally: `update` scans only lines appended since the last call
 * and forgets matches whose lines were dropped, so a live search costs O(batch), not O(buffer), per batch.
 */
export class LogSearch {
  /**
   * The query as a literal pattern: V8's regexp engine scans a long string case-insensitively several times
   * faster than lower-casing it first, and without a copy.
   */
  private readonly pattern: RegExp;
  /** Sequence numbers of matching lines, ascending. */
  private seqs: number[] = [];
  private counts: number[] = [];
  private start = 0;
  private scannedTo = 0;
  private total = 0;

  constructor(
    readonly query: string,
    readonly caseSensitive = false,
  ) {
    this.pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), caseSensitive ? 'g' : 'gi');
  }

  /** Brings the matches up to date with the buffer. */
  update(buffer: LogBuffer): void {
    if (this.scannedTo > buffer.endSeq) this.reset();
    // Drop matches that fell off the front (or were cleared).
    while (this.start < this.seqs.length && this.seqs[this.start] < buffer.firstSeq) {
      this.total -= this.counts[this.start];
      this.start++;
    }
    if (this.start > 4096 && this.start * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.start);
      this.counts = this.counts.slice(this.start);
      this.start = 0;
    }
    if (this.query) {
      for (const { chunk, from } of buffer.chunksFrom(this.scannedTo)) {
        if (chunk.plain) this.scanText(chunk, from);
        else this.scanLines(chunk, from);
      }
    }
    this.scannedTo = buffer.endSeq;
  }

  private add(seq: number, count: number): void {
    this.seqs.push(seq);
    this.counts.push(count);
    this.total += count;
  }

  private scanText(chunk: LogChunk, from: number): void {
    const { pattern } = this;
    const length = this.query.length;
    let line = -1;
    let count = 0;
    // `test` with a global pattern moves `lastIndex` past each hit without building a match array.
    pattern.lastIndex = chunk.starts[from];
    while (pattern.test(chunk.text)) {
      const hit = lineAt(chunk.starts, chunk.count, pattern.lastIndex - length, Math.max(from, line));
      if (hit !== line) {
        if (count > 0) this.add(chunk.firstSeq + line, count);
        line = hit;
        count = 0;
      }
      count++;
    }
    if (count > 0) this.add(chunk.firstSeq + line, count);
  }

  private scanLines(chunk: LogChunk, from: number): void {
    const { pattern } = this;
    for (let i = from; i < chunk.count; i++) {
      const text = visibleText(chunkLine(chunk, i));
      let count = 0;
      pattern.lastIndex = 0;
      while (pattern.test(text)) count++;
      if (count > 0) this.add(chunk.firstSeq + i, count);
    }
  }

  private reset(): void {
    this.seqs = [];
    this.counts = [];
    this.start = 0;
    this.scannedTo = 0;
    this.total = 0;
  }

  /** Occurrences over every held line. */
  get matchCount(): number {
    return this.total;
  }

  /** Lines with at least one occurrence. */
  get lineCount(): number {
    return this.seqs.length - this.start;
  }

  /** Sequence number of the `n`th matching line (0-based), oldest first. */
  lineSeq(n: number): number | undefined {
    return this.seqs[this.start + n];
  }

  /** Index (into the matching lines) of the first match at or after `seq`, wrapping to 0. */
  indexAtOrAfter(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seqs[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.seqs.length ? 0 : lo - this.start;
  }
}
