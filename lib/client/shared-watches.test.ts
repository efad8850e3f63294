import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryClient } from '@tanstack/react-query';
import type { WatchTarget } from '@/lib/contract/watch';
import { watchedKey } from '@/lib/client/query-keys';
import { joinWatch, watchHealth } from '@/lib/client/shared-watches';
import type { WatchedList } from '@/lib/k8s/list-reducer';
import type { ConsoleSocket } from '@/lib/client/socket';

/** A socket that records what is emitted and lets the test play the server. */
function fakeSocket() {
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const emitted: { event: string; payload: { id: string } }[] = [];
  const socket = {
    connected: true,
    on: (event: string, handler: (...args: unknown[]) => void) => {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off: (event: string, handler: (...args: unknown[]) => void) => handlers.get(event)?.delete(handler),
    emit: (event: string, payload: { id: string }, ack?: (reply: unknown) => void) => {
      emitted.push({ event, payload });
      ack?.({ ok: true });
    },
  };
  const serve = (event: string, payload: unknown) => handlers.get(event)?.forEach((handler) => handler(payload));
  return { socket: socket as unknown as ConsoleSocket, emitted, serve };
}

const target: WatchTarget = { context: 'embedded', version: 'v1', resource: 'namespaces' };

test('every member of a page shares one subscription, its cache entry and its health', () => {
  const { socket, emitted, serve } = fakeSocket();
  const queryClient = new QueryClient();
  const header = joinWatch({ queryClient, socket, target });
  // The same target written in another order is the same list.
  const page = joinWatch({ queryClient, socket, target: { resource: 'namespaces', version: 'v1', context: 'embedded' } });
  const subscribes = emitted.filter((e) => e.event === 'watch:subscribe');
  assert.equal(subscribes.length, 1);
  assert.equal(page.health().state, 'connecting');

  let heard = 0;
  const stop = page.onHealth(() => heard++);
  const id = subscribes[0].payload.id;
  serve('watch:snapshot', { id, items: [{ metadata: { uid: 'a', name: 'default' } }], resourceVersion: '1' });
  assert.equal(header.health().state, 'live');
  assert.equal(watchHealth(queryClient, target).state, 'live');
  assert.equal(heard, 1);
  serve('watch:events', { id, events: [{ type: 'ADDED', object: { metadata: { uid: 'b', name: 'web' } } }], resourceVersion: '2' });
  const list = queryClient.getQueryData<WatchedList<{ metadata: { name: string; uid: string } }>>(watchedKey(target));
  assert.deepEqual(list?.items.toArray().map((item) => item.metadata.name), ['default', 'web']);
  stop();

  header.leave();
  header.leave(); // leaving twice counts once
  assert.equal(emitted.filter((e) => e.event === 'watch:unsubscribe').length, 0);
  page.leave();
  assert.deepEqual(emitted.filter((e) => e.event === 'watch:unsubscribe').map((e) => e.payload.id), [id]);
  assert.equal(watchHealth(queryClient, target).state, 'connecting');
});

test('another target, or another query client, has its own subscription', () => {
  const { socket, emitted } = fakeSocket();
  const queryClient = new QueryClient();
  const a = joinWatch({ queryClient, socket, target });
  const b = joinWatch({ queryClient, socket, target: { ...target, fieldSelector: 'metadata.name=default' } });
  const c = joinWatch({ queryClient: new QueryClient(), socket, target });
  assert.equal(emitted.filter((e) => e.event === 'watch:subscribe').length, 3);
  for (const member of [a, b, c]) member.leave();
  assert.equal(emitted.filter((e) => e.event === 'watch:unsubscribe').length, 3);
});

test('a refused subscription is an error with the server\'s Status', () => {
  const { socket } = fakeSocket();
  (socket as unknown as { emit: (e: string, p: unknown, ack: (r: unknown) => void) => void }).emit = (_event, _payload, ack) =>
    ack?.({ ok: false, status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 403, reason: 'Forbidden', message: 'namespaces is forbidden' } });
  const member = joinWatch({ queryClient: new QueryClient(), socket, target });
  assert.equal(member.health().state, 'error');
  assert.equal(member.health().error?.message, 'namespaces is forbidden');
  member.leave();
});

test('a tap hears the whole list, then each batch of events, and an empty list when it leaves', () => {
  const { socket, emitted, serve } = fakeSocket();
  const queryClient = new QueryClient();
  const heard: string[] = [];
  const names = (items: Iterable<{ metadata?: unknown }>) => Array.from(items, (item) => (item.metadata as { name: string }).name).join(',');
  const tapOf = (who: string) => ({
    reset: (items: Iterable<{ metadata?: unknown }>) => heard.push(`${who} reset [${names(items)}]`),
    apply: (events: readonly { type: string; object: { metadata?: unknown } }[]) => heard.push(`${who} apply ${events.map((e) => `${e.type} ${names([e.object])}`).join(',')}`),
  });
  const first = joinWatch({ queryClient, socket, target, tap: tapOf('first') });
  const id = emitted.find((e) => e.event === 'watch:subscribe')!.payload.id;
  // Events before the snapshot are ignored by the cache, and so by the taps.
  serve('watch:events', { id, events: [{ type: 'ADDED', object: { metadata: { uid: 'x', name: 'early' } } }], resourceVersion: '0' });
  serve('watch:snapshot', { id, items: [{ metadata: { uid: 'a', name: 'default' } }], resourceVersion: '1' });
  serve('watch:events', { id, events: [{ type: 'ADDED', object: { metadata: { uid: 'b', name: 'web' } } }], resourceVersion: '2' });
  // A tap joining later starts from what the cache holds.
  const second = joinWatch({ queryClient, socket, target, tap: tapOf('second') });
  serve('watch:events', { id, events: [{ type: 'DELETED', object: { metadata: { uid: 'a', name: 'default' } } }], resourceVersion: '3' });
  first.leave();
  second.leave();
  assert.deepEqual(heard, [
    'first reset [default]',
    'first apply ADDED web',
    'second reset [default,web]',
    'first apply DELETED default',
    'second apply DELETED default',
    'first reset []',
    'second reset []',
  ]);
});
