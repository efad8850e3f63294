/**
 * The BFF's shared watch cache at scale: an embedded cluster with the scale seed in a child process (so
 * this process's RSS is the cache's), the BFF's WatchHub and its socket.io watch channel in this one.
 * Viewers subscribe to rows, as the Pods page does. Measures the first sync of all pods (subscribe to
 * `live`) against a straight list of the same scope, a second viewer's snapshot through socket.io (rows, and
 * whole objects for comparison) (subscribe to the snapshot parsed in a socket.io client in a
 * process of its own, as a second browser tab gets it) against a straight list from the same kind of
 * process (bench/cache-viewer-client.ts), and RSS holding the scope.
 * Alone: `npx tsx bench/shared-cache-bench.ts` (BENCH_CACHE_PODS, BENCH_CACHE_NODES, BENCH_CACHE_NAMESPACES,
 * BENCH_CACHE_PORT: the cluster's port, the socket server takes the next one).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { KubeConfig } from '@kubernetes/client-node';
import { Server } from 'socket.io';
import { SOCKET_PATH } from '@/lib/contract/socket-events';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { upstreamRequest } from '@/lib/server/kube/upstream-request';
import type { SocketHub } from '../server/socket-hub';
import { attachWatchChannel } from '../server/watch-hub/watch-channel';
import { WatchHub } from '../server/watch-hub/watch-hub';
import { reportTargetsToParent } from './child-bench';
import { since } from './stats';
import { targetsTable, type TargetRow } from './targets';

export interface SharedCacheOptions {
  pods: number;
  nodes: number;
  namespaces: number;
  /** The embedded cluster's port; the socket.io server listens on the next one. 0: any free ports. */
  port: number;
  log: (line: string) => void;
}

// RSS after a full collection, so garbage of the sync does not count as the cache. `--expose-gc` from
// within, so the bench runs alone under plain `npx tsx`.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
const rssBytes = () => {
  collect();
  collect();
  return process.memoryUsage().rss;
};
const MB = 1e6;
/** Straight lists taken; the fastest is the one compared with (the strictest reading of a target). */
const STRAIGHT_RUNS = 2;

