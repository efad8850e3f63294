/**
 * The shape of a pod description: what `kubectl describe pod` prints, as data a page can lay out
 * (sections, nested rows, tables) instead of tab-aligned text. Every value is plain text.
 */

/** One `Label: value` line; `value` is a list when kubectl continues it on following lines. */
export interface DescribeRow {
  label: string;
  value: string | readonly string[];
  /** Lines kubectl indents under this one (State -> Started, Limits -> cpu). */
  children?: DescribeRow[];
}

/** A container block; `state` and `reason` repeat the State row for a badge. */
export interface DescribeContainer {
  name: string;
  state?: 'Running' | 'Waiting' | 'Terminated';
  /** The state's reason, e.g. `CrashLoopBackOff`, `Completed`. */
  reason?: string;
  ready?: boolean;
  restartCount?: number;
  rows: DescribeRow[];
}

/** One line of the Conditions table. kubectl prints Type and Status; the rest is shown as detail. */
export interface DescribeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  /** Age of `lastTransitionTime`, e.g. `5m`. */
  lastTransition?: string;
}

/** One line of the Events table. */
export interface DescribeEvent {
  /** Stable React key: the event's uid or name. */
  key: string;
  type: string;
  reason: string;
  /** `5m`, or `2m (x3 over 10m)` for a repeated event. */
  age: string;
  from: string;
  message: string;
}

export interface DescribeVolume {
  name: string;
  rows: DescribeRow[];
}

/** The whole description, in kubectl's order. */
export interface PodDescription {
  /** Name through NominatedNodeName. */
  header: DescribeRow[];
  initContainers: DescribeContainer[];
  containers: DescribeContainer[];
  ephemeralContainers: DescribeContainer[];
  /** Readiness gates and their condition status (`<none>` when no condition reports yet). */
  readinessGates: { type: string; status: string }[];
  conditions: DescribeCondition[];
  volumes: DescribeVolume[];
  /** QoS Class, Node-Selectors, Tolerations. */
  footer: DescribeRow[];
  /** Oldest first, as kubectl sorts them. */
  events: DescribeEvent[];
}
