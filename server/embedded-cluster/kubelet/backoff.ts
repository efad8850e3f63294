/**
 * The kubelet's timings in cluster time, and `flowcontrol.Backoff` as the kubelet configures it for
 * crashed containers and failed image pulls: 10s, doubling to 5 minutes, forgotten after 10 quiet
 * minutes. Durations are cluster milliseconds; the clock scales them into real waits.
 */
import type { Clock } from '../clock';

// Cluster-time durations of the simulated steps (a kubia pod is Running about a second after binding).
export const TIMINGS = {
  sandbox: 250,
  firstPull: 800,
  cachedPull: 350,
  create: 60,
  start: 120,
  /** PLEG relist: how long an exited container shows Terminated before the kubelet acts on it. */
  relist: 1_000,
  /** How long ErrImagePull shows before the next sync turns it into ImagePullBackOff. */
  pullErrorShown: 2_000,
  /** The pod worker's resync: back-off events repeat at this pace while a container waits. */
  resync: 10_000,
};

// flowcontrol.Backoff as the kubelet configures it for crashes and image pulls.
export const BACKOFF_INITIAL = 10_000;
export const BACKOFF_MAX = 300_000;

/** One back-off entry. */
export interface Backoff {
  /** Cluster ms. */
  duration: number;
  /** Real ms (Date.now) of the last Next(). */
  updated: number;
}

// flowcontrol.Backoff.Next: the first failure (or one after a long quiet spell) starts at 10s, each
// further one doubles it up to 5 minutes.
export function nextBackoff(entry: Backoff | undefined, expired: boolean | undefined): Backoff {
  const duration = !entry || expired ? BACKOFF_INITIAL : Math.min(entry.duration * 2, BACKOFF_MAX);
  return { duration, updated: Date.now() };
}

/** Cluster milliseconds elapsed since a real `Date.now()` reading. */
export function clusterSince(clock: Clock, realMs: number): number {
  return toClusterMs(clock, Date.now() - realMs);
}

/** Real milliseconds as cluster milliseconds (a zero time scale makes every wait already over). */
export function toClusterMs(clock: Clock, realMs: number): number {
  return clock.timeScale > 0 ? realMs / clock.timeScale : Number.MAX_SAFE_INTEGER;
}
