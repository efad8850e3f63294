import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WatchEvent } from '@/lib/k8s/list-reducer';
import { namespacePodsTally } from '@/lib/k8s/namespace-row';
import { nodeRequestsTally } from '@/lib/k8s/node-list-row';
import type { PodListRow } from '@/lib/k8s/pod-list-row';
import { PodTallies, type Figures, type PodTally } from '@/lib/k8s/pod-tallies';

/** A small deterministic generator (mulberry32), so a failing sequence can be run again. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHASES = [undefined, 'Pending', 'Running', 'Succeeded', 'Failed'];

function podRow(next: () => number, uid: string): PodListRow {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const row = { uid, name: uid, namespace: pick(['a', 'b', 'c']), node: pick(['', 'n1', 'n2', 'n3']), phase: pick(PHASES), labels: {} } as PodListRow;
  if (next() < 0.2) row.deletionTimestamp = '2026-12-03T10:00:00Z';
  const cpu = pick([undefined, 5, 100, 250]);
  const memory = pick([undefined, 16 * 2 ** 20, 2 ** 30]);
  if (cpu || memory) row.requests = { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
  return row;
}

/** The totals from scratch, as plainly as possible: every pod of `pods`, key by key. */
function fromScratch<F extends Figures>(tally: PodTally<PodListRow, F>, pods: Iterable<PodListRow>): Map<string, Record<string, number>> {
  const totals = new Map<string, Record<string, number>>();
  for (const pod of pods) {
    const key = tally.keyOf(pod);
    if (key === undefined) continue;
    const sums = totals.get(key) ?? {};
    for (const [name, amount] of Object.entries(tally.figuresOf(pod))) sums[name] = (sums[name] ?? 0) + amount;
    totals.set(key, sums);
  }
  return totals;
}

function snapshot<F extends Figures>(index: PodTallies<PodListRow, F>): Map<string, Record<string, number>> {
  return new Map([...index.keys()].map((key) => [key, { ...index.get(key) }]));
}

describe('PodTallies', () => {
  const tallies: [string, PodTally<PodListRow, Figures>][] = [['node requests', nodeRequestsTally], ['namespace pod counts', namespacePodsTally]];
  for (const [name, tally] of tallies) {
    it(`${name}: the totals after random batches are those summed from scratch, and only changed keys get new objects`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const next = random(seed);
        const pods = new Map<string, PodListRow>();
        for (let i = 0; i < 20; i++) pods.set(`p${i}`, podRow(next, `p${i}`));
        const index = new PodTallies<PodListRow, Figures>(tally, pods.values());
        assert.deepEqual(snapshot(index), fromScratch(tally, pods.values()), `seed ${seed}, start`);
        let uids = 20;
        for (let batch = 0; batch < 30; batch++) {
          const before = new Map([...index.keys()].map((key) => [key, index.get(key)]));
          const events: WatchEvent<PodListRow>[] = [];
          for (let e = Math.floor(next() * 6); e >= 0; e--) {
            const known = [...pods.keys()];
            const roll = next();
            if (roll < 0.25 || known.length === 0) {
              const row = podRow(next, `p${uids++}`);
              pods.set(row.uid, row);
              events.push({ type: 'ADDED', object: row });
            } else if (roll < 0.45) {
              const uid = known[Math.floor(next() * known.length)];
              events.push({ type: 'DELETED', object: pods.get(uid)! });
              pods.delete(uid);
            } else if (roll < 0.55) {
              // A repeated ADDED (after a relist), a BOOKMARK, a DELETED of a pod not held: no change.
              const uid = known[Math.floor(next() * known.length)];
              events.push({ type: 'ADDED', object: pods.get(uid)! }, { type: 'BOOKMARK', object: pods.get(uid)! }, { type: 'DELETED', object: podRow(next, 'gone') });
            } else {
              const uid = known[Math.floor(next() * known.length)];
              const row = podRow(next, uid);
              pods.set(uid, row);
              events.push({ type: 'MODIFIED', object: row });
            }
          }
          const changed = index.apply(events);
          const want = fromScratch(tally, pods.values());
          assert.deepEqual(snapshot(index), want, `seed ${seed}, batch ${batch}`);
          for (const [key, figures] of before) if (!changed.has(key)) assert.equal(index.get(key), figures, `seed ${seed}, batch ${batch}: ${key} kept its object`);
          for (const key of want.keys()) if (!before.has(key)) assert.ok(changed.has(key), `seed ${seed}, batch ${batch}: ${key} is new`);
        }
      }
    });
  }

  it('a key no pod counts under any more has no totals, and a change that moves no figure changes no key', () => {
    const row = { uid: 'u', name: 'p', namespace: 'a', node: 'n1', phase: 'Running', labels: {} } as PodListRow;
    const index = new PodTallies(nodeRequestsTally, [row]);
    const figures = index.get('n1');
    assert.deepEqual(figures, { cpu: 0, memory: 0, pods: 1 });
    assert.equal(index.apply([{ type: 'MODIFIED', object: { ...row, labels: { tick: '1' } } }]).size, 0);
    assert.equal(index.get('n1'), figures);
    assert.deepEqual([...index.apply([{ type: 'MODIFIED', object: { ...row, phase: 'Succeeded' } }])], ['n1']);
    assert.equal(index.get('n1'), undefined);
    assert.deepEqual([...index.keys()], []);
  });
});
