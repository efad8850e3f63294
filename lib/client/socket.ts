'use client';

import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@/lib/contract/socket-events';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ConsoleSocket | undefined;

/** One socket per tab, shared by every live view: the server multiplexes channels over it. */
export function getSocket(): ConsoleSocket {
  socket ??= io({ path: SOCKET_PATH, transports: ['websocket', 'polling'] });
  return socket;
}
