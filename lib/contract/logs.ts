import { z } from 'zod';
import { contextNameSchema } from '@/lib/contract/contexts';
import { subscriptionIdSchema } from '@/lib/contract/watch';
import type { K8sStatus } from '@/lib/contract/status';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** One container's log, with the options of `GET .../pods/{name}/log` that the console offers. */
export const logTargetSchema = z.object({
  context: contextNameSchema,
  namespace: z.string().max(63).regex(DNS_LABEL, 'namespace must be a DNS label'),
  pod: z.string().max(253).regex(DNS_SUBDOMAIN, 'pod name must be a DNS subdomain'),
  container: z.string().max(63).regex(DNS_LABEL, 'container name must be a DNS label').optional(),
  follow: z.boolean().default(false),
  tailLines: z.number().int().min(0).optional(),
  sinceSeconds: z.number().int().min(1).optional(),
  timestamps: z.boolean().default(false),
  previous: z.boolean().default(false),
});
export type LogTarget = z.input<typeof logTargetSchema>;
export type ParsedLogTarget = z.output<typeof logTargetSchema>;

export const logSubscribeSchema = z.object({ id: subscriptionIdSchema, target: logTargetSchema });
export type LogSubscribe = z.input<typeof logSubscribeSchema>;

/** Batches of lines in arrival order (`log:lines`): see `log-wire.ts`. The client acks each; at most two await their acks. */
export type { LogLines } from '@/lib/contract/log-wire';

/**
 * Why a log ended: `complete` (not following, everything was read), `container-stopped`, `pod-deleted`,
 * `unsubscribed` (the reader asked), or `upstream-closed` (the API server ended a follow while the container
 * still ran; subscribe again to continue).
 */
export type LogEndReason = 'complete' | 'container-stopped' | 'pod-deleted' | 'unsubscribed' | 'upstream-closed';

export interface LogEnd {
  id: string;
  reason: LogEndReason;
}

/** The log could not be read; `status` is the API server's (or the console's) Status. */
export interface LogError {
  id: string;
  status: K8sStatus;
}

export type LogSubscribeAck = { ok: true } | { ok: false; status: K8sStatus };
