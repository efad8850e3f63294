/**
 * One `kubectl exec` process in a simulated container: resolves the command as runc would (a name
 * not on the image's PATH fails to start, with runc's wording), runs it with the session's streams,
 * and ends with its exit status. The process dies with its container (exit 137, SIGKILL).
 */
import { COMMANDS, type CommandContext } from './commands';
import { findProgram, Shell } from './shell';
import type { ExecTarget, ProcessIO } from './target';
import { Terminal } from './terminal';

/** The streams of an exec session, as the CRI streaming server hands them over. */
export interface ExecStreams {
  tty: boolean;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  stdin?: AsyncIterable<Buffer | string>;
  /** The terminal's size as the client last sent it (TTY resize), if it did. */
  size?: () => { width: number; height: number } | undefined;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

/** The process could not start: runc's message, which the kubelet reports as an internal error. */
export class ExecStartError extends Error {}

/** The runc error for a command the container does not have. */
function notFound(argv0: string): string {
  const why = argv0.includes('/') ? `stat ${argv0}: no such file or directory` : 'executable file not found in $PATH';
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv0}": ${why}: unknown`;
}

/** Runs `argv` in the container; resolves with its exit status, or throws ExecStartError. */
export async function runExec(options: { target: ExecTarget; argv: string[]; streams: ExecStreams }): Promise<number> {
  const { target, argv, streams } = options;
  const [argv0 = '', ...args] = argv;
  const program = findProgram(target, argv0);
  if (!program) throw new ExecStartError(notFound(argv0));
  const signal = AbortSignal.any([streams.signal, target.stopped]);
  // A TTY merges stderr into the terminal and turns `\n` into `\r\n` (the pty's onlcr).
  const toTerminal = (write?: (text: string) => void) => (write ? (text: string) => write(text.replace(/\r?\n/g, '\r\n')) : () => undefined);
  const out = streams.tty ? toTerminal(streams.stdout) : (streams.stdout ?? (() => undefined));
  const err = streams.tty ? toTerminal(streams.stdout) : (streams.stderr ?? (() => undefined));
  const io: ProcessIO = { out, err, signal, size: streams.size };
  const terminal = new Terminal({ tty: streams.tty, stdin: streams.stdin, echo: streams.stdout ?? (() => undefined) });
  const ended = target.processes.spawn(argv.join(' '));
  let onStopped = () => undefined as void;
  const killed = new Promise<number>((resolve) => {
    onStopped = () => resolve(137);
    if (target.stopped.aborted) onStopped();
    target.stopped.addEventListener('abort', onStopped, { once: true });
  });
  try {
    let run: Promise<number>;
    if (program === 'sh' || program === 'bash') run = new Shell({ name: program, target, io, terminal, tty: streams.tty }).run(args);
    else {
      const ctx: CommandContext = { target, io, env: target.env, cwd: target.profile.workdir };
      run = Promise.resolve((COMMANDS[program] as NonNullable<(typeof COMMANDS)[string]>)(args, ctx));
    }
    return await Promise.race([run, killed]);
  } finally {
    target.stopped.removeEventListener('abort', onStopped);
    ended();
  }
}
