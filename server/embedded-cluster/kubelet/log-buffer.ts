/**
 * One container instance's output, as the container runtime keeps it in its CRI log file: lines with
 * a nanosecond timestamp and the stream they came from. Memory is bounded the way the kubelet bounds
 * disk with `containerLogMaxSize` rotation: once a container has written more than the cap, its oldest
 * lines are dropped (whole lines, never part of one), so `kubectl logs` shows the newest output.
 */

/** 10 MiB, the kubelet's default `containerLogMaxSize`. */
export const DEFAULT_LOG_CAP_BYTES = 10 * 1024 * 1024;

/** 512 MiB of log text for the whole cluster, so thousands of chatty containers stay in memory. */
export const DEFAULT_LOG_BUDGET_BYTES = 512 * 1024 * 1024;

/**
 * What all container logs of a cluster may hold together. A log that writes while the budget is
 * spent drops its own oldest lines: busy logs cycle, quiet ones keep what they have, and a single
 * big log (a benchmark's) still gets its full per-container cap.
 */
export class LogBudget {
  used = 0;
  constructor(readonly limit = DEFAULT_LOG_BUDGET_BYTES) {}
}

/** One line of container output (without its newline). */
export interface LogLine {
  /** Nanoseconds since the Unix epoch. */
  time: bigint;
  text: string;
  stream: 'stdout' | 'stderr';
}

type Listener = (line: LogLine) => void;

/** The log of one container instance; followers are told of each new line and of the end. */
export class ContainerLog {
  private lines: LogLine[] = [];
  private head = 0;
  private bytes = 0;
  private readonly listeners = new Set<Listener>();
  private readonly endListeners = new Set<() => void>();
  private ended = false;

  constructor(
    private readonly capBytes = DEFAULT_LOG_CAP_BYTES,
    private readonly budget = new LogBudget(Infinity),
  ) {}

  /** Appends one line (a trailing newline is not part of `text`). */
  append(text: string, stream: LogLine['stream'] = 'stdout', time = nowNanos()): void {
    if (this.ended) return;
    const line = { time, text, stream };
    this.lines.push(line);
    const size = lineBytes(line);
    this.bytes += size;
    this.budget.used += size;
    while ((this.bytes > this.capBytes || this.budget.used > this.budget.limit) && this.head < this.lines.length - 1) {
      const dropped = lineBytes(this.lines[this.head] as LogLine);
      this.bytes -= dropped;
      this.budget.used -= dropped;
      this.head++;
    }
    // Compact the dropped prefix now and then instead of shifting on every line.
    if (this.head > 4096 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
    for (const listener of [...this.listeners]) listener(line);
  }

  /** The retained lines, oldest first. */
  snapshot(): LogLine[] {
    return this.lines.slice(this.head);
  }

  /** Bytes retained (text plus one newline per line). */
  get size(): number {
    return this.bytes;
  }

  /** True once the container exited: no more lines will come. */
  get closed(): boolean {
    return this.ended;
  }

  /** Calls `onLine` for each new line and `onEnd` when the log closes; returns the unsubscribe. */
  follow(onLine: Listener, onEnd: () => void): () => void {
    if (this.ended) {
      onEnd();
      return () => undefined;
    }
    this.listeners.add(onLine);
    this.endListeners.add(onEnd);
    return () => {
      this.listeners.delete(onLine);
      this.endListeners.delete(onEnd);
    };
  }

  /** The instance is forgotten (replaced by newer ones, or its pod is gone): its bytes leave the budget. */
  dispose(): void {
    this.close();
    this.budget.used -= this.bytes;
    this.bytes = 0;
    this.lines = [];
    this.head = 0;
  }

  /** The container exited: followers' streams end. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.listeners.clear();
    for (const end of [...this.endListeners]) end();
    this.endListeners.clear();
  }
}

function lineBytes(line: LogLine): number {
  return Buffer.byteLength(line.text) + 1;
}

// Wall-clock nanoseconds: Date.now() for the epoch, hrtime for the digits below a millisecond, never
// repeating, so every line has a distinct timestamp as CRI log lines do.
const originNs = BigInt(Date.now()) * 1_000_000n;
const originHr = process.hrtime.bigint();
let lastNs = 0n;

/** Now, in nanoseconds since the Unix epoch, strictly increasing across calls. */
export function nowNanos(): bigint {
  let ns = originNs + (process.hrtime.bigint() - originHr);
  if (ns <= lastNs) ns = lastNs + 1n;
  lastNs = ns;
  return ns;
}

/** RFC 3339 with exactly nine fractional digits, as `kubectl logs --timestamps` prints (RFC3339NanoFixed). */
export function formatNanos(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const iso = new Date(ms).toISOString(); // 2024-05-01T12:00:00.123Z
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return `${iso.slice(0, 19)}.${fraction}Z`;
}
