import { z } from 'zod';
import type { ListItem } from '@/lib/k8s/list-reducer';
import { execDataSchema, execOpenSchema, execResizeSchema, type ExecData, type ExecEnd, type ExecOpen, type ExecOpenAck, type ExecResize } from '@/lib/contract/exec';
import { logSubscribeSchema, type LogEnd, type LogError, type LogLines, type LogSubscribe, type LogSubscribeAck } from '@/lib/contract/logs';
import {
  subscriptionIdSchema,
  watchSubscribeSchema,
  type WatchEventBatch,
  type WatchSnapshot,
  type WatchStatus,
  type WatchSubscribe,
  type WatchSubscribeAck,
} from '@/lib/contract/watch';

/**
 * The socket.io wire between the browser and the console's server. Event names are `noun:verb`.
 * Payload schemas and shapes live in `watch.ts`, `logs.ts` and `exec.ts`.
 */
export interface ServerToClientEvents {
  /** Sent once after connecting, so the page can show that the live channel works. */
  'server:hello': (info: { version: string; connectedAt: string }) => void;
  /** The full list for a subscription, after subscribing and again after every upstream recovery. */
  'watch:snapshot': (snapshot: WatchSnapshot<ListItem>) => void;
  /** Batched changes since the snapshot, in order. */
  'watch:events': (batch: WatchEventBatch<ListItem>) => void;
  'watch:status': (status: WatchStatus) => void;
  /** A batch of log lines; at most two batches await this ack at once (backpressure). */
  'log:lines': (lines: LogLines, ack: () => void) => void;
  'log:end': (end: LogEnd) => void;
  'log:error': (error: LogError) => void;
  /** Terminal output of an exec session (stdout; with a TTY stderr is merged into it). */
  'exec:data': (data: ExecData) => void;
  /** The session is over; nothing more comes for this id. */
  'exec:close': (end: ExecEnd) => void;
}

export interface ClientToServerEvents {
  'server:ping': (ack: (reply: { at: string }) => void) => void;
  'watch:subscribe': (request: WatchSubscribe, ack: (reply: WatchSubscribeAck) => void) => void;
  'watch:unsubscribe': (request: Unsubscribe) => void;
  'log:subscribe': (request: LogSubscribe, ack: (reply: LogSubscribeAck) => void) => void;
  'log:unsubscribe': (request: Unsubscribe) => void;
  'exec:open': (request: ExecOpen, ack: (reply: ExecOpenAck) => void) => void;
  'exec:data': (data: ExecData) => void;
  'exec:resize': (resize: ExecResize) => void;
  /** The browser ends the session (tab closed, Disconnect). */
  'exec:close': (request: Unsubscribe) => void;
}

export const unsubscribeSchema = z.object({ id: subscriptionIdSchema });
export type Unsubscribe = z.input<typeof unsubscribeSchema>;

/**
 * What the server checks on every client event before its handler runs: the payload's schema (`null` when
 * the event carries none) and whether the client must send an ack callback. One row per event of
 * `ClientToServerEvents`, so a new event cannot be added without saying how it is checked.
 */
export const CLIENT_EVENTS = {
  'server:ping': { payload: null, ack: true },
  'watch:subscribe': { payload: watchSubscribeSchema, ack: true },
  'watch:unsubscribe': { payload: unsubscribeSchema, ack: false },
  'log:subscribe': { payload: logSubscribeSchema, ack: true },
  'log:unsubscribe': { payload: unsubscribeSchema, ack: false },
  'exec:open': { payload: execOpenSchema, ack: true },
  'exec:data': { payload: execDataSchema, ack: false },
  'exec:resize': { payload: execResizeSchema, ack: false },
  'exec:close': { payload: unsubscribeSchema, ack: false },
} as const satisfies Record<keyof ClientToServerEvents, { payload: z.ZodType | null; ack: boolean }>;

/** Path socket.io is served on; the same constant on both sides. */
export const SOCKET_PATH = '/socket.io/';
