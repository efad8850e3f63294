import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderedAt, type OrderedObjects } from './list-page';
import type { KubeObject } from './types';

const obj = (name: string, rv: string): KubeObject => ({ metadata: { name, resourceVersion: rv } });
const ordered = (objects: KubeObject[]): OrderedObjects => ({ keys: objects.map((o) => `pods|ns|${o.metadata.name}`), objects });
const view = (o: OrderedObjects) => o.objects.map((x) => `${x.metadata.name}@${x.metadata.resourceVersion}`);

test('an older revision: changed objects as they were, added ones gone, deleted ones back in key order', () => {
  const now = ordered([obj('a', '1'), obj('b', '9'), obj('d', '8'), obj('f', '2')]);
  const before = new Map<string, KubeObject | undefined>([
    ['pods|ns|b', obj('b', '3')],
    ['pods|ns|c', obj('c', '4')],
    ['pods|ns|d', undefined],
    ['pods|ns|g', obj('g', '5')],
    ['pods|ns|0', obj('0', '6')],
  ]);
  const then = orderedAt(now, before);
  assert.deepEqual(view(then), ['0@6', 'a@1', 'b@3', 'c@4', 'f@2', 'g@5']);
  assert.deepEqual(then.keys, ['pods|ns|0', 'pods|ns|a', 'pods|ns|b', 'pods|ns|c', 'pods|ns|f', 'pods|ns|g']);
  assert.equal(orderedAt(now, new Map()), now);
});

test('the same as rebuilding and sorting everything, on random changes', () => {
  for (let round = 0; round < 50; round++) {
    const names = [...new Set(Array.from({ length: 40 }, () => Math.random().toString(36).slice(2, 5)))].sort();
    const now = ordered(names.filter(() => Math.random() < 0.7).map((n) => obj(n, 'now')));
    const before = new Map<string, KubeObject | undefined>();
    for (const n of names) if (Math.random() < 0.3) before.set(`pods|ns|${n}`, Math.random() < 0.3 ? undefined : obj(n, 'then'));
    const entries = now.keys.map((k, i): [string, KubeObject] => [k, now.objects[i] as KubeObject]).filter(([k]) => !before.has(k));
    for (const [k, o] of before) if (o) entries.push([k, o]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(view(orderedAt(now, before)), entries.map(([, o]) => `${o.metadata.name}@${o.metadata.resourceVersion}`));
  }
});
