import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What one kubectl run printed, and how it exited. */
export interface KubectlResult {
  /** Exit code; -1 when kubectl was killed at the timeout. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one kubectl run. */
export interface KubectlRunOptions {
  /** Written to kubectl's standard input (for `-f -`). */
  stdin?: string;
  /** Milliseconds before kubectl is killed (default 30s). */
  timeoutMs?: number;
  /** Extra environment for this run only. */
  env?: Record<string, string>;
  /** Called with everything printed on stdout so far, as it arrives (for `get -w`). */
  onStdout?: (stdoutSoFar: string) => void;
  /** Stops kubectl (SIGTERM) once stdout so far satisfies this: `get -w` never ends by itself. */
  until?: (stdoutSoFar: string) => boolean;
}

/** Runs the real kubectl against one cluster, with a home of its own. */
export interface Kubectl {
  /** Runs `kubectl --kubeconfig <file> ...args`. */
  run(args: string[], options?: KubectlRunOptions): Promise<KubectlResult>;
  /** Like `run`, but throws with kubectl's stderr unless it exited 0. */
  ok(args: string[], options?: KubectlRunOptions): Promise<KubectlResult>;
  /** The kubeconfig file kubectl reads. */
  kubeconfigPath: string;
  /** Removes the temporary home. */
  dispose(): Promise<void>;
}

/** `PILOTHOUSE_KUBECTL` or `kubectl` on the PATH. */
export function kubectlBinary(): string {
  return process.env.PILOTHOUSE_KUBECTL ?? 'kubectl';
}

/**
 * A kubectl harness for one cluster. Each harness gets a fresh `HOME` (kubectl caches discovery and
 * OpenAPI under `$HOME/.kube/cache`, which would leak between clusters on different ports or across
 * server changes) and a kubeconfig file written from `cluster.kubeconfigYaml`.
 */
export async function createKubectl(cluster: { kubeconfigYaml: string }): Promise<Kubectl> {
  const home = await mkdtemp(join(tmpdir(), 'pilothouse-kubectl-'));
  const kubeconfigPath = join(home, 'kubeconfig');
  await writeFile(kubeconfigPath, cluster.kubeconfigYaml, { mode: 0o600 });
  const run = (args: string[], options: KubectlRunOptions = {}) =>
    runKubectl({ args: ['--kubeconfig', kubeconfigPath, ...args], home, ...options });
  return {
    kubeconfigPath,
    run,
    async ok(args, options) {
      const result = await run(args, options);
      if (result.code !== 0) {
        throw new Error(`kubectl ${args.join(' ')} exited ${result.code}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`);
      }
      return result;
    },
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}

function runKubectl(options: { args: string[]; home: string } & KubectlRunOptions): Promise<KubectlResult> {
  const { args, home, stdin, timeoutMs = 30_000, env, onStdout, until } = options;
  return new Promise((resolve, reject) => {
    // KUBECONFIG is dropped so only --kubeconfig counts.
    const { KUBECONFIG: _ignored, ...inherited } = process.env;
    const child = spawn(kubectlBinary(), args, {
      env: { ...inherited, HOME: home, KUBECACHEDIR: join(home, '.kube', 'cache'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      const soFar = Buffer.concat(stdout).toString('utf8');
      onStdout?.(soFar);
      if (until?.(soFar)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString('utf8');
      resolve({
        code: timedOut ? -1 : (code ?? -1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: timedOut ? `${err}\n(kubectl killed after ${timeoutMs}ms)` : err,
      });
    });
    child.stdin.end(stdin ?? '');
  });
}

/** The absolute path of a manifest in `fixtures/manifests/` (the chapter's files). */
export function manifestPath(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/manifests/${name}`, import.meta.url));
}
