import { z } from 'zod';
import { contextNameSchema } from '@/lib/contract/contexts';
import { subscriptionIdSchema } from '@/lib/contract/watch';
import type { K8sStatus } from '@/lib/contract/status';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** An interactive exec session (`kubectl exec -it POD -c C -- COMMAND`) in a terminal of `cols` x `rows`. */
export const execOpenSchema = z.object({
  id: subscriptionIdSchema,
  target: z.object({
    context: contextNameSchema,
    namespace: z.string().max(63).regex(DNS_LABEL, 'namespace must be a DNS label'),
    pod: z.string().max(253).regex(DNS_SUBDOMAIN, 'pod name must be a DNS subdomain'),
    container: z.string().max(63).regex(DNS_LABEL, 'container name must be a DNS label'),
    command: z.array(z.string().min(1).max(4096)).min(1).max(64),
  }),
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export type ExecOpen = z.input<typeof execOpenSchema>;
export type ParsedExecOpen = z.output<typeof execOpenSchema>;

export type ExecOpenAck = { ok: true } | { ok: false; status: K8sStatus };

/** Keystrokes to the process (client to server) or terminal output (server to client). */
export const execDataSchema = z.object({ id: subscriptionIdSchema, data: z.string().max(65_536) });
export type ExecData = z.infer<typeof execDataSchema>;

export const execResizeSchema = z.object({ id: subscriptionIdSchema, cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) });
export type ExecResize = z.infer<typeof execResizeSchema>;

/**
 * How a session ended: the process `exited` (with its exit code), the exec `failed` (the API server's or
 * the kubelet's Status: no such container, the command could not start), or the browser `closed` it.
 */
export type ExecEnd = { id: string; reason: 'exited'; exitCode: number } | { id: string; reason: 'failed'; status: K8sStatus } | { id: string; reason: 'closed' };
