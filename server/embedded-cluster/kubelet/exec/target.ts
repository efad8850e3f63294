/**
 * What an exec'd process sees of its container: name, network, files, environment, the processes
 * running in it, and the container's own listening ports (what `curl localhost:PORT` reaches).
 */
import type { AppRequest, AppResponse } from '../apps';
import type { FileTree } from './file-tree';
import type { ImageProfile } from './image-profile';

/** A running container, as exec'd commands use it. */
export interface ExecTarget {
  hostname: string;
  podIP: string;
  profile: ImageProfile;
  tree: FileTree;
  /** The process environment: image ENV, container env, HOSTNAME, HOME and the service links. */
  env: Record<string, string>;
  /** When PID 1 started. */
  startedAt: Date;
  /** Delivers a request to a port of the container, or undefined when nothing listens there. */
  request(port: number, req: AppRequest): Promise<AppResponse> | undefined;
  /** The processes now running in the container, PID 1 first. */
  processes: ProcessTable;
  /** Aborted when the container stops: every exec'd process dies with it. */
  stopped: AbortSignal;
}

/** The container's process table (PID 1 and the exec'd processes). */
export class ProcessTable {
  private next = 7;
  private readonly live = new Map<number, string>();

  constructor(main: string) {
    if (main) this.live.set(1, main);
  }

  /** Starts a process; returns a function that ends it. */
  spawn(command: string): () => void {
    const pid = this.next;
    this.next += 6;
    this.live.set(pid, command);
    return () => this.live.delete(pid);
  }

  list(): Array<{ pid: number; command: string }> {
    return [...this.live.entries()].sort(([a], [b]) => a - b).map(([pid, command]) => ({ pid, command }));
  }
}

/** How a process talks to its caller. */
export interface ProcessIO {
  out(text: string): void;
  err(text: string): void;
  /** Aborted on Ctrl-C, when the session ends or the container stops. */
  signal: AbortSignal;
  /** The terminal's size, when a TTY client sent one. */
  size?: () => { width: number; height: number } | undefined;
}
