/**
 * The simulated container runtime: one `ContainerInstance` per container start, with a containerd
 * style ID, its own log, the app running in it, and the way it ends (exit by itself, SIGTERM handled
 * by the app, or SIGKILL by the runtime: exit code 137).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { startApp, type AppRequest, type AppResponse, type RunningApp } from './apps';
import { imageProfile, type ImageProfile } from './exec/image-profile';
import { ProcessTable } from './exec/target';
import { ContainerLog, type LogBudget } from './log-buffer';

/** How a container ended. */
export interface ContainerExit {
  exitCode: number;
  /** `Completed` for 0, `Error` otherwise (what the runtime reports as the terminated reason). */
  reason: string;
  finishedAt: Date;
  /** Set when the runtime killed it (SIGKILL). */
  signal?: number;
}

/** What a container start needs. */
export interface ContainerStart {
  /** `docker.io/luksa/kubia` */
  repository: string;
  env: Record<string, string>;
  hostname: string;
  clock: Clock;
  init: boolean;
  logCapBytes?: number;
  /** The cluster-wide log budget this container's log counts against. */
  logBudget?: LogBudget;
  /** Background lines per second (the cluster's `logRate`); 0 or absent: only what the app logs itself. */
  logRate?: number;
  /** The node's bridge address: where background traffic comes from. */
  peer?: string;
  /** For a container adopted from a stored status: its ID and start time (its first lines date from then). */
  adopted?: { id: string; startedAt: Date };
}

/** One started container. */
export class ContainerInstance {
  /** `containerd://<64 hex>`. */
  readonly id: string;
  readonly log: ContainerLog;
  readonly startedAt: Date;
  /** Resolves when the container has exited. */
  readonly exited: Promise<ContainerExit>;
  /** What `kubectl exec` finds in the image, and the processes running in the container. */
  readonly profile: ImageProfile;
  readonly processes: ProcessTable;
  /** The container's environment (its spec's `env` values) and hostname. */
  readonly env: Record<string, string>;
  readonly hostname: string;
  private readonly app: RunningApp;
  private readonly stopped = new AbortController();
  private resolveExit!: (exit: ContainerExit) => void;
  private exitInfo?: ContainerExit;

  constructor(start: ContainerStart) {
    this.id = start.adopted?.id ?? `containerd://${randomBytes(32).toString('hex')}`;
    this.log = new ContainerLog(start.logCapBytes, start.logBudget);
    this.startedAt = start.adopted?.startedAt ?? start.clock.now();
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
    this.profile = imageProfile(start.repository);
    this.processes = new ProcessTable(this.profile.command);
    this.env = start.env;
    this.hostname = start.hostname;
    // What an adopted app writes while starting is dated from when the container really started.
    let startupTime: bigint | undefined = start.adopted ? BigInt(start.adopted.startedAt.getTime()) * 1_000_000n : undefined;
    this.app = startApp(start.repository, {
      log: (line, stream) => this.log.append(line, stream, startupTime === undefined ? undefined : startupTime++),
      exit: (code) => this.finish(code),
      env: start.env,
      hostname: start.hostname,
      clock: start.clock,
      signal: this.stopped.signal,
      init: start.init,
      peer: start.peer ?? '10.244.0.1',
    });
    startupTime = undefined;
    if (start.logRate && start.logRate > 0 && this.app.chatter) this.chatter(start.logRate, this.app.chatter);
  }

  // Background activity at `rate` lines a second, caught up every tick so timer jitter does not drift.
  private chatter(rate: number, line: (n: number) => string): void {
    const began = Date.now();
    let written = 0;
    const timer = setInterval(() => {
      const due = Math.floor(((Date.now() - began) / 1000) * rate);
      for (; written < due && this.running; written++) this.log.append(line(written + 1));
    }, Math.max(50, Math.min(1000, 1000 / rate)));
    timer.unref();
    this.stopped.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }

  /** Aborted when the container stops. */
  get stoppedSignal(): AbortSignal {
    return this.stopped.signal;
  }

  /** True until the container exits. */
  get running(): boolean {
    return !this.exitInfo;
  }

  /** The exit, once it happened. */
  get exit(): ContainerExit | undefined {
    return this.exitInfo;
  }

  /** Whether something listens on `port` inside the container. */
  listens(port: number): boolean {
    return this.running && this.app.ports.has(port);
  }

  /** Delivers an HTTP request to a listening port. */
  async request(port: number, req: AppRequest): Promise<AppResponse> {
    const handler = this.app.ports.get(port);
    if (!handler || !this.running) throw new Error('connection refused');
    return handler(req);
  }

  /** SIGTERM: the app decides. */
  terminate(): void {
    if (this.running) this.app.onTerminate();
  }

  /** SIGKILL: exit 137 at once. */
  kill(): void {
    this.finish(137, 9);
  }

  private finish(exitCode: number, signal?: number): void {
    if (this.exitInfo) return;
    this.exitInfo = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: new Date(), ...(signal ? { signal } : {}) };
    this.stopped.abort();
    this.log.close();
    this.resolveExit(this.exitInfo);
  }
}
