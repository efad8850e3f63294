/**
 * What runs inside a simulated container, chosen by image repository:
 *
 * | image | behaviour |
 * | --- | --- |
 * | `luksa/kubia` | the chapter's app: logs `Kubia server starting...`, answers every HTTP request on 8080 with `You've hit <hostname>\n` and logs `Received request from ::ffff:<client ip>`. Node runs as PID 1 without a SIGTERM handler, so it ignores SIGTERM and is killed when the grace period ends (exit 137), as on a real cluster. |
 * | `pilothouse/crash` | logs a few lines and exits after `CRASH_AFTER_SECONDS` (default 3) with `EXIT_CODE` (default 1): CrashLoopBackOff under `restartPolicy: Always`. |
 * | `pilothouse/loggen` | writes `LINES_PER_SECOND` (default 10) numbered lines a second, `LINE_BYTES` (default 100) long, of `LINE_TEXT` repeated (default lorem ipsum), for big fast logs. Exits 0 on SIGTERM. |
 * | `pilothouse/html` | answers every request on 8080 with the page in `HTML` (default a short page) as `text/html` (or `CONTENT_TYPE`), and logs `GET /path`: a pod that serves its own HTML, script included. Exits 0 on SIGTERM. |
 * | `nginx` | serves the welcome page on 80 and writes nginx's access log. Exits 0 on SIGTERM. |
 * | `google-samples/kubernetes-bootcamp` | the Kubernetes tutorial app: `Hello Kubernetes bootcamp! \| Running on: <hostname> \| v=1` on 8080, one log line per request. |
 * | `coredns/coredns` | prints CoreDNS's start-up banner; answers `OK` on `/health` (8080). |
 * | anything else | runs until stopped, writes nothing, listens nowhere (exits 0 on SIGTERM). As an init container it completes after about a second. |
 *
 * Start-up and crash delays are cluster time (scaled by the clock); log generation rates are real.
 */
import type { Clock } from '../clock';

/** One HTTP request as the pod proxy delivers it to a container port. */
export interface AppRequest {
  method: string;
  /** Path and query, e.g. `/` or `/healthz?x=1`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The client address the app sees (the node's bridge address for API server proxy traffic). */
  remoteAddress: string;
}

/** An HTTP answer. */
export interface AppResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** What a running app is given. */
export interface AppContext {
  /** Writes one line to the container's stdout (or stderr). */
  log(line: string, stream?: 'stdout' | 'stderr'): void;
  /** The process exits with this code (it is not called again after the first time). */
  exit(code: number): void;
  env: Record<string, string>;
  /** The container's hostname: the pod's name (or spec.hostname). */
  hostname: string;
  clock: Clock;
  /** Aborted when the container stops for any reason. */
  signal: AbortSignal;
  /** True for init containers (they are expected to finish). */
  init: boolean;
  /** Where background traffic comes from (the node's bridge address), for `chatter` lines. */
  peer: string;
}

/** A running app: its listening ports and what it does on SIGTERM. */
export interface RunningApp {
  ports: Map<number, (req: AppRequest) => AppResponse | Promise<AppResponse>>;
  /** SIGTERM: the app may exit (calling ctx.exit) or ignore it. */
  onTerminate(): void;
  /**
   * The line the app writes for the n-th unit of background activity when the cluster runs with a
   * log rate (`logRate`, CLI `--log-rate`): a request it served, a heartbeat.
   */
  chatter?(n: number): string;
}

type App = (ctx: AppContext) => RunningApp;

