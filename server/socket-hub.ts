import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@/lib/contract/socket-events';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import { onClientEvent } from './client-events';

export type SocketHub = Server<ClientToServerEvents, ServerToClientEvents>;

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

export function attachSocketHub(httpServer: HttpServer, version: string, hosts: HostPolicy): SocketHub {
  const io: SocketHub = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // Next's dev server handles its own WebSocket upgrades on the same listener; leave those alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isConsoleHandshake(req, hosts)),
  });
  io.on('connection', (socket) => {
    socket.emit('server:hello', { version, connectedAt: new Date().toISOString() });
    onClientEvent(socket, 'server:ping', (_payload, reply) => reply({ at: new Date().toISOString() }));
  });
  return io;
}
