import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkedList } from './chunked-list';

test('ChunkedList agrees with an array over random edits, and every version handed out stays as it was', () => {
  let seed = 5;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let list = ChunkedList.from(Array.from({ length: 700 }, (_, i) => i));
  let reference = [...list];
  const versions: { list: ChunkedList<number>; items: number[] }[] = [];
  let next = 1000;
  for (let batch = 0; batch < 300; batch++) {
    const draft = list.edit();
    // Runs of inserts grow chunks past a split; runs of removals empty and merge them.
    const mode = random();
    for (let k = Math.floor(random() * 120); k >= 0; k--) {
      const roll = random();
      // Inserting batches insert around one place, so one chunk grows past its split.
      const at = mode < 0.6 && roll < 0.8 ? Math.floor(reference.length / 3) : Math.floor(random() * (reference.length + 1));
      if ((mode < 0.6 && roll < 0.8) || reference.length === 0) {
        draft.insert(at, next);
        reference.splice(at, 0, next++);
      } else if (roll < 0.8 && at < reference.length) {
        draft.remove(at);
        reference.splice(at, 1);
      } else if (roll < 0.9 && at < reference.length) {
        draft.set(at, -next);
        reference[at] = -next++;
      } else {
        draft.push(next);
        reference.push(next++);
      }
      assert.equal(draft.length, reference.length);
    }
    list = draft.finish();
    assert.deepEqual([...list], reference, `batch ${batch}`);
    assert.deepEqual(list.toArray(), reference, `batch ${batch}: as an array`);
    for (let i = -1; i <= reference.length; i++) assert.equal(list.at(i), reference[i], `batch ${batch}: at ${i}`);
    versions.push({ list, items: reference.slice() });
    reference = reference.slice();
  }
  for (const [i, version] of versions.entries()) assert.deepEqual([...version.list], version.items, `version ${i}`);
});

test('bound finds where an item belongs in a sorted list, before or after its equals', () => {
  const sorted = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 3));
  const list = ChunkedList.from(sorted);
  for (const target of [-1, 0, 1, 257, 400, 666, 667, 1000]) {
    const below = sorted.findIndex((n) => n >= target);
    const above = sorted.findIndex((n) => n > target);
    assert.equal(list.bound((n) => n - target), below < 0 ? sorted.length : below, `before ${target}`);
    assert.equal(list.bound((n) => n - target, true), above < 0 ? sorted.length : above, `after ${target}`);
  }
  assert.equal(new ChunkedList<number>().bound((n) => n), 0);
});

test('a draft that changed nothing gives back its list; a finished draft refuses edits; an index out of range is an error', () => {
  const list = ChunkedList.from(['a', 'b']);
  assert.equal(list.edit().finish(), list);
  const draft = list.edit();
  draft.push('c');
  const done = draft.finish();
  assert.deepEqual([...done], ['a', 'b', 'c']);
  assert.deepEqual([...list], ['a', 'b']);
  assert.throws(() => draft.push('d'), /finished/);
  assert.throws(() => list.edit().remove(2), RangeError);
  assert.throws(() => list.edit().insert(3, 'x'), RangeError);
});
