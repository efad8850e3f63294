/**
 * The simulated tools of a container (docs/embedded-cluster-runtime.md lists them): small versions
 * of coreutils, procps and curl that print what the real ones print for the usual first look inside
 * a container. None starts a real process; every one reads the container's simulated state.
 */
import { listDir, resolvePath } from './file-tree';
import type { ExecTarget, ProcessIO } from './target';

/** What one command runs with. */
export interface CommandContext {
  target: ExecTarget;
  io: ProcessIO;
  env: Record<string, string>;
  cwd: string;
  /** What a pipe feeds the command, if anything. */
  input?: string;
}

/** A tool: returns its exit status. */
export type Command = (args: string[], ctx: CommandContext) => number | Promise<number>;

const KERNEL = '6.8.0-1015-gcp';

/** The tools by name (shell builtins such as cd, exit and export live in the shell). */
export const COMMANDS: Record<string, Command> = {
  echo: (args, { io }) => {
    const noNewline = args[0] === '-n';
    io.out((noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n'));
    return 0;
  },
  true: () => 0,
  false: () => 1,
  pwd: (_, { io, cwd }) => (io.out(`${cwd}\n`), 0),
  hostname: (_, { io, target }) => (io.out(`${target.hostname}\n`), 0),
  whoami: (_, { io }) => (io.out('root\n'), 0),
  id: (_, { io }) => (io.out('uid=0(root) gid=0(root) groups=0(root)\n'), 0),
  env: (_, { io, env }) => (io.out(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join('')), 0),
  printenv: (args, { io, env }) => {
    if (args.length === 0) return COMMANDS.env?.(args, { io, env } as CommandContext) ?? 0;
    const found = args.filter((name) => name in env);
    io.out(found.map((name) => `${env[name]}\n`).join(''));
    return found.length === args.length ? 0 : 1;
  },
  uname: (args, { io, target }) => {
    const parts: Record<string, string> = { s: 'Linux', n: target.hostname, r: KERNEL, v: '#17-Ubuntu SMP Mon Sep 30 12:02:57 UTC 2024', m: 'x86_64', o: 'GNU/Linux' };
    const flags = args.join('').replace(/-/g, '');
    const wanted = flags.includes('a') ? 'snrvmo' : flags || 's';
    io.out(`${[...wanted].map((f) => parts[f] ?? '').filter(Boolean).join(' ')}\n`);
    return 0;
  },
  date: (_, { io }) => (io.out(`${unixDate(new Date())}\n`), 0),
  sleep: async (args, { io }) => {
    const seconds = Number(args[0]?.replace(/s$/, ''));
    if (args.length === 0 || !Number.isFinite(seconds) || seconds < 0) {
      io.err(args.length === 0 ? 'sleep: missing operand\n' : `sleep: invalid time interval '${args[0]}'\n`);
      return 1;
    }
    return (await abortableDelay(seconds * 1000, io.signal)) ? 0 : 130;
  },
  cat: (args, { io, target, cwd, input }) => {
    if (args.length === 0) {
      io.out(input ?? '');
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const path = resolvePath(cwd, arg);
      const content = target.tree.files.get(path);
      if (content !== undefined) io.out(content);
      else {
        io.err(`cat: ${arg}: ${target.tree.dirs.has(path) ? 'Is a directory' : 'No such file or directory'}\n`);
        status = 1;
      }
    }
    return status;
  },
  ls: (args, { io, target, cwd }) => {
    const flags = args.filter((a) => a.startsWith('-')).join('');
    const paths = args.filter((a) => !a.startsWith('-'));
    const all = flags.includes('a');
    const long = flags.includes('l');
    let status = 0;
    const shown = paths.length ? paths : ['.'];
    for (const arg of shown) {
      const path = resolvePath(cwd, arg);
      const isDir = target.tree.dirs.has(path);
      if (!isDir && !target.tree.files.has(path)) {
        io.err(`ls: cannot access '${arg}': No such file or directory\n`);
        status = 2;
        continue;
      }
      if (shown.length > 1 && isDir) io.out(`${arg}:\n`);
      const names = isDir ? [...(all ? ['.', '..'] : []), ...listDir(target.tree, path)] : [arg];
      for (const name of names) {
        if (!long) io.out(`${name}\n`);
        else {
          const full = isDir ? resolvePath(path, name) : path;
          const dir = target.tree.dirs.has(full) || name === '.' || name === '..';
          const size = dir ? 4096 : Buffer.byteLength(target.tree.files.get(full) ?? '');
          io.out(`${dir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 root root ${String(size).padStart(5)} ${lsDate(target.startedAt)} ${name}\n`);
        }
      }
    }
    return status;
  },
  ps: (_, { io, target }) => {
    io.out('PID   USER     TIME  COMMAND\n');
    for (const { pid, command } of target.processes.list()) io.out(`${String(pid).padStart(5)} root      0:00 ${command}\n`);
    return 0;
  },
  curl: (args, ctx) => curl(args, ctx),
  stty: (args, { io }) => {
    const size = io.size?.();
    if (args[0] !== 'size') return 0;
    if (!size) {
      io.err("stty: 'standard input': Inappropriate ioctl for device\n");
      return 1;
    }
    io.out(`${size.height} ${size.width}\n`);
    return 0;
  },
};

async function curl(args: string[], { io, target }: CommandContext): Promise<number> {
  let method = 'GET';
  let include = false;
  let body = '';
  const headers: Record<string, string> = {};
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-X' || arg === '--request') method = args[++i] ?? method;
    else if (arg === '-i' || arg === '--include') include = true;
    else if (arg === '-H' || arg === '--header') {
      const [name = '', ...rest] = (args[++i] ?? '').split(':');
      headers[name.trim().toLowerCase()] = rest.join(':').trim();
    } else if (arg === '-d' || arg === '--data') {
      body = args[++i] ?? '';
      if (method === 'GET') method = 'POST';
    } else if (!arg.startsWith('-')) url = arg;
  }
  if (!url) {
    io.err("curl: try 'curl --help' for more information\n");
    return 2;
  }
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    io.err(`curl: (3) URL rejected: Malformed input to a URL function\n`);
    return 3;
  }
  const host = parsed.hostname;
  if (parsed.protocol !== 'http:') {
    io.err(`curl: (1) Protocol "${parsed.protocol.replace(':', '')}" not supported\n`);
    return 1;
  }
  // Only the container's own addresses resolve: there is no cluster network behind it.
  if (!['localhost', '127.0.0.1', '[::1]', target.podIP, target.hostname].includes(host)) {
    io.err(`curl: (6) Could not resolve host: ${host}\n`);
    return 6;
  }
  const port = Number(parsed.port || 80);
  const answer = target.request(port, {
    method,
    path: `${parsed.pathname}${parsed.search}`,
    headers: { host: parsed.host, 'user-agent': 'curl/7.88.1', accept: '*/*', ...headers },
    body: Buffer.from(body),
    remoteAddress: host === target.podIP || host === target.hostname ? target.podIP : '127.0.0.1',
  });
  if (!answer) {
    io.err(`curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  const response = await answer;
  const text = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
  if (include) {
    const lines = Object.entries({ 'Content-Length': String(Buffer.byteLength(text)), ...response.headers }).map(([k, v]) => `${k}: ${v}\n`);
    io.out(`HTTP/1.1 ${response.status} ${response.status === 200 ? 'OK' : ''}\n${lines.join('')}\n`);
  }
  io.out(text);
  return 0;
}

/** Waits `ms`; false if the signal aborted first. */
function abortableDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `date`'s default format in UTC: `Wed Dec  2 04:50:00 UTC 2026`. */
function unixDate(d: Date): string {
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${time} UTC ${d.getUTCFullYear()}`;
}

function lsDate(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
