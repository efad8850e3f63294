import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listChange, reduceList, type ListEdit, type WatchEvent, type WatchedList } from '@/lib/k8s/list-reducer';

interface Obj {
  metadata: { uid?: string; name: string; resourceVersion?: string };
}
const obj = (uid: string | undefined, name: string, rv = '1'): Obj => ({ metadata: { uid, name, resourceVersion: rv } });
const names = (list: WatchedList<Obj>) => list.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`);

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
    const out = reduceList({ items: c.start, resourceVersion: '0' }, c.events);
    assert.deepEqual(names(out), c.want);
  });
}

test('reduceList does not mutate its input', () => {
  const start = { items: [obj('a', 'a')], resourceVersion: '1' };
  const frozen = structuredClone(start);
  reduceList(start, [{ type: 'DELETED', object: obj('a', 'a') }, { type: 'ADDED', object: obj('b', 'b') }], '2');
  assert.deepEqual(start, frozen);
});

test('reduceList returns the same list when nothing changed', () => {
  const start = { items: [obj('a', 'a')], resourceVersion: '1' };
  assert.equal(reduceList(start, [{ type: 'DELETED', object: obj('z', 'z') }]), start);
  assert.equal(reduceList(start, [], '1'), start);
});

test('reduceList keeps the resourceVersion it is given as an opaque token', () => {
  const out = reduceList({ items: [], resourceVersion: 'abc' }, [], 'xyz-10');
  assert.equal(out.resourceVersion, 'xyz-10');
});

test('reduceList handles a large batch by uid', () => {
  const events: WatchEvent<Obj>[] = [];
  for (let i = 0; i < 5000; i++) events.push({ type: 'ADDED', object: obj(`u${i}`, `p${i}`) });
  for (let i = 0; i < 5000; i += 2) events.push({ type: 'DELETED', object: obj(`u${i}`, `p${i}`) });
  for (let i = 1; i < 5000; i += 2) events.push({ type: 'MODIFIED', object: obj(`u${i}`, `p${i}`, '2') });
  const out = reduceList({ items: [], resourceVersion: '' }, events);
  assert.equal(out.items.length, 2500);
  assert.ok(out.items.every((o) => o.metadata.resourceVersion === '2'));
});

function replay<T>(items: readonly T[], edits: readonly ListEdit<T>[]): T[] {
  const out = [...items];
  for (const edit of edits) {
    if (edit.kind === 'set') out[edit.index] = edit.item;
    else if (edit.kind === 'append') out.push(edit.item);
    else out.splice(edit.index, 1);
  }
  return out;
}

test('a snapshot and a large batch with removals carry no edits (follow them from the whole list)', () => {
  const start = { items: [obj('a', 'a')], resourceVersion: '1' };
  assert.equal(listChange(start.items), undefined);
  const events: WatchEvent<Obj>[] = Array.from({ length: 300 }, (_, i) => ({ type: i === 299 ? 'DELETED' : 'ADDED', object: obj(`u${i}`, `p${i}`) }));
  assert.equal(listChange(reduceList(start, events).items), undefined);
});

test('a large batch without removals (a page of the initial list) carries its edits', () => {
  const start = { items: [obj('a', 'a'), obj('b', 'b')], resourceVersion: '1' };
  const events: WatchEvent<Obj>[] = Array.from({ length: 500 }, (_, i) => ({ type: 'ADDED', object: obj(`u${i}`, `p${i}`) }));
  events.push({ type: 'MODIFIED', object: obj('a', 'a', '2') });
  const next = reduceList(start, events);
  const change = listChange(next.items);
  assert.ok(change);
  assert.equal(change.from, start.items);
  assert.equal(change.edits.filter((edit) => edit.kind === 'append').length, 500);
  assert.deepEqual(change.edits.at(-1), { kind: 'set', index: 0, item: events[500].object });
  assert.deepEqual(replay(start.items, change.edits), next.items);
});

test('reduceList agrees with a plain replace/append/remove over random batches, small (by position) and large (mapped)', () => {
  // The obvious implementation, what both ways of applying a batch must never differ from.
  const reference = (items: Obj[], events: WatchEvent<Obj>[]) => {
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
  const history: WatchedList<Obj>[] = [{ items: [obj('u0', 'a'), obj('u1', 'b')], resourceVersion: '0' }];
  for (let batch = 1; batch < 400; batch++) {
    // Mostly the newest list, sometimes an older one: reducing must never change a list it was given.
    const from = random() < 0.85 ? history[history.length - 1] : history[Math.floor(random() * history.length)];
    const deletes = random() < 0.2;
    const events: WatchEvent<Obj>[] = Array.from({ length: random() < 0.15 ? 300 : 1 + Math.floor(random() * 4) }, () => {
      const uid = `u${Math.floor(random() * 12)}`;
      const type = deletes && random() < 0.5 ? 'DELETED' : random() < 0.5 ? 'ADDED' : 'MODIFIED';
      return { type, object: obj(uid, uid, String(batch)) };
    });
    const next = reduceList(from, events, String(batch));
    assert.deepEqual(names(next), names({ items: reference(from.items, events), resourceVersion: '' }), `batch ${batch}`);
    // A batch that changed the items says how, edit by edit: replayed over the list it came from, they give the new one.
    if (next.items !== from.items && (events.length < 300 || !events.some((event) => event.type === 'DELETED'))) {
      const change = listChange(next.items);
      assert.ok(change, `batch ${batch} has its edits`);
      assert.equal(change.from, from.items);
      assert.deepEqual(replay(from.items, change.edits), next.items, `batch ${batch} replayed`);
    }
    history.push(next);
  }
});
