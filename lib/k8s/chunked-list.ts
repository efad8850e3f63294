/**
 * A persistent list: its items in chunks of a few hundred, so an edit copies the chunk it touches and the
 * spine of chunks, never the whole list, and every earlier version stays as it was (what a query cache and
 * React's props need: a new value per change, the old one unchanged). For 50,000 items that is one chunk and
 * a spine of about 200 entries per batch instead of a 50,000-element array, which is what the garbage
 * collector of a tab following 100 changes a second spent its long pauses on.
 */

// Appends fill a chunk to CHUNK; an insert splits it at twice that; a chunk shrunk below a quarter of it
// merges with the next one when both fit in one.
const CHUNK = 256;

/** `order(item)` below 0: the item sorts before what is searched for; 0: equal to it. */
export type Order<T> = (item: T) => number;

abstract class Chunks<T> implements Iterable<T> {
  protected constructor(
    protected chunks: T[][],
    /** Where each chunk starts in the list. */
    protected starts: number[],
    public length: number,
  ) {}

  /** The item at `index` (from 0), in O(log chunks). */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const c = this.chunkOf(index);
    return this.chunks[c][index - this.starts[c]];
  }

  /**
   * The first index whose item does not sort before what `order` looks for (with `after`, the first that
   * sorts after it), for a list sorted by that order: O(log n) calls of `order`.
   */
  bound(order: Order<T>, after = false): number {
    const before = (item: T) => {
      const o = order(item);
      return o < 0 || (after && o === 0);
    };
    const { chunks } = this;
    let low = 0;
    let high = chunks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(chunks[mid][chunks[mid].length - 1])) low = mid + 1;
      else high = mid;
    }
    if (low === chunks.length) return this.length;
    const chunk = chunks[low];
    let from = 0;
    let to = chunk.length;
    while (from < to) {
      const mid = (from + to) >>> 1;
      if (before(chunk[mid])) from = mid + 1;
      else to = mid;
    }
    return this.starts[low] + from;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** The index of the chunk holding `index`. */
  protected chunkOf(index: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** An immutable list of items; `edit` makes the next version. */
export class ChunkedList<T> extends Chunks<T> {
  private array: readonly T[] | undefined;

  /** Used by `from` and `ChunkedListDraft.finish`; the arrays are the list's from then on. */
  constructor(chunks: T[][] = [], starts: number[] = [], length = 0) {
    super(chunks, starts, length);
  }

  static from<T>(items: Iterable<T>): ChunkedList<T> {
    const all = Array.isArray(items) ? (items as T[]) : [...items];
    const chunks: T[][] = [];
    const starts: number[] = [];
    for (let i = 0; i < all.length; i += CHUNK) {
      chunks.push(all.slice(i, i + CHUNK));
      starts.push(i);
    }
    return new ChunkedList(chunks, starts, all.length);
  }

  /** The items as one array, made on first use (O(n), for consumers that need an array anyway) and kept. */
  toArray(): readonly T[] {
    this.array ??= this.chunks.flat();
    return this.array;
  }

  /** A draft of the next version; this list does not change. */
  edit(): ChunkedListDraft<T> {
    return new ChunkedListDraft(this, this.chunks, this.starts);
  }
}

/**
 * The next version of a list being made, edit by edit: the first change to a chunk copies it, later ones
 * in the same draft change the copy. `finish` hands the result out; the draft is not used after that.
 */
export class ChunkedListDraft<T> extends Chunks<T> {
  /** Chunks this draft made, so no version handed out holds them yet. */
  private readonly own = new Set<T[]>();
  private changed = false;
  private finished = false;

  constructor(
    private readonly base: ChunkedList<T>,
    chunks: T[][],
    starts: number[],
  ) {
    super(chunks.slice(), starts.slice(), base.length);
  }

  set(index: number, item: T): void {
    const c = this.chunkOf(this.check(index, this.length - 1));
    this.writable(c)[index - this.starts[c]] = item;
  }

  push(item: T): void {
    this.open();
    this.changed = true;
    const last = this.chunks.length - 1;
    if (last >= 0 && this.chunks[last].length < CHUNK) this.writable(last).push(item);
    else this.adopt(this.chunks.length, [item], this.length);
    this.length += 1;
  }

  insert(index: number, item: T): void {
    if (this.check(index, this.length) === this.length) return this.push(item);
    const c = this.chunkOf(index);
    const chunk = this.writable(c);
    chunk.splice(index - this.starts[c], 0, item);
    this.shift(c, 1);
    if (chunk.length >= 2 * CHUNK) this.adopt(c + 1, chunk.splice(CHUNK), this.starts[c] + CHUNK);
  }

  remove(index: number): void {
    const c = this.chunkOf(this.check(index, this.length - 1));
    const chunk = this.writable(c);
    chunk.splice(index - this.starts[c], 1);
    this.shift(c, -1);
    const next = this.chunks[c + 1];
    if (chunk.length === 0) this.drop(c);
    else if (next && chunk.length < CHUNK / 4 && chunk.length + next.length <= CHUNK) {
      chunk.push(...next);
      this.drop(c + 1);
    }
  }

  /** The new version (the list it was drafted from when nothing changed). */
  finish(): ChunkedList<T> {
    this.open();
    this.finished = true;
    return this.changed ? new ChunkedList(this.chunks, this.starts, this.length) : this.base;
  }

  private open(): void {
    if (this.finished) throw new Error('a finished draft cannot be edited');
  }

  /** `index` if it is in 0..last (and the draft still open), as the edit about to happen there needs. */
  private check(index: number, last: number): number {
    this.open();
    if (!Number.isInteger(index) || index < 0 || index > last) throw new RangeError(`index ${index} is outside 0..${last}`);
    this.changed = true;
    return index;
  }

  private writable(c: number): T[] {
    const chunk = this.chunks[c];
    if (this.own.has(chunk)) return chunk;
    const copy = chunk.slice();
    this.chunks[c] = copy;
    this.own.add(copy);
    return copy;
  }

  private adopt(c: number, chunk: T[], start: number): void {
    this.chunks.splice(c, 0, chunk);
    this.starts.splice(c, 0, start);
    this.own.add(chunk);
  }

  private drop(c: number): void {
    this.chunks.splice(c, 1);
    this.starts.splice(c, 1);
  }

  /** Moves the starts of the chunks after `c` by `by`, and the length. */
  private shift(c: number, by: number): void {
    for (let i = c + 1; i < this.starts.length; i++) this.starts[i] += by;
    this.length += by;
  }
}
