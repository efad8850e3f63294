/**
 * The rows of a live list, kept in step with its items in time proportional to what changed: a watch event
 * on one of 50,000 pods recomputes one row, moves it in the filtered and sorted view by binary search, and
 * updates the label index by that row's labels, instead of mapping, filtering, sorting and indexing the list
 * again. It follows the edits `reduceList` records (`listChange`); anything else (a snapshot, a large batch,
 * a new row function) is taken whole.
 */
import { listChange } from './list-reducer';
import { LabelCounts } from './selector-suggestions';

/** What the store reads of a row. */
export interface LiveRow {
  uid: string;
  labels: Record<string, string>;
}

/** One row replaced, added (no `removed`) or removed (no `added`). */
interface RowChange<R> {
  removed?: R;
  added?: R;
}

// Up to this many changes, each is moved into the sorted view by binary search and a splice; past it, the
// added rows are sorted on their own and merged in one pass (a page of 500 rows into 50,000). Past the list's
// own length (or MOVE_UP_TO, for a small list), filtering and sorting everything again costs no more.
const SPLICE_UP_TO = 32;
const MOVE_UP_TO = 2_000;

/** The first position in `[low, rows.length)` whose row does not sort before `row` (`after`: the first that sorts after it). */
function bound<R>(rows: readonly R[], row: R, compare: (a: R, b: R) => number, after: boolean, low = 0): number {
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compare(rows[mid], row);
    if (order < 0 || (after && order === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `row` itself is in a sorted view: among the rows that compare equal to it, or anywhere if the comparator has changed its mind. */
function positionIn<R>(rows: readonly R[], row: R, compare: (a: R, b: R) => number): number {
  for (let i = bound(rows, row, compare, false); i < rows.length && compare(rows[i], row) === 0; i++) if (rows[i] === row) return i;
  return rows.indexOf(row);
}

/** `changes` applied to the sorted `rows` one by one. */
function spliced<R>(rows: readonly R[], changes: readonly RowChange<R>[], matches: (row: R) => boolean, compare: (a: R, b: R) => number): R[] {
  const out = rows.slice();
  for (const { removed, added } of changes) {
    if (removed && matches(removed)) {
      const at = positionIn(out, removed, compare);
      if (at >= 0) out.splice(at, 1);
    }
    if (added && matches(added)) out.splice(bound(out, added, compare, true), 0, added);
  }
  return out;
}

/**
 * `changes` applied to the sorted `rows` at once, as `spliced` would: what each row's changes add up to
 * (a row added then removed is no change; removed then added again, kept), the rows that went filtered
 * out, the new ones sorted (stably, so ties keep their arrival order) and merged in after equal rows.
 */
function merged<R>(rows: readonly R[], changes: readonly RowChange<R>[], matches: (row: R) => boolean, compare: (a: R, b: R) => number): R[] {
  const net = new Map<R, number>();
  for (const { removed, added } of changes) {
    if (removed && matches(removed)) net.set(removed, (net.get(removed) ?? 0) - 1);
    if (added && matches(added)) net.set(added, (net.get(added) ?? 0) + 1);
  }
  const incoming: R[] = [];
  let leaving = false;
  for (const [row, count] of net) {
    if (count > 0) incoming.push(row);
    else if (count < 0) leaving = true;
  }
  const kept = leaving ? rows.filter((row) => (net.get(row) ?? 0) >= 0) : rows;
  incoming.sort(compare);
  // Each new row's place by binary search from the last one's: a page of 500 into 50,000 rows costs some
  // 8,000 comparisons, not 50,000 (the comparators are what a view of many rows spends its time in).
  const out: R[] = new Array(kept.length + incoming.length);
  let from = 0;
  let k = 0;
  for (const row of incoming) {
    const at = bound(kept, row, compare, true, from);
    while (from < at) out[k++] = kept[from++];
    out[k++] = row;
  }
  while (from < kept.length) out[k++] = kept[from++];
  return out;
}

/**
 * A list's rows (in the items' order), rows by uid and the label index, plus one filtered and sorted view.
 * `sync` and `view` may be called again with the same arguments (a render repeated) at no cost and with no
 * effect; each returns a new array when its content changed, the same one otherwise.
 */
export class LiveRows<T, R extends LiveRow> {
  private items: readonly T[] | undefined;
  private toRow: ((item: T) => R) | undefined;
  private all: R[] = [];
  /** The rows by uid, updated in place. */
  readonly byUid = new Map<string, R>();
  /** Every label key and value of the rows, updated in place (see its `version`). */
  readonly labels = new LabelCounts();
  /** The changes since the view was last brought up to date; undefined: everything changed. */
  private pending: RowChange<R>[] | undefined;
  private shown: { source: R[]; matches: (row: R) => boolean; compare?: (a: R, b: R) => number; rows: R[] } | undefined;

  /** The rows of `items`, one per item, in their order. */
  sync(items: readonly T[], toRow: (item: T) => R): R[] {
    if (items === this.items && toRow === this.toRow) return this.all;
    const change = this.items && toRow === this.toRow ? listChange(items) : undefined;
    if (change && change.from === this.items) {
      const rows = this.all.slice();
      const changes: RowChange<R>[] = [];
      for (const edit of change.edits) {
        if (edit.kind === 'remove') changes.push({ removed: rows.splice(edit.index, 1)[0] });
        else if (edit.kind === 'set') {
          const added = toRow(edit.item);
          changes.push({ removed: rows[edit.index], added });
          rows[edit.index] = added;
        } else {
          const added = toRow(edit.item);
          changes.push({ added });
          rows.push(added);
        }
      }
      for (const { removed, added } of changes) {
        if (removed) {
          this.labels.remove(removed.labels);
          if (this.byUid.get(removed.uid) === removed) this.byUid.delete(removed.uid);
        }
        if (added) {
          this.labels.add(added.labels);
          this.byUid.set(added.uid, added);
        }
      }
      this.pending = this.pending && this.pending.length + changes.length <= Math.max(MOVE_UP_TO, rows.length) ? this.pending.concat(changes) : undefined;
      this.all = rows;
    } else {
      const rows = items.map(toRow);
      this.byUid.clear();
      this.labels.clear();
      for (const row of rows) {
        this.byUid.set(row.uid, row);
        this.labels.add(row.labels);
      }
      this.pending = undefined;
      this.all = rows;
    }
    this.items = items;
    this.toRow = toRow;
    return this.all;
  }

  /**
   * The rows that match, sorted by `compare` (or in the items' order without one). With the same `matches`
   * and `compare` as last time, only the rows changed since are taken out and put back in place.
   */
  view(matches: (row: R) => boolean, compare?: (a: R, b: R) => number): R[] {
    const shown = this.shown;
    if (shown && shown.source === this.all && shown.matches === matches && shown.compare === compare) return shown.rows;
    let rows: R[];
    if (shown && compare && shown.matches === matches && shown.compare === compare && this.pending) {
      rows = (this.pending.length <= SPLICE_UP_TO ? spliced : merged)(shown.rows, this.pending, matches, compare);
    } else {
      rows = this.all.filter(matches);
      if (compare) rows.sort(compare);
    }
    this.pending = [];
    this.shown = { source: this.all, matches, compare, rows };
    return rows;
  }
}
