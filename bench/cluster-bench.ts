/**
 * The embedded cluster at scale (issue 16: "serves lists and watches without stalls"): seeds 50,000 pods on
 * 1,000 nodes in 100 namespaces, then measures a full list, a paged list (limit 500 with continue) and a
 * watch without resourceVersion (all initial ADDED events), each with the longest event-loop stall of the
 * API server meanwhile (perf_hooks `monitorEventLoopDelay`) and the slowest `GET /readyz` answered while it
 * ran. The client runs in a worker thread (bench/cluster-client-worker.mjs), so its parsing is not counted
 * against the server. Alone: `npx tsx bench/cluster-bench.ts [pods nodes namespaces]`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { startEmbeddedCluster, type EmbeddedCluster } from '../server/embedded-cluster';
import { reportTargetsToParent } from './child-bench';
import { targetsTable, type TargetRow } from './targets';

/** What the client worker (bench/cluster-client-worker.mjs) is asked to do. */
type ClientOperation =
  | { op: 'list'; path: string }
  | { op: 'paged'; path: string; limit: number }
  | { op: 'watch'; path: string; expect: number }
  | { op: 'probe'; path: string }
  | { op: 'probe-start' }
  | { op: 'probe-stop' };

/** What the client worker answers. */
interface ClientResult {
  ms: number;
  bytes: number;
  items: number;
}

/** What the probe worker answers: the slowest `GET /readyz` while the operation ran, and how many there were. */
interface ProbeResult {
  probeMaxMs: number;
  probes: number;
}

/** How long another request may wait while a list or watch is served (the "without stalls"). */
const STALL_TARGET_MS = 100;

/** Sizes of the scale seed to measure. */
export interface ClusterBenchOptions {
  pods: number;
  nodes: number;
  namespaces: number;
  log?: (line: string) => void;
}

/** Measures the embedded cluster at scale; resolves with target rows. */
export async function benchEmbeddedCluster(options: ClusterBenchOptions): Promise<TargetRow[]> {
  const log = options.log ?? (() => {});
  const { pods, nodes, namespaces } = options;
  const scale = `${pods.toLocaleString('en')} pods / ${nodes.toLocaleString('en')} nodes / ${namespaces} namespaces`;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods, nodes, namespaces }, logRate: 0 });
  const seedMs = performance.now() - start;
  log(`  seeded ${scale} in ${Math.round(seedMs)} ms`);
  await settle(cluster);
  const settledMs = performance.now() - start;
  const rss = process.memoryUsage().rss;
  log(`  settled after ${Math.round(settledMs)} ms; RSS ${mib(rss)} MiB (+${mib(rss - rssBefore)})`);
  const client = startWorker(cluster);
  const prober = startWorker(cluster);
  try {
    const measure = async (operation: ClientOperation) => {
      await prober.run({ op: 'probe-start' });
      delay.reset();
      const result = (await client.run(operation)) as ClientResult;
      const stallMs = delay.max / 1e6;
      const probes = (await prober.run({ op: 'probe-stop' })) as ProbeResult;
      return { ...result, ...probes, stallMs };
    };
    await measure({ op: 'probe', path: '/api/v1/namespaces/default/pods?limit=1' });
    const full = await measure({ op: 'list', path: '/api/v1/pods' });
    log(`  full list: ${full.items} items, ${mib(full.bytes)} MiB in ${Math.round(full.ms)} ms; stall ${Math.round(full.stallMs)} ms, /readyz max ${Math.round(full.probeMaxMs)} ms`);
    const paged = await measure({ op: 'paged', path: '/api/v1/pods', limit: 500 });
    log(`  paged list: ${paged.items} items in ${Math.round(paged.ms)} ms; stall ${Math.round(paged.stallMs)} ms, /readyz max ${Math.round(paged.probeMaxMs)} ms`);
    const watch = await measure({ op: 'watch', path: '/api/v1/pods?watch=true', expect: full.items });
    log(`  watch, initial events: ${watch.items} in ${Math.round(watch.ms)} ms; stall ${Math.round(watch.stallMs)} ms, /readyz max ${Math.round(watch.probeMaxMs)} ms`);
    const stallRows = (what: string, r: typeof full): TargetRow[] => [
      {
        measure: `embedded cluster, ${what}: longest event-loop stall / slowest /readyz meanwhile`,
        target: `under ${STALL_TARGET_MS} ms`,
        measured: `${Math.round(r.stallMs)} ms / ${Math.round(r.probeMaxMs)} ms (${r.items} items in ${(r.ms / 1000).toFixed(1)} s)`,
        met: r.stallMs < STALL_TARGET_MS && r.probeMaxMs < STALL_TARGET_MS && r.items >= pods,
      },
    ];
    return [
      {
        measure: `embedded cluster, scale seed ${scale}: start / controllers settled / RSS`,
        target: 'reported',
        measured: `${(seedMs / 1000).toFixed(1)} s / ${(settledMs / 1000).toFixed(1)} s / ${mib(rss)} MiB`,
        met: true,
      },
      ...stallRows('full list of all pods', full),
      ...stallRows('paged list, limit 500 with continue', paged),
      ...stallRows('watch without resourceVersion (initial ADDED events)', watch),
    ];
  } finally {
    delay.disable();
    await client.close();
    await prober.close();
    await cluster.stop();
  }
}

// The controllers' first syncs (statuses of every ReplicaSet and Deployment) write for a while after start.
async function settle(cluster: EmbeddedCluster): Promise<void> {
  let last = '';
  while (last !== cluster.registry.store.currentResourceVersion()) {
    last = cluster.registry.store.currentResourceVersion();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function startWorker(cluster: EmbeddedCluster) {
  // Plain JavaScript: a worker thread does not inherit tsx's loader on Node 20.
  const worker = new Worker(new URL('./cluster-client-worker.mjs', import.meta.url), {
    workerData: { url: cluster.url, token: cluster.tokens.admin, ca: cluster.caCert },
  });
  return {
    run: (operation: ClientOperation) =>
      new Promise<ClientResult | ProbeResult | undefined>((resolve, reject) => {
        worker.once('message', (message: { ok: true; result?: ClientResult | ProbeResult } | { ok: false; error: string }) =>
          message.ok ? resolve(message.result) : reject(new Error(message.error)),
        );
        worker.postMessage(operation);
      }),
    close: () => worker.terminate(),
  };
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const [pods = 50_000, nodes = 1_000, namespaces = 100] = process.argv.slice(2).map(Number);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`embedded cluster bench (load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  const rows = await benchEmbeddedCluster({ pods, nodes, namespaces, log });
  process.stdout.write(`\nThe embedded cluster (bench/cluster-bench.ts):\n\n${targetsTable(rows)}`);
  reportTargetsToParent(rows);
  process.stdout.write(`\n\nload average after: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
