import { failureStatus, isStatus, type K8sStatus } from '@/lib/contract/status';
import { toStatus } from '@/lib/server/errors';
import { onClientEvent } from '../client-events';
import type { SocketHub } from '../socket-hub';
import { limitStatus, SOCKET_LIMITS } from '../socket-limits';
import type { WatchHub } from './watch-hub';
import { emitShared } from './shared-encoding';

const badRequest = (message: string): K8sStatus => failureStatus({ code: 400, reason: 'BadRequest', message });

/**
 * The `watch:*` socket events: a client subscribes to lists by an id it chooses and gets `watch:snapshot`,
 * then `watch:events` and `watch:status` under that id. Subscriptions end with `watch:unsubscribe` or when
 * the socket disconnects; a reconnecting client subscribes again and gets a fresh snapshot.
 */
export function attachWatchChannel(io: SocketHub, hub: WatchHub): void {
  io.on('connection', (socket) => {
    const subscriptions = new Map<string, (() => void) | 'starting'>();
    const leave = (id: string) => {
      const unsubscribe = subscriptions.get(id);
      subscriptions.delete(id);
      if (typeof unsubscribe === 'function') unsubscribe();
    };

    onClientEvent(socket, 'watch:subscribe', async ({ id, target }, reply) => {
      if (subscriptions.has(id)) return reply({ ok: false, status: badRequest(`subscription id ${JSON.stringify(id)} is already in use`) });
      if (subscriptions.size >= SOCKET_LIMITS.watchSubscriptions) return reply({ ok: false, status: limitStatus('watchSubscriptions') });
      subscriptions.set(id, 'starting');
      try {
        const unsubscribe = await hub.subscribe({
          target,
          identity: socket.data.identity,
          onAccepted: () => reply({ ok: true }),
          sink: {
            // Encoded once for every subscriber of the scope (shared-encoding.ts), not once per socket.
            snapshot: (items, resourceVersion, partial) => emitShared(socket, 'watch:snapshot', { id, items, resourceVersion, ...(partial ? { partial } : {}) }),
            events: (events, resourceVersion) => emitShared(socket, 'watch:events', { id, events, resourceVersion }),
            status: (state, extra) => socket.emit('watch:status', { id, state, ...extra }),
          },
        });
        // Unsubscribed or disconnected while the context was resolving: leave at once.
        if (subscriptions.get(id) !== 'starting' || socket.disconnected) unsubscribe();
        else subscriptions.set(id, unsubscribe);
      } catch (error) {
        subscriptions.delete(id);
        reply({ ok: false, status: isStatus(error) ? error : toStatus(error) });
      }
    });

    onClientEvent(socket, 'watch:unsubscribe', ({ id }) => leave(id));
    socket.on('disconnect', () => [...subscriptions.keys()].forEach(leave));
  });
}
