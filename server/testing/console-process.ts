import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts the real console server (`server/index.ts`) on a free port against the production build, the way
 * `npm start` does, and resolves once it listens.
 */
export async function startConsole(env: Record<string, string> = {}): Promise<ConsoleProcess> {
  if (!existsSync(`${process.env.NEXT_DIST_DIR || '.next'}/BUILD_ID`)) throw new Error('no production build: run `npx next build` first (npm test does)');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    // The machine's own kubeconfig must not change what the tests see.
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', KUBECONFIG: '/nonexistent/pilothouse-test-kubeconfig', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    // Generous: Next prepares its build slowly on a busy machine.
    const timer = setTimeout(() => reject(new Error(`console did not start within 180s:\n${output}`)), 180_000);
    const onData = () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => reject(new Error(`console exited with ${code}:\n${output}`)));
  });

  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
