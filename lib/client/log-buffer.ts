/**
 * The lines a log viewer holds: up to `capacity` lines, taken in batches, the oldest dropped (and counted, so
 * the viewer can say so) when full. Memory-lean for a million lines: a batch stays the one string it arrived
 * as (`lib/contract/log-wire.ts`), with the offsets of its lines in a typed array, so a line costs its bytes
 * plus four, not a string object of its own; `at` slices a line out only for the rows in view. Appending is
 * O(batch) whatever the size, and nothing here is React state: the viewer repaints by reading `version`.
 */

/** How many lines a viewer keeps by default (documented in the README); older lines are dropped and counted. */
export const DEFAULT_LOG_CAPACITY = 1_000_000;

/**
 * The page's `?logLines=N` lowers the cap for that tab, so a browser test can see lines dropped without
 * writing a million of them. It can only lower it: the default is what the viewer is measured to hold.
 */
export function logCapacityFrom(search: string): number {
  const asked = Number(new URLSearchParams(search).get('logLines'));
  return Number.isInteger(asked) && asked >= 1 && asked < DEFAULT_LOG_CAPACITY ? asked : DEFAULT_LOG_CAPACITY;
}

/**
 * Small batches (a slow follow sends one line at a time) join the last chunk until it holds this many lines,
 * so a chunk's own cost is spread over many lines. Larger batches stay chunks of their own: joining strings
 * makes a rope that V8 must flatten (copy) before the first search.
 */
const CHUNK_LINES = 8192;
const SMALL_BATCH_CHARS = 16 * 1024;
/** Control characters other than tab and newline: a chunk without them is searched as one string. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** A run of lines kept as one string; line `i` starts at `starts[i]` and ends before the next one's `\n`. */
export interface LogChunk {
  text: string;
  starts: Uint32Array;
  /** Lines in the chunk (`starts` may have room for more). */
  count: number;
  /** Sequence number of the chunk's first line. */
  firstSeq: number;
  /** False when some line holds escape sequences: those are searched line by line, in their visible text. */
  plain: boolean;
}

function lineStarts(text: string, into: Uint32Array, from: number, offset: number): { starts: Uint32Array; count: number } {
  let starts = into;
  let count = from;
  let at = 0;
  for (;;) {
    if (count === starts.length) {
      const grown = new Uint32Array(Math.max(16, starts.length * 2));
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset + at;
    const newline = text.indexOf('\n', at);
    if (newline === -1) return { starts, count };
    at = newline + 1;
  }
}

export class LogBuffer {
  readonly capacity: number;
  private chunks: LogChunk[] = [];
  /** Lines of the first chunk already dropped. */
  private skip = 0;
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

  /** Lines dropped from the front since the last `clear`, because the buffer was full. */
  get dropped(): number {
    return this.firstSeq - this.clearedAt;
  }

  /** Appends lines in order. */
  append(lines: readonly string[]): void {
    if (lines.length > 0) this.appendText(lines.join('\n'));
  }

  /** Appends a batch given as its lines joined by `\n` (so `''` is one empty line), as `logLinesText` gives it. */
  appendText(text: string): void {
    const last = this.chunks.at(-1);
    const plain = !CONTROL.test(text);
    let added: number;
    if (last && last.count < CHUNK_LINES && text.length < SMALL_BATCH_CHARS) {
      const joined = lineStarts(text, last.starts, last.count, last.text.length + 1);
      added = joined.count - last.count;
      last.text = `${last.text}\n${text}`;
      last.starts = joined.starts;
      last.count = joined.count;
      last.plain &&= plain;
    } else {
      const { starts, count } = lineStarts(text, new Uint32Array(0), 0, 0);
      // A large batch keeps exactly its offsets; a small one keeps room for the batches that join it.
      const kept = count >= CHUNK_LINES ? starts.slice(0, count) : starts;
      this.chunks.push({ text, starts: kept, count, firstSeq: this.nextSeq, plain });
      added = count;
    }
    this.nextSeq += added;
    this.size += added;
    this.dropOverflow();
    this.changed();
  }

  private dropOverflow(): void {
    let excess = this.size - this.capacity;
    if (excess <= 0) return;
    this.size = this.capacity;
    let gone = 0;
    while (excess > 0) {
      const left = this.chunks[gone].count - this.skip;
      if (left <= excess) {
        excess -= left;
        gone++;
        this.skip = 0;
      } else {
        this.skip += excess;
        excess = 0;
      }
    }
    if (gone > 0) this.chunks.splice(0, gone);
  }

  /** The chunk holding sequence number `seq` (which must be held), by binary search. */
  private chunkIndexOf(seq: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].firstSeq <= seq) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The line at `index`, 0 being the oldest held. */
  at(index: number): string {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} out of range 0..${this.size - 1}`);
    const seq = this.firstSeq + index;
    const chunk = this.chunks[this.chunkIndexOf(seq)];
    return chunkLine(chunk, seq - chunk.firstSeq);
  }

  /**
   * The chunks holding lines from `seq` on, with the first line of each to read (a dropped or earlier line is
   * skipped): what a search scans without copying a line.
   */
  *chunksFrom(seq: number): Generator<{ chunk: LogChunk; from: number }> {
    if (this.size === 0) return;
    const start = Math.max(seq, this.firstSeq);
    if (start >= this.nextSeq) return;
    for (let i = this.chunkIndexOf(start); i < this.chunks.length; i++) {
      const chunk = this.chunks[i];
      yield { chunk, from: Math.max(0, start - chunk.firstSeq) };
    }
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
    this.chunks = [];
    this.skip = 0;
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
    const out: string[] = [];
    for (const { chunk, from } of this.chunksFrom(this.firstSeq)) for (let i = from; i < chunk.count; i++) out.push(chunkLine(chunk, i));
    return out;
  }
}

/** Line `i` of a chunk. */
export function chunkLine(chunk: LogChunk, i: number): string {
  const end = i + 1 < chunk.count ? chunk.starts[i + 1] - 1 : chunk.text.length;
  return chunk.text.slice(chunk.starts[i], end);
}
