import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { kubectlBinary, type Kubectl } from './kubectl';

/** A kubectl that keeps running (port-forward, exec -it), read as it prints. */
export interface KubectlProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout (or stderr) once it matches; rejects after `timeoutMs` or if kubectl exits first. */
  waitFor(pattern: RegExp, options?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number }): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (-1 when killed by a signal). */
  exited: Promise<number>;
  /** Sends SIGINT (Ctrl-C) and waits for the exit; SIGKILL after 10s. */
  stop(): Promise<number>;
}

/**
 * Starts `kubectl ARGS` (through `script` for a pseudo-terminal when `tty` is set, as `-it` needs a
 * terminal on stdin) with the harness's kubeconfig and home.
 */
export function startKubectl(kubectl: Kubectl, args: string[], options: { env?: Record<string, string>; tty?: boolean } = {}): KubectlProcess {
  const home = join(kubectl.kubeconfigPath, '..');
  const { KUBECONFIG: _ignored, ...inherited } = process.env;
  const env = { ...inherited, HOME: home, KUBECACHEDIR: join(home, '.kube', 'cache'), ...options.env };
  const argv = [kubectlBinary(), '--kubeconfig', kubectl.kubeconfigPath, ...args];
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = options.tty
    ? spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${quoted}`, '/dev/null'], { env })
    : spawn(argv[0] as string, argv.slice(1), { env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, { stream = 'stdout', timeoutMs = 20_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (stream === 'stdout' ? out : err).match(pattern);
          if (match) finish(() => resolve(match));
          else if (done) finish(() => reject(new Error(`kubectl exited before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`)));
        };
        const finish = (then: () => void) => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.stderr.off('data', check);
          then();
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${pattern}\nstdout: ${out}\nstderr: ${err}`))), timeoutMs);
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        void exited.then(check);
        check();
      });
    },
    async stop() {
      if (!done) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
