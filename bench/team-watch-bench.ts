/**
 * How team-mode subscriptions share upstream watches, measured side by side: 50 users (proxy mode,
 * impersonated, all in the viewers group) each watch pods in the same 5 namespaces of the scale seed,
 * once with `PILOTHOUSE_TEAM_WATCHES=per-user` (a watch per user and scope) and once with `shared` (the
 * console's own watch per scope, each subscription allowed by a SubjectAccessReview); the same 50 sockets
 * without login as the floor. Prints upstream watches open on the API server, the BFF's resident memory
 * and the time until every subscription had its snapshot, as Markdown. Part of `npm run bench`; alone:
 * `npx tsx bench/team-watch-bench.ts` (BENCH_USERS, BENCH_SCOPES, BENCH_TEAM_PODS; needs `.next`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from '../server/watch-hub/socket-client';

const SECRET = 'team-watch-bench-secret-0123456789abcdef';
const PROXY = { PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_SESSION_SECRET: SECRET, PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1' };
const asUser = (user: number) => ({ 'x-forwarded-user': `user-${user}`, 'x-forwarded-groups': 'pilothouse:viewers' });

export interface TeamWatchRow {
  label: string;
  /** Pod watches open on the API server once every subscription had its snapshot. */
  podWatches: number;
  /** Every watch open on the API server (the shared design adds its four RBAC watches). */
  allWatches: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  seconds: number;
}

export interface TeamWatchResult {
  users: number;
  scopes: number;
  podsPerScope: number;
  rows: TeamWatchRow[];
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function measure(
  options: { label: string; env: Record<string, string>; headers: (user: number) => Record<string, string>; users: number; scopes: number },
  cluster: Awaited<ReturnType<typeof startEmbeddedCluster>>,
  kubeconfigPath: string,
): Promise<TeamWatchRow> {
  const server: ConsoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_WATCH_IDLE_MS: '600000', ...options.env });
  const sockets: TestSocket[] = [];
  const count = (filter: (key: string) => boolean) => [...cluster.metrics.longRunningRequests].filter(([key]) => filter(key)).reduce((sum, [, n]) => sum + n, 0);
  try {
    const rssBeforeMiB = rssMiB(server.child.pid!);
    const start = performance.now();
    for (let user = 0; user < options.users; user++) {
      const socket = await connectSocket(server.url, options.headers(user));
      sockets.push(socket);
      const recordings = await Promise.all(
        Array.from({ length: options.scopes }, (_, scope) => recordWatch(socket, `w${scope}`, { context: 'bench', version: 'v1', resource: 'pods', namespace: `scale-${scope}` })),
      );
      await Promise.all(recordings.map((r) => r.until((x) => x.snapshots > 0, 120_000)));
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      label: options.label,
      podWatches: count((key) => key === 'watch/pods'),
      allWatches: count((key) => key.startsWith('watch/')),
      rssBeforeMiB,
      rssAfterMiB: rssMiB(server.child.pid!),
      seconds,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop('SIGKILL');
  }
}

/** Runs the three configurations one after another, each with a console of its own, on one cluster of its own. */
export async function benchTeamWatches(options: { users: number; scopes: number; pods: number; log?: (line: string) => void }): Promise<TeamWatchResult> {
  const { users, scopes, log } = options;
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods: options.pods, namespaces: 10 }, logRate: 0 });
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = 'bench';
  config['current-context'] = 'bench';
  const dir = mkdtempSync(join(os.tmpdir(), 'pilothouse-team-bench-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(config));
  const common = { users, scopes };
  try {
    const rows: TeamWatchRow[] = [];
    log?.('  without login (watches shared by context and path)...');
    rows.push(await measure({ ...common, label: 'no login: shared by path', env: {}, headers: () => ({}) }, cluster, kubeconfigPath));
    log?.('  proxy mode, PILOTHOUSE_TEAM_WATCHES=per-user...');
    rows.push(await measure({ ...common, label: 'per-user: keyed by identity', env: { ...PROXY, PILOTHOUSE_TEAM_WATCHES: 'per-user' }, headers: asUser }, cluster, kubeconfigPath));
    log?.('  proxy mode, PILOTHOUSE_TEAM_WATCHES=shared...');
    rows.push(await measure({ ...common, label: 'shared: console\'s watch + SubjectAccessReview', env: { ...PROXY, PILOTHOUSE_TEAM_WATCHES: 'shared' }, headers: asUser }, cluster, kubeconfigPath));
    return { users, scopes, podsPerScope: options.pods / 10, rows };
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report's table. */
export function teamWatchReport(r: TeamWatchResult): string {
  return [
    `Team-mode watches: ${r.users} users (proxy mode, impersonated) each watching pods in the same ${r.scopes} namespaces (${r.podsPerScope} pods each), one console per row:`,
    '',
    '| Sharing | Upstream pod watches | All upstream watches | BFF RSS before | BFF RSS after | Time to all snapshots |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (row) => `| ${row.label} | ${row.podWatches} | ${row.allWatches} | ${row.rssBeforeMiB.toFixed(0)} MiB | ${row.rssAfterMiB.toFixed(0)} MiB | ${row.seconds.toFixed(1)} s |`,
    ),
  ].join('\n');
}

if (process.argv[1]?.endsWith('team-watch-bench.ts')) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  benchTeamWatches({ users: Number(process.env.BENCH_USERS ?? 50), scopes: Number(process.env.BENCH_SCOPES ?? 5), pods: Number(process.env.BENCH_TEAM_PODS ?? 2_000), log }).then(
    (result) => {
      process.stdout.write(`${teamWatchReport(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
