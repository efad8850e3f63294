/**
 * The legacy upgrade to SPDY/3.1 (apimachinery httpstream.Handshake and spdy's upgrader): the client
 * sends `Upgrade: SPDY/3.1` with the stream protocols it speaks in `X-Stream-Protocol-Version`; the
 * server picks the first one it supports and switches, or answers 403 naming what it accepts.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, badRequest } from '../status';

/** Switches the socket to SPDY; returns the raw transport (bytes already read put back). */
export function acceptSpdyUpgrade(options: { req: IncomingMessage; socket: Duplex; head: Buffer; protocols: string[] }): Duplex {
  const { req, socket, head, protocols } = options;
  if (String(req.headers.upgrade ?? '').toLowerCase() !== 'spdy/3.1') throw badRequest('Upgrade request required');
  const offered = String(req.headers['x-stream-protocol-version'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const chosen = offered.find((p) => protocols.includes(p));
  if (!chosen) {
    throw new ApiError(403, 'Forbidden', `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server supports [${protocols.join(' ')}]`);
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${chosen}\r\nDate: ${new Date().toUTCString()}\r\n\r\n`);
  if (head.length > 0) socket.unshift(head);
  return socket;
}
