/**
 * The BFF's shared watch cache at scale: an embedded cluster with the scale seed in a child process (so
 * this process's RSS is the cache's), the BFF's WatchHub in this one. Measures the first sync of all pods
 * (subscribe to `live`) against a straight list of the same scope, a second viewer's snapshot from the
 * cache against a straight list, the time to the first (partial) snapshot, and RSS holding the scope.
 * Alone: `node --expose-gc --import tsx bench/shared-cache-bench.ts` (BENCH_CACHE_PODS, BENCH_CACHE_NODES, BENCH_CACHE_NAMESPACES).
 * The second viewer's time here excludes the socket.io write to the browser.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { WatchHub } from '../server/watch-hub/watch-hub';
import { directClient } from './direct-client';
import { since } from './stats';

const rssMiB = () => process.memoryUsage().rss / 2 ** 20;

export async function benchSharedCache(options: { pods: number; nodes: number; namespaces: number; port: number; log: (line: string) => void }) {
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-cache-bench-')), 'kubeconfig');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/embedded-cluster/cli.ts', '--port', String(options.port), '--kubeconfig', kubeconfigPath, '--seed', 'scale', '--pods', String(options.pods), '--nodes', String(options.nodes), '--namespaces', String(options.namespaces), '--log-rate', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Press Ctrl+C') && resolve());
      child.once('exit', (code) => reject(new Error(`cluster exited ${code}`)));
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    const direct = directClient(readFileSync(kubeconfigPath, 'utf8'));
    global.gc?.();
    const rssBefore = rssMiB();
    const hub = new WatchHub({ resolveContext: async () => ({ kubeConfig }) as unknown as ResolvedContext, idleMs: 600_000 });
    const target = { context: 'embedded', group: '', version: 'v1', resource: 'pods' };
    const join = () =>
      new Promise<{ firstMs: number; liveMs: number; leave: () => void }>((resolve) => {
        const begun = performance.now();
        let firstMs = 0;
        let leave = () => {};
        const done = () => resolve({ firstMs, liveMs: since(begun), leave });
        void hub
          .subscribe({
            target,
            sink: {
              snapshot: (_items, _rv, partial) => {
                firstMs ||= since(begun);
                if (!partial) done();
              },
              events: () => undefined,
              status: (state) => state === 'live' && done(),
            },
          })
          .then((fn) => (leave = fn));
      });
    const first = await join();
    global.gc?.();
    const rssHolding = rssMiB();
    const second = await join();
    // The straight list after the BFF's, so its objects do not count in the RSS above.
    const start = performance.now();
    const pods = (JSON.parse((await direct.request('GET', '/api/v1/pods')).text) as { items: unknown[] }).items.length;
    const straightMs = since(start);
    options.log(`  straight list: ${pods} pods in ${straightMs} ms`);
    direct.close();
    first.leave();
    second.leave();
    hub.close();
    return { pods, nodes: options.nodes, straightMs, firstPageMs: first.firstMs, firstSyncMs: first.liveMs, secondMs: second.liveMs, rssBefore, rssHolding };
  } finally {
    child.kill('SIGKILL');
  }
}

export function sharedCacheReport(r: Awaited<ReturnType<typeof benchSharedCache>>): string {
  const row = (what: string, target: string, measured: string) => `| ${what} | ${target} | ${measured} |`;
  return [
    `The BFF's shared watch cache, ${r.pods} pods on ${r.nodes} nodes, all namespaces (embedded cluster in a child process, WatchHub in the bench process):`,
    '',
    '| measure | target | measured |',
    '| --- | --- | --- |',
    row('straight API list of all pods (JSON, parsed)', '-', `${r.straightMs} ms`),
    row('BFF first page to subscribers (partial snapshot)', '-', `${r.firstPageMs} ms`),
    row('BFF first sync (subscribe to live) vs straight list', 'at most 1.1x', `${r.firstSyncMs} ms = ${(r.firstSyncMs / r.straightMs).toFixed(2)}x`),
    row('BFF snapshot for a second viewer vs straight list', 'at most 0.5x', `${r.secondMs} ms = ${(r.secondMs / r.straightMs).toFixed(3)}x`),
    row('BFF RSS holding the scope', 'under 400 MB', `${r.rssHolding.toFixed(0)} MiB (${r.rssBefore.toFixed(0)} MiB before)`),
  ].join('\n');
}

if (process.argv[1]?.endsWith('shared-cache-bench.ts')) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  benchSharedCache({ pods: env('BENCH_CACHE_PODS', 50_000), nodes: env('BENCH_CACHE_NODES', 1_000), namespaces: env('BENCH_CACHE_NAMESPACES', 100), port: env('BENCH_CACHE_PORT', 0), log }).then(
    (result) => {
      process.stdout.write(`${sharedCacheReport(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
