/**
 * The lines a log viewer holds: a fixed-capacity ring that takes lines in batches and drops the oldest
 * when full, counting what it dropped so the viewer can say so. Appending is O(batch) whatever the size,
 * and nothing here is React state: the viewer re-renders once per batch by reading `version`.
 */

import { hasControlCharacters, stripAnsi } from '@/lib/client/ansi';

/** How many lines a viewer keeps by default; older lines are dropped (and counted). */
export const DEFAULT_LOG_CAPACITY = 100_000;

export class LogBuffer {
  readonly capacity: number;
  private readonly ring: string[];
  private head = 0;
  private size = 0;
  /** Sequence number the next appended line gets; never reset, so keys stay unique across drops. */
  private nextSeq = 0;
  private clearedAt = 0;
  /** Changes on every append or clear; cheap to compare for "did anything change". */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(capacity = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.ring = new Array<string>(capacity);
  }

  /** Lines held now. */
  get length(): number {
    return this.size;
  }

  /** Sequence number of the oldest line held. */
  get firstSeq(): number {
    return this.nextSeq - this.size;
  }

  /** Sequence number the next line will get (one past the newest). */
  get endSeq(): number {
    return this.nextSeq;
  }

  /** Lines dropped from the front since the last `clear`, because the ring was full. */
  get dropped(): number {
    return this.firstSeq - this.clearedAt;
  }

  /** Appends a batch in order; only the newest `capacity` lines of a huge batch are even copied. */
  append(lines: readonly string[]): void {
    if (lines.length === 0) return;
    const skip = Math.max(0, lines.length - this.capacity);
    for (let i = skip; i < lines.length; i++) {
      const tail = (this.head + this.size) % this.capacity;
      this.ring[tail] = lines[i];
      if (this.size < this.capacity) this.size++;
      else this.head = (this.head + 1) % this.capacity;
    }
    this.nextSeq += lines.length;
    this.changed();
  }

  /** The line at `index`, 0 being the oldest held. */
  at(index: number): string {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} out of range 0..${this.size - 1}`);
    return this.ring[(this.head + index) % this.capacity];
  }

  /** The sequence number of the line at `index`: a stable key while the line is held. */
  seqAt(index: number): number {
    return this.firstSeq + index;
  }

  /**
   * The number a reader sees beside the line with sequence number `seq`: its place in the log this
   * subscription read, 1 being the first line read. Sequence numbers keep counting across `clear` (keys stay
   * unique); line numbers start again with each subscription (a new container, a tab shown again), and
   * lines dropped from the front keep theirs.
   */
  lineNumber(seq: number): number {
    return seq - this.clearedAt + 1;
  }

  /** Forgets every line (a new subscription); sequence numbers keep counting up. */
  clear(): void {
    this.head = 0;
    this.size = 0;
    this.clearedAt = this.nextSeq;
    this.changed();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Every line held, oldest first. */
  toArray(): string[] {
    const out = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.ring[(this.head + i) % this.capacity];
    return out;
  }
}

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

/**
 * Matches of one query over a {@link LogBuffer}, kept up to date incrementally: `update` scans only lines
 * appended since the last call and forgets matches whose lines were dropped, so a live search costs
 * O(batch), not O(buffer), per batch.
 */
export class LogSearch {
  private readonly needle: string;
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
    this.needle = caseSensitive ? query : query.toLowerCase();
  }

  /** Brings the matches up to date with the buffer. */
  update(buffer: LogBuffer): void {
    if (this.scannedTo > buffer.endSeq) this.reset();
    // Drop matches that fell off the front of the ring (or were cleared).
    while (this.start < this.seqs.length && this.seqs[this.start] < buffer.firstSeq) {
      this.total -= this.counts[this.start];
      this.start++;
    }
    if (this.start > 4096 && this.start * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.start);
      this.counts = this.counts.slice(this.start);
      this.start = 0;
    }
    const from = Math.max(this.scannedTo, buffer.firstSeq);
    if (this.needle) {
      for (let seq = from; seq < buffer.endSeq; seq++) {
        const text = visibleText(buffer.at(seq - buffer.firstSeq));
        const count = countOccurrences(this.caseSensitive ? text : text.toLowerCase(), this.needle);
        if (count > 0) {
          this.seqs.push(seq);
          this.counts.push(count);
          this.total += count;
        }
      }
    }
    this.scannedTo = buffer.endSeq;
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
