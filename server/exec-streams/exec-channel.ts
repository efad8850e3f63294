import { failureStatus } from '@/lib/contract/status';
import type { Identity } from '@/lib/server/auth/identity';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { toStatus } from '@/lib/server/errors';
import { onClientEvent } from '../client-events';
import type { SocketHub } from '../socket-hub';
import { limitStatus, SOCKET_LIMITS } from '../socket-limits';
import type { PendingWrite, WriteGuard } from '../writes/write-guard';
import { startExecSession, type ExecSession } from './exec-session';

/**
 * The `exec:*` socket events: `exec:open` starts one `pods/exec` session for that browser tab (a TTY, as
 * `kubectl exec -it`); `exec:data` carries keystrokes up and terminal output down; `exec:resize` sends the
 * terminal's size; `exec:close` from the browser, or a disconnect, ends the session at once, and the server's
 * `exec:close` says how it ended (exit code, failure). Payloads and acks are checked by `onClientEvent` and the origin by the socket hub, as for every
 * event. In the cluster, exec is authorized as `create` on `pods/exec` for the context's user.
 */
export function attachExecChannel(
  io: SocketHub,
  resolveContext: (name: string, identity?: Identity) => Promise<ResolvedContext>,
  writes?: Pick<WriteGuard, 'begin'>,
): void {
  io.on('connection', (socket) => {
    const sessions = new Map<string, ExecSession | 'starting'>();

    onClientEvent(socket, 'exec:open', async (request, reply) => {
      const { id, target } = request;
      if (sessions.has(id)) {
        return reply({ ok: false, status: failureStatus({ code: 400, reason: 'BadRequest', message: `session id ${JSON.stringify(id)} is already in use` }) });
      }
      if (sessions.size >= SOCKET_LIMITS.execSessions) return reply({ ok: false, status: limitStatus('execSessions') });
      sessions.set(id, 'starting');
      let context: ResolvedContext;
      // An exec is a write (`create` on `pods/exec`): refused when read-only, rate limited and audited.
      let pending: PendingWrite | undefined;
      try {
        pending = await writes?.begin({
          identity: socket.data.identity,
          target: { context: target.context, verb: 'create', apiGroup: '', apiVersion: 'v1', resource: 'pods', subresource: 'exec', namespace: target.namespace, name: target.pod },
        });
        context = await resolveContext(target.context, socket.data.identity);
      } catch (error) {
        sessions.delete(id);
        const status = toStatus(error);
        pending?.finish(status.code ?? 500);
        return reply({ ok: false, status });
      }
      if (sessions.get(id) !== 'starting' || socket.disconnected) {
        sessions.delete(id);
        pending?.finish(409);
        return reply({ ok: false, status: failureStatus({ code: 409, reason: 'Conflict', message: 'closed before the session started' }) });
      }
      reply({ ok: true });
      const session = startExecSession({
        kubeConfig: context.kubeConfig,
        request,
        sink: {
          data: (data) => socket.emit('exec:data', { id, data }),
          end: (end) => {
            // The session's outcome is its audit code: a refused upgrade carries the API server's Status.
            pending?.finish(end.reason === 'failed' ? (end.status.code ?? 500) : 101);
            sessions.delete(id);
            socket.emit('exec:close', { id, ...end });
          },
        },
      });
      sessions.set(id, session);
    });

    const live = (id: string) => {
      const session = sessions.get(id);
      return session === 'starting' ? undefined : session;
    };
    onClientEvent(socket, 'exec:data', ({ id, data }) => live(id)?.write(data));
    onClientEvent(socket, 'exec:resize', ({ id, cols, rows }) => live(id)?.resize(cols, rows));
    onClientEvent(socket, 'exec:close', ({ id }) => {
      const session = live(id);
      sessions.delete(id);
      session?.close();
    });
    socket.on('disconnect', () => {
      for (const session of sessions.values()) if (session !== 'starting') session.close();
      sessions.clear();
    });
  });
}
