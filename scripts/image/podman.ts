import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What one podman run printed, and how it exited (-1: killed at its timeout). */
export interface PodmanResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Podman {
  /** Runs `podman <storage flags> ...args`. */
  run(args: string[], options?: { timeoutMs?: number; stdin?: NodeJS.ReadableStream; echo?: boolean }): Promise<PodmanResult>;
  /** Like `run`, but throws with podman's stderr unless it exited 0. */
  ok(args: string[], options?: { timeoutMs?: number; stdin?: NodeJS.ReadableStream; echo?: boolean }): Promise<string>;
  /** Where the base image, podman's storage and its layer cache live between runs. */
  cacheDir: string;
}

/** `PILOTHOUSE_IMAGE_CACHE`, else a folder of the user's cache (outside the checkout: it holds gigabytes). */
export function imageCacheDir(env = process.env): string {
  return env.PILOTHOUSE_IMAGE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pilothouse-image-test');
}

// What running containers needs on this kind of machine (a container without systemd, cgroup v1 at the
// root): runc, because crun fails on that cgroup layout; no rlimits, which the sandbox may not set; cgroupfs
// and a file for events, since there is no systemd or journal.
const CONTAINERS_CONF = `[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
`;

/**
 * podman with storage of its own under the cache folder (the vfs driver: overlay needs a kernel feature a
 * container may lack) and the settings above, so nothing of the machine's own podman setup is used or
 * changed.
 */
export function createPodman(cacheDir = imageCacheDir()): Podman {
  mkdirSync(cacheDir, { recursive: true });
  const conf = join(cacheDir, 'containers.conf');
  writeFileSync(conf, CONTAINERS_CONF);
  const storage = ['--root', join(cacheDir, 'storage'), '--runroot', join(cacheDir, 'run'), '--storage-driver', 'vfs'];
  const run: Podman['run'] = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn('podman', [...storage, ...args], { env: { ...process.env, CONTAINERS_CONF: conf }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        if (options.echo) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (options.echo) process.stderr.write(chunk);
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
      if (options.stdin) options.stdin.pipe(child.stdin);
      else child.stdin.end();
    });
  return {
    cacheDir,
    run,
    async ok(args, options) {
      const result = await run(args, options);
      if (result.code !== 0) throw new Error(`podman ${args.join(' ')} exited ${result.code}:\n${result.stderr.slice(-4000)}`);
      return result.stdout;
    },
  };
}
