/**
 * `npx tsx bench/team-watch-bench.ts`: what keying shared upstream watches by identity costs. 50 users
 * (proxy mode, impersonated, all in the viewers group) each watch pods in the same 5 namespaces of the
 * scale seed; the same 50 sockets without login share 5 upstream watches. Prints upstream watches open on
 * the API server and the BFF's resident memory for both, as Markdown. Needs a production build (`.next`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from '../server/watch-hub/socket-client';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SCOPES = Number(process.env.BENCH_SCOPES ?? 5);
const PODS = Number(process.env.BENCH_PODS ?? 2_000);
const SECRET = 'team-watch-bench-secret-0123456789abcdef';

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function measure(options: { label: string; env: Record<string, string>; headers: (user: number) => Record<string, string> }, cluster: Awaited<ReturnType<typeof startEmbeddedCluster>>, kubeconfigPath: string) {
  const server: ConsoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_WATCH_IDLE_MS: '600000', ...options.env });
  const sockets: TestSocket[] = [];
  try {
    const before = rssMiB(server.child.pid!);
    const start = performance.now();
    for (let user = 0; user < USERS; user++) {
      const socket = await connectSocket(server.url, options.headers(user));
      sockets.push(socket);
      const recordings = await Promise.all(
        Array.from({ length: SCOPES }, (_, scope) => recordWatch(socket, `w${scope}`, { context: 'bench', version: 'v1', resource: 'pods', namespace: `scale-${scope}` })),
      );
      await Promise.all(recordings.map((r) => r.until((x) => x.snapshots > 0, 120_000)));
    }
    const seconds = (performance.now() - start) / 1000;
    const watches = [...cluster.metrics.longRunningRequests.values()].reduce((sum, n) => sum + n, 0);
    const after = rssMiB(server.child.pid!);
    return { label: options.label, watches, before, after, seconds };
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop('SIGKILL');
  }
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods: PODS, namespaces: 10 }, logRate: 0 });
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = 'bench';
  config['current-context'] = 'bench';
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-team-bench-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(config));
  try {
    const rows = [];
    log('without login (watches shared by context and path)...');
    rows.push(await measure({ label: 'none: shared by path', env: {}, headers: () => ({}) }, cluster, kubeconfigPath));
    log('proxy mode (watches keyed by identity)...');
    rows.push(
      await measure(
        {
          label: 'proxy: keyed by identity',
          env: { PILOTHOUSE_AUTH: 'proxy', PILOTHOUSE_SESSION_SECRET: SECRET, PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1' },
          headers: (user) => ({ 'x-forwarded-user': `user-${user}`, 'x-forwarded-groups': 'pilothouse:viewers' }),
        },
        cluster,
        kubeconfigPath,
      ),
    );
    console.log(`${USERS} users x ${SCOPES} scopes (pods of one namespace each, ${PODS / 10} pods per namespace)\n`);
    console.log('| Keying | Upstream watches | BFF RSS before | BFF RSS after | Time to all snapshots |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.label} | ${row.watches} | ${row.before.toFixed(0)} MiB | ${row.after.toFixed(0)} MiB | ${row.seconds.toFixed(1)} s |`);
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
