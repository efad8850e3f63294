/**
 * The rows of a live list, kept in step with its items in time proportional to what changed: a watch event
 * on one of 50,000 pods recomputes one row, moves it in the filtered and sorted view by binary search, and
 * updates the label index by that row's labels, instead of mapping, filtering, sorting and indexing the list
 * again. It follows the edits `reduceList` records (`listChange`); anything else (a snapshot, a new row
 * function) is taken whole. The view is a persistent list (`ChunkedList`), so a change copies a chunk of it,
 * not every row.
 */
import { ChunkedList, type ChunkedListDraft } from './chunked-list';
import { listChange } from './list-reducer';
import { LabelCounts } from './selector-suggestions';

/** What the store reads of a row: its item's uid, and its labels. */
export interface LiveRow {
  uid: string;
  labels: Record<string, string>;
}

/** One row replaced, added (no `removed`) or removed (no `added`). */
interface RowChange<R> {
  removed?: R;
  added?: R;
}

// Past this many changes since the view was last shown (or past the list's own length, for a large list),
// filtering and sorting everything again costs no more than moving each changed row.
const MOVE_UP_TO = 2_000;

/** Where `row` itself is in a sorted view: among the rows that compare equal to it, or anywhere if the comparator has changed its mind. */
function positionIn<R>(rows: ChunkedListDraft<R>, row: R, compare: (a: R, b: R) => number): number {
  for (let i = rows.bound((other) => compare(other, row)); i < rows.length && compare(rows.at(i)!, row) === 0; i++) if (rows.at(i) === row) return i;
  let i = 0;
  for (const other of rows) {
    if (other === row) return i;
    i++;
  }
  return -1;
}

/**
 * A list's rows by uid (in the items' order) and the label index, plus one filtered and sorted view. `sync`
 * and `view` may be called again with the same arguments (a render repeated) at no cost and with no effect.
 */
export class LiveRows<T, R extends LiveRow> {
  private items: ChunkedList<T> | undefined;
  private toRow: ((item: T) => R) | undefined;
  /** The rows by uid, in the items' order, updated in place (see `version`). */
  readonly byUid = new Map<string, R>();
  /** Every label key and value of the rows, updated in place (see its `version`). */
  readonly labels = new LabelCounts();
  /** Bumped whenever a row changes. */
  version = 0;
  /** The changes since the view was last brought up to date; undefined: everything changed. */
  private pending: RowChange<R>[] | undefined;
  private shown: { version: number; matches: (row: R) => boolean; compare?: (a: R, b: R) => number; rows: ChunkedList<R> } | undefined;

  /** Brings the rows up to date with `items`, one row per item; returns `version`. */
  sync(items: ChunkedList<T>, toRow: (item: T) => R): number {
    if (items === this.items && toRow === this.toRow) return this.version;
    const change = this.items && toRow === this.toRow ? listChange(items) : undefined;
    if (change && change.from === this.items) {
      const changes: RowChange<R>[] = [];
      for (const { uid, after } of change.edits) {
        const removed = this.byUid.get(uid);
        const added = after === undefined ? undefined : toRow(after);
        if (removed) this.labels.remove(removed.labels);
        if (added) {
          this.labels.add(added.labels);
          this.byUid.set(uid, added);
        } else this.byUid.delete(uid);
        changes.push({ removed, added });
      }
      this.pending = this.pending && this.pending.length + changes.length <= Math.max(MOVE_UP_TO, this.byUid.size) ? this.pending.concat(changes) : undefined;
    } else {
      this.byUid.clear();
      this.labels.clear();
      for (const item of items) {
        const row = toRow(item);
        this.byUid.set(row.uid, row);
        this.labels.add(row.labels);
      }
      this.pending = undefined;
    }
    this.items = items;
    this.toRow = toRow;
    return ++this.version;
  }

  /**
   * The rows that match, sorted by `compare` (or in the items' order without one); the same list until
   * something changes. With the same `matches` and `compare` as last time, only the rows changed since
   * are taken out and put back in place.
   */
  view(matches: (row: R) => boolean, compare?: (a: R, b: R) => number): ChunkedList<R> {
    const shown = this.shown;
    if (shown && shown.version === this.version && shown.matches === matches && shown.compare === compare) return shown.rows;
    let rows: ChunkedList<R>;
    if (shown && compare && shown.matches === matches && shown.compare === compare && this.pending) {
      const draft = shown.rows.edit();
      for (const { removed, added } of this.pending) {
        if (removed && matches(removed)) {
          const at = positionIn(draft, removed, compare);
          if (at >= 0) draft.remove(at);
        }
        // After the rows that compare equal: ties keep their arrival order.
        if (added && matches(added)) draft.insert(draft.bound((row) => compare(row, added), true), added);
      }
      rows = draft.finish();
    } else {
      const matching: R[] = [];
      for (const row of this.byUid.values()) if (matches(row)) matching.push(row);
      if (compare) matching.sort(compare);
      rows = ChunkedList.from(matching);
    }
    this.pending = [];
    this.shown = { version: this.version, matches, compare, rows };
    return rows;
  }
}