/** Runs bench/cache-viewer-client.ts with `args` and resolves with what it measured. */
async function viewer(args: string[]): Promise<{ ms: number; count: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cache-viewer-client.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the viewer (${args[0]}) exited with ${code}`);
  return JSON.parse(out) as { ms: number; count: number };
}

/** Runs the bench and returns its targets rows; details go to `log`. */
export async function benchSharedCache(options: SharedCacheOptions): Promise<TargetRow[]> {
  const { log } = options;
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-cache-bench-')), 'kubeconfig');
  const args = ['--import', 'tsx', 'server/embedded-cluster/cli.ts', '--port', String(options.port), '--kubeconfig', kubeconfigPath, '--seed', 'scale'];
  args.push('--pods', String(options.pods), '--nodes', String(options.nodes), '--namespaces', String(options.namespaces), '--log-rate', '0');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const httpServer = http.createServer();
  let hub: WatchHub | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Press Ctrl+C') && resolve());
      child.once('exit', (code) => reject(new Error(`cluster exited ${code}`)));
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    // Warms the cluster (a freshly started process serves its first lists with cold code) for both sides;
    // the body is dropped as it comes, so it is not in this process's RSS.
    const warm = await upstreamRequest(kubeConfig, { method: 'GET', path: '/api/v1/pods', headers: { accept: 'application/json' } });
    await new Promise((resolve) => warm.on('end', resolve).resume());
    const rssBefore = rssBytes();
    const openHub = new WatchHub({ resolveContext: async () => ({ kubeConfig }) as unknown as ResolvedContext, idleMs: 600_000 });
    hub = openHub;
    const target = { context: 'embedded', group: '', version: 'v1', resource: 'pods', view: 'rows' as const };

    // The first viewer, in process: subscribe until the whole list is live.
    const begun = performance.now();
    let firstPageMs = 0;
    let leaveFirst = () => {};
    const firstSyncMs = await new Promise<number>((resolve) => {
      void openHub
        .subscribe({
          target,
          sink: {
            snapshot: (_items, _rv, partial) => {
              firstPageMs ||= since(begun);
              if (!partial) resolve(since(begun));
            },
            events: () => undefined,
            status: (state) => state === 'live' && resolve(since(begun)),
          },
        })
        .then((leave) => (leaveFirst = leave));
    });
    log(`  BFF first page ${firstPageMs} ms, live ${firstSyncMs} ms`);
    const rssHolding = rssBytes();
    log(`  RSS ${(rssBefore / MB).toFixed(0)} MB before, ${(rssHolding / MB).toFixed(0)} MB holding ${options.pods} pods`);

    // The second viewer through the watch channel, in a process of its own as a second tab.
    const io: SocketHub = new Server(httpServer, { path: SOCKET_PATH, serveClient: false, transports: ['websocket'] });
    attachWatchChannel(io, openHub);
    await new Promise<void>((resolve) => httpServer.listen(options.port ? options.port + 1 : 0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as { port: number };
    const second = await viewer(['socket', `http://127.0.0.1:${port}`, 'rows']);
    log(`  second viewer: ${second.count} rows through socket.io in ${second.ms} ms`);
    const secondMs = second.ms;
    const objects = await viewer(['socket', `http://127.0.0.1:${port}`, 'objects']);
    log(`  second viewer of objects: ${objects.count} pods through socket.io in ${objects.ms} ms`);

    // The straight lists from a process of the same kind, after the BFF's sync.
    const straight: number[] = [];
    let listed = 0;
    for (let run = 0; run < STRAIGHT_RUNS; run++) {
      const list = await viewer(['straight', kubeconfigPath]);
      listed = list.count;
      straight.push(list.ms);
    }
    const straightMs = Math.min(...straight);
    log(`  straight list: ${listed} pods in ${straight.join(', ')} ms`);
    leaveFirst();

    const ratio = (ms: number) => ms / straightMs;
    const scope = `${options.pods.toLocaleString('en')} pods / ${options.nodes.toLocaleString('en')} nodes, all namespaces`;
    return [
      {
        measure: `BFF snapshot for a second viewer vs a straight API list of the same scope (${scope})`,
        target: 'at most 0.5x the time',
        measured: `${secondMs} ms through socket.io vs ${straightMs} ms = ${ratio(secondMs).toFixed(2)}x (rows, as the Pods page subscribes; whole objects ${objects.ms} ms = ${ratio(objects.ms).toFixed(2)}x)`,
        met: ratio(secondMs) <= 0.5,
      },
      {
        measure: `BFF first sync vs a straight API list (${scope}, rows)`,
        target: 'at most 1.1x',
        measured: `${firstSyncMs} ms (first page after ${firstPageMs} ms) vs ${straightMs} ms = ${ratio(firstSyncMs).toFixed(2)}x`,
        met: ratio(firstSyncMs) <= 1.1,
      },
      {
        measure: `BFF memory holding the ${scope.split(' /')[0]} scope`,
        target: 'under 400 MB RSS',
        measured: `${(rssHolding / MB).toFixed(0)} MB RSS (${(rssBefore / MB).toFixed(0)} MB before the scope)`,
        met: rssHolding < 400 * MB,
      },
    ];
  } finally {
    hub?.close();
    httpServer.close();
    child.kill('SIGKILL');
  }
}

/** The rows as a Markdown table (bench/targets.ts prints the same rows in the whole bench's table). */
export function sharedCacheReport(rows: TargetRow[]): string {
  return [
    "The BFF's shared watch cache (embedded cluster in a child process, WatchHub and its socket.io channel in the bench process):",
    '',
    targetsTable(rows),
  ].join('\n');
}

if (process.argv[1]?.endsWith('shared-cache-bench.ts')) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  benchSharedCache({ pods: env('BENCH_CACHE_PODS', 50_000), nodes: env('BENCH_CACHE_NODES', 1_000), namespaces: env('BENCH_CACHE_NAMESPACES', 100), port: env('BENCH_CACHE_PORT', 0), log }).then(
    (rows) => {
      log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      process.stdout.write(`${sharedCacheReport(rows)}\n`);
      reportTargetsToParent(rows);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
