import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import { projectingSink, type SubscriberSink } from './subscriber-view';

const object = (uid: string, name: string) => ({ metadata: { uid, name, resourceVersion: '7' }, spec: { big: 'x'.repeat(100) } });
const project = (o: unknown) => {
  const meta = (o as ReturnType<typeof object>).metadata;
  return { uid: meta.uid, name: meta.name };
};

test('a projecting sink sends rows in snapshots and events, statuses as they are', () => {
  const sent: { snapshot?: [ListItem[], string, boolean]; events?: [WatchEvent[], string]; status?: unknown[] } = {};
  const out: SubscriberSink = {
    snapshot: (items, rv, partial) => (sent.snapshot = [items, rv, partial]),
    events: (events, rv) => (sent.events = [events, rv]),
    status: (...args) => (sent.status = args),
  };
  const sink = projectingSink(out, project);
  sink.snapshot([object('1', 'a'), object('2', 'b')], '10', false);
  assert.deepEqual(sent.snapshot, [[{ uid: '1', name: 'a' }, { uid: '2', name: 'b' }], '10', false]);
  sink.events([{ type: 'ADDED', object: object('3', 'c') }, { type: 'DELETED', object: object('1', 'a') }], '11');
  assert.deepEqual(sent.events, [[{ type: 'ADDED', object: { uid: '3', name: 'c' } }, { type: 'DELETED', object: { uid: '1', name: 'a' } }], '11']);
  sink.status('reconnecting', { retryInMs: 500 });
  assert.deepEqual(sent.status, ['reconnecting', { retryInMs: 500 }]);
});

test('subscribers handed the same list get the same projected list, so its encoding is shared', () => {
  const got: { items: ListItem[][]; events: WatchEvent[][] } = { items: [], events: [] };
  const out: SubscriberSink = { snapshot: (items) => got.items.push(items), events: (events) => got.events.push(events), status: () => undefined };
  const [a, b] = [projectingSink(out, project), projectingSink(out, project)];
  const items = [object('1', 'a')];
  const events: WatchEvent[] = [{ type: 'MODIFIED', object: object('2', 'b') }];
  for (const sink of [a, b]) {
    sink.snapshot(items, '1', false);
    sink.events(events, '2');
  }
  assert.equal(got.items[0], got.items[1]);
  assert.equal(got.events[0], got.events[1]);
  // Another list with equal contents is projected anew: a list is not compared by value.
  a.events([...events], '3');
  assert.notEqual(got.events[2], got.events[0]);
  assert.deepEqual(got.events[2], got.events[0]);
});
