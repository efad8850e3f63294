import type { DefaultEventsMap, Socket } from 'socket.io';
import type { z } from 'zod';
import { CLIENT_EVENTS, type ClientToServerEvents, type ServerToClientEvents } from '@/lib/contract/socket-events';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import { toStatus } from '@/lib/server/errors';
import { serverConsole } from './log/server-log';
import type { SocketData } from './socket-hub';

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
type ClientEvent = keyof typeof CLIENT_EVENTS;
type Spec<E extends ClientEvent> = (typeof CLIENT_EVENTS)[E];
type PayloadOf<E extends ClientEvent> = Spec<E>['payload'] extends z.ZodType ? z.output<Spec<E>['payload']> : undefined;
type Last<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
type ReplyOf<E extends ClientEvent> = Spec<E>['ack'] extends true ? Last<Parameters<ClientToServerEvents[E]>> : undefined;

/** The ack reply of a refused request: every event with both a payload and an ack answers `{ ok, status }`. */
const refusal = (status: K8sStatus) => ({ ok: false as const, status });

/**
 * Registers `handler` for a client event, behind the checks every event needs, so no handler trusts what a
 * client sent: the ack must be a function when the contract has one (an event without it has no one to
 * answer and is dropped), the payload must match the event's schema (refused with a 400 Status through the
 * ack), and a handler that throws or rejects answers a Status and is logged instead of becoming an
 * uncaughtException. socket.io passes the ack as the last argument when the client sent one.
 */
export function onClientEvent<E extends ClientEvent>(
  socket: HubSocket,
  event: E,
  handler: (payload: PayloadOf<E>, reply: ReplyOf<E>) => void | Promise<void>,
  log: Pick<Console, 'error'> = serverConsole,
): void {
  const spec: { payload: z.ZodType | null; ack: boolean } = CLIENT_EVENTS[event];
  const listener = (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (reply: unknown) => void) : undefined;
    if (spec.ack && !ack) return;
    let replied = false;
    const reply = (value: unknown) => {
      if (replied || !ack) return;
      replied = true;
      ack(value);
    };
    let payload: unknown;
    if (spec.payload) {
      const parsed = spec.payload.safeParse(args[0]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return reply(refusal(failureStatus({ code: 400, reason: 'BadRequest', message: `invalid ${event}: ${where}${issue?.message}` })));
      }
      payload = parsed.data;
    }
    const failed = (error: unknown) => {
      log.error(`socket event ${event} failed:`, error);
      if (spec.payload) reply(refusal(toStatus(error)));
    };
    try {
      const result = handler(payload as PayloadOf<E>, (spec.ack ? reply : undefined) as ReplyOf<E>);
      if (result instanceof Promise) result.catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  // The contract's typed `on` cannot express "any arguments"; the checks above are what make this safe.
  (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, listener);
}
