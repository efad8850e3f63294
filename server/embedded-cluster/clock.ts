/**
 * The embedded cluster's sense of time. Timestamps are always real (`now()` is the wall clock, so ages
 * that kubectl prints stay true); what a time scale changes is how long the control loops wait: image
 * pulls, container start-up, CrashLoopBackOff back-off, grace periods. A scale of 1 is real time with
 * realistic short delays; test mode shrinks every wait by the same factor, so the same state machine
 * runs through the same states, only faster.
 */

/** How many real milliseconds one cluster millisecond lasts in test mode. */
export const TEST_TIME_SCALE = 0.01;

/** What every control loop is given to read the time and to wait. */
export interface Clock {
  /** The wall clock: what timestamps in objects are made from. */
  now(): Date;
  /**
   * Waits `ms` cluster milliseconds, i.e. `ms * timeScale` real ones. Resolves early (without
   * throwing) when `signal` aborts, so loops check the signal after each wait.
   */
  delay(ms: number, signal?: AbortSignal): Promise<void>;
  /** Real milliseconds for `ms` cluster milliseconds (for timers a loop keeps itself). */
  scaled(ms: number): number;
  /** The factor every wait is multiplied by: 1 in real time, TEST_TIME_SCALE in test mode. */
  readonly timeScale: number;
}

/** How to make a clock: `{ mode: 'test' }` or an explicit `timeScale` (which wins). */
export interface ClockOptions {
  mode?: 'real' | 'test';
  timeScale?: number;
}

/** A wall clock whose waits are scaled by `timeScale` (default 1, or TEST_TIME_SCALE in test mode). */
export function createClock(options: ClockOptions = {}): Clock {
  const timeScale = options.timeScale ?? (options.mode === 'test' ? TEST_TIME_SCALE : 1);
  if (!(timeScale >= 0) || !Number.isFinite(timeScale)) throw new RangeError(`timeScale must be a finite number >= 0, got ${timeScale}`);
  const scaled = (ms: number) => Math.max(0, ms * timeScale);
  return {
    timeScale,
    now: () => new Date(),
    scaled,
    delay: (ms, signal) => sleep(scaled(ms), signal),
  };
}

/** Resolves after `ms` real milliseconds, or at once when `signal` is (or becomes) aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
