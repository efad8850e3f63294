import { execDataSchema, execOpenSchema, execResizeSchema } from '@/lib/contract/exec';
import { failureStatus } from '@/lib/contract/status';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { toStatus } from '@/lib/server/errors';
import type { SocketHub } from '../socket-hub';
import { startExecSession, type ExecSession } from './exec-session';

/**
 * The `exec:*` socket events: `exec:open` starts one `pods/exec` session for that browser tab (a TTY, as
 * `kubectl exec -it`); `exec:data` carries keystrokes up and terminal output down; `exec:resize` sends the
 * terminal's size; `exec:close` from the browser, or a disconnect, ends the session at once, and the server's
 * `exec:close` says how it ended (exit code, failure). The origin check is the socket hub's, as for every
 * event. In the cluster, exec is authorized as `create` on `pods/exec` for the context's user.
 */
export function attachExecChannel(io: SocketHub, resolveContext: (name: string) => Promise<ResolvedContext>): void {
  io.on('connection', (socket) => {
    const sessions = new Map<string, ExecSession | 'starting'>();

    socket.on('exec:open', async (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      const parsed = execOpenSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return reply({ ok: false, status: failureStatus({ code: 400, reason: 'BadRequest', message: `invalid exec:open: ${issue?.path.join('.')}: ${issue?.message}` }) });
      }
      const { id, target } = parsed.data;
      if (sessions.has(id)) {
        return reply({ ok: false, status: failureStatus({ code: 400, reason: 'BadRequest', message: `session id ${JSON.stringify(id)} is already in use` }) });
      }
      sessions.set(id, 'starting');
      let context: ResolvedContext;
      try {
        context = await resolveContext(target.context);
      } catch (error) {
        sessions.delete(id);
        return reply({ ok: false, status: toStatus(error) });
      }
      if (sessions.get(id) !== 'starting' || socket.disconnected) {
        sessions.delete(id);
        return reply({ ok: false, status: failureStatus({ code: 409, reason: 'Conflict', message: 'closed before the session started' }) });
      }
      reply({ ok: true });
      const session = startExecSession({
        kubeConfig: context.kubeConfig,
        request: parsed.data,
        sink: {
          data: (data) => socket.emit('exec:data', { id, data }),
          end: (end) => {
            sessions.delete(id);
            socket.emit('exec:close', { id, ...end });
          },
        },
      });
      sessions.set(id, session);
    });

    const live = (id: unknown) => {
      const session = typeof id === 'string' ? sessions.get(id) : undefined;
      return session === 'starting' ? undefined : session;
    };
    socket.on('exec:data', (data) => {
      const parsed = execDataSchema.safeParse(data);
      if (parsed.success) live(parsed.data.id)?.write(parsed.data.data);
    });
    socket.on('exec:resize', (resize) => {
      const parsed = execResizeSchema.safeParse(resize);
      if (parsed.success) live(parsed.data.id)?.resize(parsed.data.cols, parsed.data.rows);
    });
    socket.on('exec:close', (request) => {
      const id = request?.id;
      const session = live(id);
      if (typeof id === 'string') sessions.delete(id);
      session?.close();
    });
    socket.on('disconnect', () => {
      for (const session of sessions.values()) if (session !== 'starting') session.close();
      sessions.clear();
    });
  });
}
