import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listChange, reduceList, watchedList, type ListEdit, type WatchEvent, type WatchedList } from '@/lib/k8s/list-reducer';

interface Obj {
  metadata: { uid?: string; name: string; resourceVersion?: string };
}
const obj = (uid: string | undefined, name: string, rv = '1'): Obj => ({ metadata: { uid, name, resourceVersion: rv } });
const names = (list: WatchedList<Obj>) => list.items.toArray().map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`);

const cases: { title: string; start: Obj[]; events: WatchEvent<Obj>[]; want: string[] }[] = [
  { title: 'ADDED appends', start: [obj('a', 'a')], events: [{ type: 'ADDED', object: obj('b', 'b') }], want: ['a@1', 'b@1'] },
  { title: 'MODIFIED replaces in place', start: [obj('a', 'a'), obj('b', 'b')], events: [{ type: 'MODIFIED', object: obj('a', 'a', '2') }], want: ['a@2', 'b@1'] },
  { title: 'DELETED removes', start: [obj('a', 'a'), obj('b', 'b')], events: [{ type: 'DELETED', object: obj('a', 'a') }], want: ['b@1'] },
  { title: 'DELETED of an unknown uid is a no-op', start: [obj('a', 'a')], events: [{ type: 'DELETED', object: obj('x', 'x') }], want: ['a@1'] },
  { title: 'MODIFIED of an unknown uid adds it', start: [], events: [{ type: 'MODIFIED', object: obj('a', 'a', '3') }], want: ['a@3'] },
  { title: 'ADDED of a known uid replaces (relist replay)', start: [obj('a', 'a')], events: [{ type: 'ADDED', object: obj('a', 'a', '5') }], want: ['a@5'] },
  {
    title: 'same name, new uid: a recreated pod is another object',
    start: [obj('a', 'web')],
    events: [
      { type: 'DELETED', object: obj('a', 'web') },
      { type: 'ADDED', object: obj('b', 'web', '9') },
    ],
    want: ['web@9'],
  },
  {
    title: 'events apply in order: add, modify, delete, re-add',
    start: [],
    events: [
      { type: 'ADDED', object: obj('a', 'a', '1') },
      { type: 'ADDED', object: obj('b', 'b', '2') },
      { type: 'MODIFIED', object: obj('a', 'a', '3') },
      { type: 'DELETED', object: obj('b', 'b', '4') },
      { type: 'ADDED', object: obj('c', 'c', '5') },
      { type: 'MODIFIED', object: obj('c', 'c', '6') },
    ],
    want: ['a@3', 'c@6'],
  },
  { title: 'objects without a uid are ignored', start: [], events: [{ type: 'ADDED', object: obj(undefined, 'x') }], want: [] },
  { title: 'BOOKMARK changes nothing', start: [obj('a', 'a')], events: [{ type: 'BOOKMARK', object: obj('a', 'a', '9') }], want: ['a@1'] },
];

for (const c of cases) {
  test(`reduceList: ${c.title}`, () => {
    const out = reduceList(watchedList(c.start, '0'), c.events);
    assert.deepEqual(names(out), c.want);
  });
}

test('reduceList does not mutate its input', () => {
  const start = watchedList([obj('a', 'a')], '1');
  const frozen = structuredClone(start.items.toArray());
  reduceList(start, [{ type: 'DELETED', object: obj('a', 'a') }, { type: 'ADDED', object: obj('b', 'b') }], '2');
  assert.deepEqual([...start.items], frozen);
  assert.equal(start.resourceVersion, '1');
});

test('reduceList returns the same list when nothing changed', () => {
  const start = watchedList([obj('a', 'a')], '1');
  assert.equal(reduceList(start, [{ type: 'DELETED', object: obj('z', 'z') }]), start);
  assert.equal(reduceList(start, [], '1'), start);
});

test('reduceList keeps the resourceVersion it is given as an opaque token', () => {
  const out = reduceList(watchedList([], 'abc'), [], 'xyz-10');
  assert.equal(out.resourceVersion, 'xyz-10');
});

test('reduceList handles a large batch by uid', () => {
  const events: WatchEvent<Obj>[] = [];
  for (let i = 0; i < 5000; i++) events.push({ type: 'ADDED', object: obj(`u${i}`, `p${i}`) });
  for (let i = 0; i < 5000; i += 2) events.push({ type: 'DELETED', object: obj(`u${i}`, `p${i}`) });
  for (let i = 1; i < 5000; i += 2) events.push({ type: 'MODIFIED', object: obj(`u${i}`, `p${i}`, '2') });
  const out = reduceList(watchedList([], ''), events);
  assert.equal(out.items.length, 2500);
  assert.ok(out.items.toArray().every((o) => o.metadata.resourceVersion === '2'));
});

const uidOfObj = (o: Obj) => o.metadata.uid;

/** The edits of a change applied to the list it came from, item by item: what they must add up to. */
function replay(items: readonly Obj[], edits: readonly ListEdit<Obj>[]): Obj[] {
  const out = [...items];
  for (const { uid, before, after } of edits) {
    const at = out.findIndex((o) => uidOfObj(o) === uid);
    assert.equal(at >= 0 ? out[at] : undefined, before, `the edit of ${uid} starts from what the list held`);
    if (after && at >= 0) out[at] = after;
    else if (after) out.push(after);
    else out.splice(at, 1);
  }
  return out;
}

test('a snapshot carries no edits; every batch that changed the items carries its own, large ones with removals too', () => {
  const start = watchedList([obj('a', 'a')], '1');
  assert.equal(listChange(start.items), undefined);
  const events: WatchEvent<Obj>[] = Array.from({ length: 300 }, (_, i) => ({ type: i === 299 ? 'DELETED' : 'ADDED', object: obj(`u${i % 290}`, `p${i}`) }));
  const next = reduceList(start, events);
  const change = listChange(next.items);
  assert.ok(change);
  assert.equal(change.from, start.items);
  assert.deepEqual(replay(start.items.toArray(), change.edits), next.items.toArray());
});

test('a large batch without removals (a page of the initial list) carries its edits', () => {
  const start = watchedList([obj('a', 'a'), obj('b', 'b')], '1');
  const events: WatchEvent<Obj>[] = Array.from({ length: 500 }, (_, i) => ({ type: 'ADDED', object: obj(`u${i}`, `p${i}`) }));
  events.push({ type: 'MODIFIED', object: obj('a', 'a', '2') });
  const next = reduceList(start, events);
  const change = listChange(next.items);
  assert.ok(change);
  assert.equal(change.from, start.items);
  assert.equal(change.edits.filter((edit) => !edit.before).length, 500);
  assert.deepEqual(change.edits.at(-1), { uid: 'a', before: start.items.at(0), after: events[500].object });
  assert.deepEqual(replay(start.items.toArray(), change.edits), next.items.toArray());
});

test('reduceList agrees with a plain replace/append/remove over random batches, on the newest list and on older ones', () => {
  // The obvious implementation, what reducing must never differ from.
  const reference = (items: readonly Obj[], events: WatchEvent<Obj>[]) => {
    let out = [...items];
    for (const { type, object } of events) {
      const uid = object.metadata.uid;
      if (!uid || type === 'BOOKMARK') continue;
      const at = out.findIndex((o) => o.metadata.uid === uid);
      if (type === 'DELETED') out = out.filter((o) => o.metadata.uid !== uid);
      else if (at >= 0) out[at] = object;
      else out.push(object);
    }
    return out;
  };
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Lists of up to 2,000 items across chunks: removals and re-additions move items between and out of chunks.
  const history: WatchedList<Obj>[] = [watchedList([obj('u0', 'a'), obj('u1', 'b')], '0')];
  for (let batch = 1; batch < 400; batch++) {
    // Mostly the newest list, sometimes an older one: reducing must never change a list it was given.
    const from = random() < 0.85 ? history[history.length - 1] : history[Math.floor(random() * history.length)];
    const before = from.items.toArray().slice();
    const deletes = random() < 0.3;
    const uids = random() < 0.5 ? 12 : 2_000;
    const events: WatchEvent<Obj>[] = Array.from({ length: random() < 0.15 ? 300 : 1 + Math.floor(random() * 4) }, () => {
      const uid = `u${Math.floor(random() * uids)}`;
      const type = deletes && random() < 0.5 ? 'DELETED' : random() < 0.5 ? 'ADDED' : 'MODIFIED';
      return { type, object: obj(uid, uid, String(batch)) };
    });
    const next = reduceList(from, events, String(batch));
    assert.deepEqual(names(next), names(watchedList(reference(before, events), '')), `batch ${batch}`);
    assert.deepEqual(from.items.toArray(), before, `batch ${batch} left the list it was given as it was`);
    // A batch that changed the items says how, edit by edit: replayed over the list it came from, they give the new one.
    if (next.items !== from.items) {
      const change = listChange(next.items);
      assert.ok(change, `batch ${batch} has its edits`);
      assert.equal(change.from, from.items);
      assert.deepEqual(replay(before, change.edits), next.items.toArray(), `batch ${batch} replayed`);
    }
    history.push(next);
  }
});
