/**
 * The state of the live channel (the tab's one socket.io connection) and its retries. socket.io's own
 * reconnection is off: its next attempt is not observable, and a user waiting on a broken channel is owed
 * a countdown and a "Retry now". The schedule and the state changes are pure; `trackChannel` wires them
 * to a socket and a clock.
 */

/** Connected; still trying (the first seconds, which need no alarm); or down long enough to say so. */
export type ChannelStatus = 'connecting' | 'live' | 'down';

export interface ChannelState {
  status: ChannelStatus;
  /** When the channel was last lost (or first tried); absent while live. */
  downSince?: number;
  /** What the last attempt failed with, in socket.io's words (`websocket error`, `timeout`). */
  error?: string;
  /** Failed attempts since the channel was lost. */
  attempts: number;
  /** When the next attempt starts; absent while one is under way or while live. */
  nextRetryAt?: number;
}

/** How long a channel may be connecting before the page says it is down. */
export const DOWN_AFTER_MS = 4000;

/** 1 s, 2 s, 4 s, 8 s, then every 10 s: quick when a server restarts, never flooding one that is gone. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** Whole seconds until `at`, for the countdown (never below 0). */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export const initialChannel = (now: number): ChannelState => ({ status: 'connecting', downSince: now, attempts: 0 });

export const channelConnected = (): ChannelState => ({ status: 'live', attempts: 0 });

/** An attempt failed: count it and schedule the next. */
export function channelFailed(state: ChannelState, options: { error: string; now: number }): ChannelState {
  const attempts = state.attempts + 1;
  const downSince = state.downSince ?? options.now;
  return {
    status: options.now - downSince >= DOWN_AFTER_MS ? 'down' : 'connecting',
    downSince,
    error: options.error,
    attempts,
    nextRetryAt: options.now + retryDelayMs(attempts),
  };
}

/** A live channel dropped: try again at once (a restart of the server is the common cause). */
export function channelLost(now: number, reason: string): ChannelState {
  return { status: 'connecting', downSince: now, error: reason, attempts: 0, nextRetryAt: now };
}

/** An attempt starts now. */
export const channelRetrying = (state: ChannelState): ChannelState => ({ ...state, nextRetryAt: undefined });

/** The grace period is over without a connection. */
export function channelChecked(state: ChannelState, now: number): ChannelState {
  if (state.status !== 'connecting' || state.downSince === undefined || now - state.downSince < DOWN_AFTER_MS) return state;
  return { ...state, status: 'down' };
}
