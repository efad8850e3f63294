'use client';

import type { ConsoleSocket } from '@/lib/client/socket';
import type { WatchEventBatch, WatchSnapshot, WatchStatus, WatchSubscribeAck, WatchTarget } from '@/lib/contract/watch';

/** What one live list hears from the BFF. */
export interface WatchHandlers {
  snapshot(snapshot: WatchSnapshot): void;
  events(batch: WatchEventBatch): void;
  status(status: WatchStatus | { id: string; state: 'refused'; ack: Extract<WatchSubscribeAck, { ok: false }> }): void;
}

let nextId = 0;

/**
 * Subscribes one target on the shared socket and re-subscribes after every reconnect (the server forgets
 * a socket's subscriptions when it drops, and a fresh snapshot replaces whatever was held). Returns the
 * function that unsubscribes.
 */
export function subscribeWatch(socket: ConsoleSocket, target: WatchTarget, handlers: WatchHandlers): () => void {
  const id = `w${++nextId}`;
  const onSnapshot = (s: WatchSnapshot) => s.id === id && handlers.snapshot(s);
  const onEvents = (b: WatchEventBatch) => b.id === id && handlers.events(b);
  const onStatus = (s: WatchStatus) => s.id === id && handlers.status(s);
  const subscribe = () => {
    socket.emit('watch:subscribe', { id, target }, (ack) => {
      if (!ack.ok) handlers.status({ id, state: 'refused', ack });
    });
  };
  socket.on('watch:snapshot', onSnapshot);
  socket.on('watch:events', onEvents);
  socket.on('watch:status', onStatus);
  socket.on('connect', subscribe);
  if (socket.connected) subscribe();
  return () => {
    socket.off('watch:snapshot', onSnapshot);
    socket.off('watch:events', onEvents);
    socket.off('watch:status', onStatus);
    socket.off('connect', subscribe);
    if (socket.connected) socket.emit('watch:unsubscribe', { id });
  };
}
