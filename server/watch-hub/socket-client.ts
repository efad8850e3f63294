import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { reduceList, watchedList, type ListItem, type WatchedList } from '@/lib/k8s/list-reducer';
import type { ExecEnd, ExecOpen } from '@/lib/contract/exec';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/socket-events';
import type { WatchStatus, WatchSubscribeAck, WatchTarget } from '@/lib/contract/watch';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client as the console's pages open it (same origin, WebSocket; `extraHeaders` e.g. a session cookie). */
export async function connectSocket(url: string, extraHeaders: Record<string, string> = {}): Promise<TestSocket> {
  const socket: TestSocket = io(url, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: url, ...extraHeaders }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** An object, or a row of a `rows` view (its name at the top). */
type Obj = ListItem & { metadata?: { name?: string; uid?: string; resourceVersion?: string; labels?: Record<string, string> } | null; name?: string };

/** What one subscription received, and the list it adds up to (through the shared reducer). */
export interface Recording {
  ack: WatchSubscribeAck;
  snapshots: number;
  statuses: WatchStatus[];
  batches: number;
  /** The list so far (the reducer's, as an array). */
  list?: { items: readonly Obj[]; resourceVersion: string };
  names(): string[];
  /** Resolves once `predicate` holds, checked after every message. */
  until(predicate: (r: Recording) => boolean, timeoutMs?: number): Promise<void>;
}

/** Subscribes `socket` to `target` under `id` and records every message for it. */
export async function recordWatch(socket: TestSocket, id: string, target: WatchTarget): Promise<Recording> {
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  let watched: WatchedList<Obj> | undefined;
  const keep = (list: WatchedList<Obj>) => {
    watched = list;
    recording.list = { items: list.items.toArray(), resourceVersion: list.resourceVersion };
  };
  const recording: Recording = {
    ack: { ok: true },
    snapshots: 0,
    statuses: [],
    batches: 0,
    names: () => (recording.list?.items ?? []).map((o) => o.metadata?.name ?? o.name ?? '').sort(),
    until: (predicate, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(recording)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; have ${JSON.stringify({ names: recording.names(), snapshots: recording.snapshots, statuses: recording.statuses })}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
  socket.on('watch:snapshot', (s) => {
    if (s.id !== id) return;
    recording.snapshots++;
    keep(watchedList(s.items as Obj[], s.resourceVersion));
    notify();
  });
  socket.on('watch:events', (b) => {
    if (b.id !== id || !watched) return;
    recording.batches++;
    keep(reduceList(watched, b.events as never, b.resourceVersion));
    notify();
  });
  socket.on('watch:status', (s) => {
    if (s.id !== id) return;
    recording.statuses.push(s);
    notify();
  });
  recording.ack = await socket.timeout(10_000).emitWithAck('watch:subscribe', { id, target });
  return recording;
}

/** What an exec session printed and how it ended, as the socket hears it. */
export interface ExecRecording {
  output: string;
  end?: ExecEnd;
}

/** Opens an exec session (80x24) and records it; the ack must be `{ ok: true }`. */
export async function recordExec(socket: TestSocket, target: ExecOpen['target']): Promise<ExecRecording> {
  const seen: ExecRecording = { output: '' };
  socket.on('exec:data', (data) => (seen.output += data.data));
  socket.on('exec:close', (end) => (seen.end = end));
  assert.deepEqual(await socket.timeout(10_000).emitWithAck('exec:open', { id: 'x', target, cols: 80, rows: 24 }), { ok: true });
  return seen;
}
