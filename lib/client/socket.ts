'use client';

import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@/lib/contract/socket-events';
import { channelChecked, channelConnected, channelFailed, channelLost, channelRetrying, DOWN_AFTER_MS, initialChannel, type ChannelState } from '@/lib/client/live-channel';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_TIMEOUT_MS = 8000;

let socket: ConsoleSocket | undefined;
let channel: ChannelState = { status: 'connecting', attempts: 0 };
const listeners = new Set<() => void>();
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;

function setChannel(next: ChannelState) {
  channel = next;
  for (const listener of listeners) listener();
  clearTimeout(checkTimer);
  // Wakes up when the grace period ends, to say "down" even while an attempt hangs.
  if (next.status === 'connecting' && next.downSince !== undefined) {
    checkTimer = setTimeout(() => setChannel(channelChecked(channel, Date.now())), Math.max(0, next.downSince + DOWN_AFTER_MS - Date.now()));
  }
}

function attempt(current: ConsoleSocket) {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  if (current.connected) return;
  setChannel(channelRetrying(channel));
  // Drops an attempt that may still hang (connect() alone would wait for it), then starts afresh.
  current.disconnect();
  current.connect();
}

function scheduleRetry(current: ConsoleSocket) {
  clearTimeout(retryTimer);
  const at = channel.nextRetryAt;
  if (at !== undefined) retryTimer = setTimeout(() => attempt(current), Math.max(0, at - Date.now()));
}

function track(current: ConsoleSocket) {
  setChannel(initialChannel(Date.now()));
  current.on('connect', () => {
    clearTimeout(retryTimer);
    setChannel(channelConnected());
  });
  current.on('connect_error', (error) => {
    setChannel(channelFailed(channel, { error: error.message, now: Date.now() }));
    scheduleRetry(current);
  });
  current.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    setChannel(channelLost(Date.now(), reason));
    scheduleRetry(current);
  });
}

/**
 * One socket per tab, shared by every live view: the server multiplexes channels over it. It reconnects
 * on the schedule of `live-channel.ts`, which the page shows, rather than socket.io's hidden one.
 */
export function getSocket(): ConsoleSocket {
  if (!socket) {
    // An attempt nobody answers (a proxy holding the upgrade) fails after CONNECT_TIMEOUT_MS instead of socket.io's 20 s.
    // WebSocket only: long polling is a series of HTTP requests that must all reach the replica holding its
    // session id, which needs sticky sessions; one WebSocket is one TCP connection to one replica. A proxy
    // that blocks upgrades shows as a channel that cannot connect, which the page explains (channel-down.tsx).
    socket = io({ path: SOCKET_PATH, transports: ['websocket'], reconnection: false, timeout: CONNECT_TIMEOUT_MS });
    track(socket);
  }
  return socket;
}

/** The live channel's state, for `useSyncExternalStore`. */
export function readChannel(): ChannelState {
  getSocket();
  return channel;
}

export function subscribeChannel(listener: () => void): () => void {
  getSocket();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Closes the live channel for good (logout): no retry follows a client disconnect. */
export function closeChannel(): void {
  clearTimeout(retryTimer);
  socket?.disconnect();
}

/** Tries to connect now instead of at the next scheduled attempt. */
export function retryChannelNow(): void {
  attempt(getSocket());
}
