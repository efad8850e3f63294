import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@/lib/contract/socket-events';
import { onClientEvent } from './client-events';

export type SocketHub = Server<ClientToServerEvents, ServerToClientEvents>;

/** Browsers send Origin on WebSocket and XHR; a page on another site must not reach cluster data. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // Not a browser (a test client or a CLI): nothing cross-site to guard against.
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function attachSocketHub(httpServer: HttpServer, version: string): SocketHub {
  const io: SocketHub = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // Next's dev server handles its own WebSocket upgrades on the same listener; leave those alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });
  io.on('connection', (socket) => {
    socket.emit('server:hello', { version, connectedAt: new Date().toISOString() });
    onClientEvent(socket, 'server:ping', (_payload, reply) => reply({ at: new Date().toISOString() }));
  });
  return io;
}
