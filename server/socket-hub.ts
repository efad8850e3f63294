import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type DefaultEventsMap } from 'socket.io';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@/lib/contract/socket-events';
import type { Identity } from '@/lib/server/auth/identity';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import { onClientEvent } from './client-events';

/** What the server knows about a socket: in a team mode, who opened it and under which session. */
export interface SocketData {
  identity?: Identity;
  /** token mode: the session the handshake's cookie carried (its sockets close when it ends). */
  sessionId?: string;
}

export type SocketHub = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;

/**
 * The handshake must be addressed to one of the console's names (a DNS-rebinding page is not) and, from a
 * browser, come from one of its origins: browsers send Origin on WebSocket and XHR, and a page on another
 * site must not reach cluster data. Without Origin it is not a browser (a CLI or a test client).
 */
export function isConsoleHandshake(req: IncomingMessage, hosts: HostPolicy): boolean {
  if (hosts.refusal({ headers: req.headers, remoteAddress: req.socket.remoteAddress })) return false;
  const origin = req.headers.origin;
  return origin === undefined || hosts.isAllowedOrigin(origin);
}

/**
 * `authenticate` (team modes) must also accept the handshake: without a session no socket opens, and the
 * session is then the socket's for as long as it lives (see server/auth/socket-sessions.ts).
 */
export function attachSocketHub(httpServer: HttpServer, version: string, hosts: HostPolicy, authenticate?: (req: IncomingMessage) => Promise<boolean>): SocketHub {
  const io: SocketHub = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // WebSocket only, as the console's client connects: long polling is a series of requests that must all
    // reach the replica holding its session id, so it would need sticky sessions in front of two replicas
    // (a request on the other one fails with "Session ID unknown"). One WebSocket is one connection to one
    // replica. Polling requests get engine.io's 400 "Transport unknown".
    transports: ['websocket'],
    // Next's dev server handles its own WebSocket upgrades on the same listener; leave those alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      if (!isConsoleHandshake(req, hosts)) return callback(null, false);
      if (!authenticate) return callback(null, true);
      authenticate(req).then(
        (ok) => callback(ok ? null : 'a session is required: log in first', ok),
        () => callback('a session is required: log in first', false),
      );
    },
  });
  io.on('connection', (socket) => {
    socket.emit('server:hello', { version, connectedAt: new Date().toISOString() });
    onClientEvent(socket, 'server:ping', (_payload, reply) => reply({ at: new Date().toISOString() }));
  });
  return io;
}
