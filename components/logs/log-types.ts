import type { LogEndReason } from '@/lib/contract/logs';
import type { K8sStatus } from '@/lib/contract/status';

/**
 * The options of `GET …/pods/{name}/log` the viewer offers, named as in `LogTarget`
 * (`lib/contract/logs`), so the page maps them onto a subscription one to one.
 */
export interface LogViewOptions {
  /** kubectl's `-c`. */
  container?: string;
  follow: boolean;
  /** Absent for the whole log. */
  tailLines?: number;
  timestamps: boolean;
  previous: boolean;
}

/**
 * Where the stream is: `idle` before anything was asked (no container yet), `connecting` until the first
 * batch or end, `streaming`, `ended` with the contract's reason, or `error` with the server's Status.
 */
export type LogStreamStatus =
  | { state: 'idle' }
  | { state: 'connecting' }
  | { state: 'streaming' }
  | { state: 'ended'; reason: LogEndReason }
  | { state: 'error'; status: K8sStatus };

/** A container the picker offers; init and ephemeral containers are grouped apart, as kubectl lists them. */
export interface LogContainer {
  name: string;
  kind?: 'init' | 'app' | 'ephemeral';
}
