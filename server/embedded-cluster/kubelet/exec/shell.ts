/**
 * The simulated `sh` (and `bash` where the image has it): runs `-c` scripts and, with stdin, reads
 * commands line by line, with a prompt when there is a TTY. Messages are dash's (`sh: 1: foo: not
 * found`, exit 127) or bash's (`bash: foo: command not found`). Builtins: cd, exit, export, unset, `:`.
 */
import { COMMANDS, type CommandContext } from './commands';
import { resolvePath } from './file-tree';
import { expandWord, parseScript, ShellSyntaxError, type Pipeline } from './shell-parser';
import type { ExecTarget, ProcessIO } from './target';
import type { Terminal } from './terminal';

/** Thrown by `exit`: unwinds to the shell that runs the script. */
class ShellExit {
  constructor(readonly status: number) {}
}

/** The directories a command name may be given from (`/bin/ls`). */
const BIN_DIRS = ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin'];

/** The program a path or name names, if the container has it. */
export function findProgram(target: ExecTarget, argv0: string): string | undefined {
  const slash = argv0.lastIndexOf('/');
  const name = slash === -1 ? argv0 : argv0.slice(slash + 1);
  if (slash !== -1 && !BIN_DIRS.includes(argv0.slice(0, slash))) return undefined;
  if ((name === 'sh' || name === 'bash') && target.profile.shells.includes(name)) return name;
  return target.profile.tools && name in COMMANDS ? name : undefined;
}

/** A shell process. */
export class Shell {
  private status = 0;
  private line = 0;
  private cwd: string;
  private readonly env: Record<string, string>;
  private running?: AbortController;

  constructor(
    private readonly options: { name: 'sh' | 'bash'; target: ExecTarget; io: ProcessIO; terminal: Terminal; tty: boolean; env?: Record<string, string>; cwd?: string },
  ) {
    this.env = { ...(options.env ?? options.target.env) };
    this.cwd = options.cwd ?? options.target.profile.workdir;
  }

  /** `sh ARGS`: `-c SCRIPT`, or an interactive session on the terminal. */
  async run(args: string[]): Promise<number> {
    const c = args.indexOf('-c');
    if (c !== -1) {
      const script = args[c + 1];
      if (script === undefined) {
        this.options.io.err(`${this.options.name}: -c: option requires an argument\n`);
        return 2;
      }
      try {
        return await this.script(script);
      } catch (err) {
        if (err instanceof ShellExit) return err.status;
        throw err;
      }
    }
    return this.interactive();
  }

  private async script(source: string): Promise<number> {
    this.line++;
    try {
      for (const { op, pipeline } of parseScript(source)) {
        if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
        this.status = await this.pipeline(pipeline);
      }
    } catch (err) {
      if (err instanceof ShellExit) throw err;
      if (!(err instanceof ShellSyntaxError)) throw err;
      this.options.io.err(`${this.options.name}: ${this.line}: ${err.message}\n`);
      this.status = 2;
    }
    return this.status;
  }

  private async interactive(): Promise<number> {
    const { terminal, io, tty } = this.options;
    const previous = terminal.onInterrupt;
    terminal.onInterrupt = () => {
      if (!this.running) return false;
      this.running.abort();
      return true;
    };
    try {
      for (;;) {
        if (tty) io.out(this.prompt());
        const line = await terminal.readLine();
        if (line === undefined || io.signal.aborted) return this.status;
        await this.script(line);
      }
    } catch (err) {
      if (err instanceof ShellExit) return err.status;
      throw err;
    } finally {
      terminal.onInterrupt = previous;
    }
  }

  private prompt(): string {
    if (this.options.name === 'sh') return '# ';
    const where = this.cwd === '/root' ? '~' : this.cwd;
    return `root@${this.options.target.hostname}:${where}# `;
  }

  private async pipeline(pipeline: Pipeline): Promise<number> {
    let input: string | undefined;
    let status = 0;
    for (const [index, command] of pipeline.entries()) {
      const last = index === pipeline.length - 1;
      const words = command.words.map((w) => expandWord(w, (name) => (name === '?' ? String(this.status) : (this.env[name] ?? ''))));
      if (command.redirect) {
        this.options.io.err(`${this.options.name}: ${this.line}: cannot create ${command.redirect}: Read-only file system\n`);
        return 2;
      }
      let captured = '';
      const io: ProcessIO = last ? this.options.io : { ...this.options.io, out: (text) => (captured += text) };
      status = await this.simple(words, io, input);
      input = captured;
    }
    return status;
  }

  private async simple(words: string[], io: ProcessIO, input: string | undefined): Promise<number> {
    const assignments: Array<[string, string]> = [];
    while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const [name = '', ...value] = (words.shift() as string).split('=');
      assignments.push([name, value.join('=')]);
    }
    const [name, ...args] = words;
    if (name === undefined) {
      for (const [k, v] of assignments) this.env[k] = v;
      return 0;
    }
    const builtin = this.builtin(name, args, io);
    if (builtin !== undefined) return builtin;
    const program = findProgram(this.options.target, name);
    if (!program) {
      io.err(this.options.name === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${this.line}: ${name}: not found\n`);
      return 127;
    }
    const env = { ...this.env, ...Object.fromEntries(assignments) };
    const controller = new AbortController();
    const stop = () => controller.abort();
    io.signal.addEventListener('abort', stop, { once: true });
    const ended = this.options.target.processes.spawn(words.join(' '));
    this.running = controller;
    try {
      const child: ProcessIO = { ...io, signal: controller.signal };
      if (program === 'sh' || program === 'bash') {
        return await new Shell({ ...this.options, name: program, io: child, env, cwd: this.cwd }).run(args);
      }
      const ctx: CommandContext = { target: this.options.target, io: child, env, cwd: this.cwd, input };
      return await (COMMANDS[program] as NonNullable<(typeof COMMANDS)[string]>)(args, ctx);
    } finally {
      this.running = undefined;
      ended();
      io.signal.removeEventListener('abort', stop);
    }
  }

  private builtin(name: string, args: string[], io: ProcessIO): number | undefined {
    switch (name) {
      case ':':
        return 0;
      case 'exit': {
        const code = args[0] === undefined ? this.status : Number(args[0]);
        throw new ShellExit(Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2);
      }
      case 'cd': {
        const path = resolvePath(this.cwd, args[0] ?? this.env.HOME ?? '/');
        if (!this.options.target.tree.dirs.has(path)) {
          io.err(`${this.options.name}: ${this.line}: cd: can't cd to ${args[0]}\n`);
          return 2;
        }
        this.cwd = path;
        this.env.PWD = path;
        return 0;
      }
      case 'export':
        for (const arg of args) {
          const [k = '', ...v] = arg.split('=');
          if (v.length > 0) this.env[k] = v.join('=');
        }
        return 0;
      case 'unset':
        for (const arg of args) delete this.env[arg];
        return 0;
      default:
        return undefined;
    }
  }
}