/** Starts the app of an image repository (`docker.io/luksa/kubia`). */
export function startApp(repository: string, ctx: AppContext): RunningApp {
  // Apps are known by repository path, whatever the registry (`gcr.io/google-samples/...`).
  const path = repository.replace(/^[^/]+\.[^/]+\//, '').replace(/^docker\.io\//, '');
  const app = APPS[path] ?? (ctx.init ? finishing : idle);
  return app(ctx);
}

const kubia: App = (ctx) => {
  ctx.log('Kubia server starting...');
  const handler = (req: AppRequest): AppResponse => {
    ctx.log(`Received request from ${req.remoteAddress.includes(':') ? req.remoteAddress : `::ffff:${req.remoteAddress}`}`);
    return { status: 200, body: `You've hit ${ctx.hostname}\n` };
  };
  // `node app.js` is PID 1 and installs no SIGTERM handler: the signal is ignored.
  return { ports: new Map([[8080, handler]]), onTerminate: () => undefined, chatter: () => `Received request from ::ffff:${ctx.peer}` };
};

const crash: App = (ctx) => {
  const after = Number(ctx.env.CRASH_AFTER_SECONDS ?? 3);
  const code = Number(ctx.env.EXIT_CODE ?? 1);
  ctx.log('crash: starting up');
  ctx.log(`crash: will fail in ${after}s`);
  void ctx.clock.delay(Math.max(0, after) * 1000, ctx.signal).then(() => {
    if (ctx.signal.aborted) return;
    ctx.log(`crash: fatal error, exiting with code ${code}`, 'stderr');
    ctx.exit(Number.isInteger(code) ? code : 1);
  });
  return { ports: new Map(), onTerminate: () => ctx.exit(143) };
};

const loggen: App = (ctx) => {
  const perSecond = Math.max(0, Number(ctx.env.LINES_PER_SECOND ?? 10) || 0);
  const lineBytes = Math.max(16, Number(ctx.env.LINE_BYTES ?? 100) || 100);
  const filler = (ctx.env.LINE_TEXT || 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ').repeat(Math.ceil(lineBytes / 16));
  let written = 0;
  const started = Date.now();
  const tick = () => {
    // Catch up to the rate since start, so timer jitter does not change the total.
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    for (; written < due; written++) {
      const prefix = `loggen line ${written + 1}: `;
      ctx.log((prefix + filler).slice(0, lineBytes));
    }
  };
  ctx.log(`loggen: writing ${perSecond} lines per second`);
  const timer = setInterval(tick, perSecond > 200 ? 20 : 100);
  ctx.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { ports: new Map(), onTerminate: () => ctx.exit(0) };
};

const html: App = (ctx) => {
  const page = ctx.env.HTML ?? `<!DOCTYPE html>\n<title>${ctx.hostname}</title>\n<h1>Hello from ${ctx.hostname}</h1>\n`;
  const contentType = ctx.env.CONTENT_TYPE ?? 'text/html; charset=utf-8';
  const handler = (req: AppRequest): AppResponse => {
    ctx.log(`${req.method} ${req.path}`);
    return { status: 200, headers: { 'Content-Type': contentType }, body: page };
  };
  return { ports: new Map([[8080, handler]]), onTerminate: () => ctx.exit(0) };
};

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const nginx: App = (ctx) => {
  for (const line of [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ]) ctx.log(line);
  const handler = (req: AppRequest): AppResponse => {
    ctx.log(accessLine(req));
    return { status: 200, headers: { 'Content-Type': 'text/html', Server: 'nginx' }, body: NGINX_PAGE };
  };
  const chatter = () => accessLine({ method: 'GET', path: '/', headers: { 'user-agent': 'kube-probe/1.32' }, body: Buffer.alloc(0), remoteAddress: ctx.peer });
  return { ports: new Map([[80, handler]]), onTerminate: () => ctx.exit(0), chatter };
};

// nginx's `combined` access log format.
function accessLine(req: AppRequest): string {
  const ua = String(req.headers['user-agent'] ?? '-');
  const when = new Date().toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3:$4 +0000');
  return `${req.remoteAddress} - - [${when}] "${req.method} ${req.path} HTTP/1.1" 200 ${NGINX_PAGE.length} "-" "${ua}" "-"`;
}

const bootcamp: App = (ctx) => {
  const startTime = Date.now();
  let requests = 0;
  ctx.log(`Kubernetes Bootcamp App Started At: ${new Date(startTime).toISOString()} | Running On:  ${ctx.hostname} `);
  ctx.log('');
  const served = () =>
    `Running On: ${ctx.hostname} | Total Requests: ${++requests} | App Uptime: ${(Date.now() - startTime) / 1000} seconds | Log Time: ${new Date().toISOString()}`;
  const handler = (): AppResponse => {
    ctx.log(served());
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: `Hello Kubernetes bootcamp! | Running on: ${ctx.hostname} | v=1\n` };
  };
  return { ports: new Map([[8080, handler]]), onTerminate: () => undefined, chatter: served };
};

const coredns: App = (ctx) => {
  for (const line of [
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.21.11, a6338e9',
  ]) ctx.log(line);
  const health = (): AppResponse => ({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'OK' });
  return { ports: new Map([[8080, health]]), onTerminate: () => ctx.exit(0) };
};

const idle: App = (ctx) => ({
  ports: new Map(),
  onTerminate: () => ctx.exit(0),
  chatter: (n) => `${new Date().toISOString()} INFO heartbeat ${n}`,
});

const finishing: App = (ctx) => {
  void ctx.clock.delay(1000, ctx.signal).then(() => ctx.signal.aborted || ctx.exit(0));
  return { ports: new Map(), onTerminate: () => ctx.exit(0) };
};

const APPS: Record<string, App> = {
  'luksa/kubia': kubia,
  'pilothouse/crash': crash,
  'pilothouse/loggen': loggen,
  'pilothouse/html': html,
  'library/nginx': nginx,
  'google-samples/kubernetes-bootcamp': bootcamp,
  'coredns/coredns': coredns,
};
