import { failureStatus } from '@/lib/contract/status';
import type { Identity } from '@/lib/server/auth/identity';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { toStatus } from '@/lib/server/errors';
import { onClientEvent } from '../client-events';
import type { SocketHub } from '../socket-hub';
import { limitStatus, SOCKET_LIMITS } from '../socket-limits';
import { startLogStream } from './log-stream';

/**
 * The `log:*` socket events: `log:subscribe` opens one upstream log request for that reader; lines come as
 * `log:lines` (binary batches of whole lines, `lib/contract/log-wire.ts`), each batch acked by the client, at most two unacked; `log:end` or `log:error` closes it.
 * `log:unsubscribe` or a disconnect closes the upstream request at once.
 */
export function attachLogChannel(io: SocketHub, resolveContext: (name: string, identity?: Identity) => Promise<ResolvedContext>): void {
  io.on('connection', (socket) => {
    const streams = new Map<string, { stop(reason?: 'unsubscribed' | 'disconnected'): void } | 'starting'>();

    onClientEvent(socket, 'log:subscribe', async ({ id, target }, reply) => {
      if (streams.has(id)) {
        return reply({ ok: false, status: failureStatus({ code: 400, reason: 'BadRequest', message: `subscription id ${JSON.stringify(id)} is already in use` }) });
      }
      if (streams.size >= SOCKET_LIMITS.logStreams) return reply({ ok: false, status: limitStatus('logStreams') });
      streams.set(id, 'starting');
      let context: ResolvedContext;
      try {
        context = await resolveContext(target.context, socket.data.identity);
      } catch (error) {
        streams.delete(id);
        return reply({ ok: false, status: toStatus(error) });
      }
      if (streams.get(id) !== 'starting' || socket.disconnected) return reply({ ok: false, status: failureStatus({ code: 409, reason: 'Conflict', message: 'unsubscribed before the log started' }) });
      reply({ ok: true });
      const stream = startLogStream({
        kubeConfig: context.kubeConfig,
        target,
        sink: {
          lines: (data) => new Promise<void>((resolve) => socket.emit('log:lines', { id, data }, () => resolve())),
          end: (reason) => {
            streams.delete(id);
            socket.emit('log:end', { id, reason });
          },
          error: (status) => {
            streams.delete(id);
            socket.emit('log:error', { id, status });
          },
        },
      });
      streams.set(id, stream);
    });

    onClientEvent(socket, 'log:unsubscribe', ({ id }) => {
      const stream = streams.get(id);
      if (!stream) return;
      streams.delete(id);
      if (stream !== 'starting') stream.stop('unsubscribed');
    });

    socket.on('disconnect', () => {
      for (const stream of streams.values()) if (stream !== 'starting') stream.stop('disconnected');
      streams.clear();
    });
  });
}
