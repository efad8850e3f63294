import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkedList } from './chunked-list';
import { reduceList, watchedList, type WatchEvent, type WatchedList } from './list-reducer';
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

test('LiveRows follows random batches exactly as recomputing everything would: rows by uid in order, view, labels', () => {
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const colors = ['green', 'blue', 'red'];
  const object = (uid: string, version: number): Obj => ({
    metadata: { uid, name: `pod-${Math.floor(random() * 30)}`, resourceVersion: String(version), labels: random() < 0.2 ? {} : { color: colors[Math.floor(random() * 3)], [`k${Math.floor(random() * 3)}`]: String(version % 7), own: uid } },
  });
  // About 600 rows, over several chunks of the view: rows move within, into and out of chunks.
  let list: WatchedList<Obj> = watchedList(Array.from({ length: 600 }, (_, i) => object(`u${i}`, 0)), '0');
  const live = new LiveRows<Obj, Row>();
  const views = [
    { matches: all, compare: byRank },
    { matches: green, compare: byRank },
    { matches: green, compare: byRankDescending },
    { matches: all, compare: undefined },
  ];
  let view = views[0];
  let previous: { rows: ChunkedList<Row>; uids: string[] } | undefined;
  for (let batch = 1; batch < 600; batch++) {
    // Now and then the user changes the filter or sort; otherwise events arrive, sometimes a large batch.
    if (random() < 0.05) view = views[Math.floor(random() * views.length)];
    // Large batches both with removals (taken whole) and without (a page of the initial list: followed by
    // edits and merged into the view); medium ones are merged, small ones moved row by row.
    const roll = random();
    const size = roll < 0.03 ? 300 : roll < 0.1 ? 40 : 1 + Math.floor(random() * 6);
    const appendsOnly = size >= 40 && random() < 0.5;
    const events: WatchEvent<Obj>[] = Array.from({ length: size }, () => {
      const uid = `u${Math.floor(random() * 900)}`;
      const type = appendsOnly ? (random() < 0.5 ? 'ADDED' : 'MODIFIED') : random() < 0.25 ? 'DELETED' : random() < 0.5 ? 'ADDED' : 'MODIFIED';
      return { type, object: object(uid, batch) };
    });
    list = random() < 0.02 ? watchedList(list.items.toArray(), String(batch)) : reduceList(list, events, String(batch));

    const version = live.sync(list.items, toRow);
    const rows = list.items.toArray().map(toRow);
    assert.deepEqual([...live.byUid], rows.map((r) => [r.uid, r]), `batch ${batch}: rows by uid, in the items' order`);
    // The same call again (a repeated render) changes nothing.
    assert.equal(live.sync(list.items, toRow), version);
    const shown = live.view(view.matches, view.compare);
    const expected = rows.filter(view.matches);
    if (view.compare) expected.sort(view.compare);
    assert.deepEqual([...shown].map((r) => r.uid), expected.map((r) => r.uid), `batch ${batch}: view`);
    assert.deepEqual(Array.from({ length: shown.length }, (_, i) => shown.at(i)?.uid), expected.map((r) => r.uid), `batch ${batch}: view by index`);
    assert.equal(live.view(view.matches, view.compare), shown);
    // A view handed out never changes (React may still hold it): the last batch's is as it was.
    if (previous) assert.deepEqual([...previous.rows].map((r) => r.uid), previous.uids, `batch ${batch}: the view before`);
    previous = { rows: shown, uids: [...shown].map((r) => r.uid) };
    const labels = indexLabels(rows.map((r) => r.labels));
    assert.deepEqual(live.labels.keys(), labels.keys(), `batch ${batch}: label keys`);
    for (const key of labels.keys()) assert.deepEqual(live.labels.values(key), labels.values(key), `batch ${batch}: values of ${key}`);
  }
});

test('LiveRows takes a new row function as a new list', () => {
  const live = new LiveRows<Obj, Row>();
  const items = ChunkedList.from<Obj>([{ metadata: { uid: 'a', name: 'a', resourceVersion: '1', labels: { x: '1' } } }]);
  const first = live.sync(items, toRow);
  const renamed = live.sync(items, (o) => ({ ...toRow(o), name: 'renamed' }));
  assert.notEqual(renamed, first);
  assert.equal(live.byUid.get('a')?.name, 'renamed');
  assert.deepEqual(live.labels.values('x'), ['1']);
});

test('LiveRows at the row level: a modified row moves in the sorted view, an added one enters it, a removed one leaves, a filtered one stays out', () => {
  const pod = (uid: string, version: number, color = 'green'): Obj => ({ metadata: { uid, name: uid, resourceVersion: String(version), labels: { color } } });
  // 1,000 rows: the view spans chunks, so each change lands in the middle of one.
  let list = watchedList(Array.from({ length: 1000 }, (_, i) => pod(`p${String(i).padStart(4, '0')}`, i)), '1');
  const live = new LiveRows<Obj, Row>();
  const uids = () => [...live.view(green, byRank)].map((r) => r.uid);
  live.sync(list.items, toRow);
  const first = live.view(green, byRank);
  const start = uids();
  assert.equal(start.length, 1000);
  const step = (events: WatchEvent<Obj>[]) => {
    list = reduceList(list, events);
    live.sync(list.items, toRow);
    return uids();
  };
  // p0002 had rank 2; at version 5 its rank is 0: it moves to the rank-0 rows, by name among them.
  const moved = step([{ type: 'MODIFIED', object: pod('p0002', 5) }]);
  assert.deepEqual(moved.slice(0, 3), ['p0000', 'p0002', 'p0005']);
  assert.equal(moved.length, 1000);
  const added = step([{ type: 'ADDED', object: pod('p0001a', 6) }]);
  assert.equal(added[added.indexOf('p0001') + 1], 'p0001a');
  const removed = step([{ type: 'DELETED', object: pod('p0002', 5) }]);
  assert.ok(!removed.includes('p0002'));
  const filtered = step([{ type: 'MODIFIED', object: pod('p0003', 3, 'blue') }]);
  assert.ok(!filtered.includes('p0003'));
  assert.equal(filtered.length, 999);
  assert.deepEqual(filtered, [...list.items].map(toRow).filter(green).sort(byRank).map((r) => r.uid));
  // The first view is unchanged: each change made a new one.
  assert.deepEqual([...first].map((r) => r.uid), start);
});
