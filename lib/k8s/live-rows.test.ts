import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reduceList, type WatchEvent, type WatchedList } from './list-reducer';
import { LiveRows } from './live-rows';
import { indexLabels } from './selector-suggestions';

interface Obj {
  metadata: { uid: string; name: string; resourceVersion: string; labels: Record<string, string> };
}
interface Row {
  uid: string;
  name: string;
  rank: number;
  labels: Record<string, string>;
}

const rowCache = new WeakMap<Obj, Row>();
const toRow = (o: Obj): Row => {
  let row = rowCache.get(o);
  if (!row) rowCache.set(o, (row = { uid: o.metadata.uid, name: o.metadata.name, rank: Number(o.metadata.resourceVersion) % 5, labels: o.metadata.labels }));
  return row;
};
// Ties on rank are broken by name, then uid: a total order, as the pages' comparators are.
const byRank = (a: Row, b: Row) => a.rank - b.rank || a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid);
const byRankDescending = (a: Row, b: Row) => -byRank(a, b);
const all = () => true;
const green = (row: Row) => row.labels.color === 'green';

test('LiveRows follows random batches exactly as recomputing everything would: rows, view, rows by uid, labels', () => {
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const colors = ['green', 'blue', 'red'];
  const object = (uid: string, version: number): Obj => ({
    metadata: { uid, name: `pod-${Math.floor(random() * 30)}`, resourceVersion: String(version), labels: random() < 0.2 ? {} : { color: colors[Math.floor(random() * 3)], [`k${Math.floor(random() * 3)}`]: String(version % 7), own: uid } },
  });
  let list: WatchedList<Obj> = { items: Array.from({ length: 40 }, (_, i) => object(`u${i}`, 0)), resourceVersion: '0' };
  const live = new LiveRows<Obj, Row>();
  const views = [
    { matches: all, compare: byRank },
    { matches: green, compare: byRank },
    { matches: green, compare: byRankDescending },
    { matches: all, compare: undefined },
  ];
  let view = views[0];
  for (let batch = 1; batch < 600; batch++) {
    // Now and then the user changes the filter or sort; otherwise events arrive, sometimes a large batch.
    if (random() < 0.05) view = views[Math.floor(random() * views.length)];
    // Large batches both with removals (taken whole) and without (a page of the initial list: followed by
    // edits and merged into the view); medium ones are merged, small ones moved row by row.
    const roll = random();
    const size = roll < 0.03 ? 300 : roll < 0.1 ? 40 : 1 + Math.floor(random() * 6);
    const appendsOnly = size >= 40 && random() < 0.5;
    const events: WatchEvent<Obj>[] = Array.from({ length: size }, () => {
      const uid = `u${Math.floor(random() * 60)}`;
      const type = appendsOnly ? (random() < 0.5 ? 'ADDED' : 'MODIFIED') : random() < 0.25 ? 'DELETED' : random() < 0.5 ? 'ADDED' : 'MODIFIED';
      return { type, object: object(uid, batch) };
    });
    list = random() < 0.02 ? { items: list.items.slice(), resourceVersion: String(batch) } : reduceList(list, events, String(batch));

    const rows = live.sync(list.items, toRow);
    assert.deepEqual(rows, list.items.map(toRow), `batch ${batch}: rows`);
    // The same call again (a repeated render) changes nothing.
    assert.equal(live.sync(list.items, toRow), rows);
    const shown = live.view(view.matches, view.compare);
    const expected = rows.filter(view.matches);
    if (view.compare) expected.sort(view.compare);
    assert.deepEqual(shown.map((r) => r.uid), expected.map((r) => r.uid), `batch ${batch}: view`);
    assert.equal(live.view(view.matches, view.compare), shown);
    assert.deepEqual(new Map([...live.byUid].sort(([a], [b]) => a.localeCompare(b))), new Map(rows.map((r) => [r.uid, r] as const).sort(([a], [b]) => a.localeCompare(b))), `batch ${batch}: by uid`);
    const labels = indexLabels(rows.map((r) => r.labels));
    assert.deepEqual(live.labels.keys(), labels.keys(), `batch ${batch}: label keys`);
    for (const key of labels.keys()) assert.deepEqual(live.labels.values(key), labels.values(key), `batch ${batch}: values of ${key}`);
  }
});

test('LiveRows takes a new row function as a new list', () => {
  const live = new LiveRows<Obj, Row>();
  const items: Obj[] = [{ metadata: { uid: 'a', name: 'a', resourceVersion: '1', labels: { x: '1' } } }];
  const first = live.sync(items, toRow);
  const renamed = live.sync(items, (o) => ({ ...toRow(o), name: 'renamed' }));
  assert.notEqual(renamed, first);
  assert.equal(renamed[0].name, 'renamed');
  assert.deepEqual(live.labels.values('x'), ['1']);
});
