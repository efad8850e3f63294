import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DirectClient } from './direct-client';
import { percentile } from './stats';
import type { ListView } from '@/lib/contract/row-view';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import type { TargetRow } from './targets';

export interface EventLatencyResult {
  clients: number;
  view: ListView;
  writes: number;
  writers: number;
  /** Writes per second achieved (all writers together). */
  writeRate: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The 1-minute load average when the writes ended. */
  load: number;
  /** p99 over writes of the first client's receipt: the part of the latency before the fan-out. */
  firstP99Ms: number;
  /** CPU time while the writes ran, in % of one core: the BFF (when its pid is known) and this process. */
  bffCpuPercent?: number;
  benchCpuPercent: number;
}

/**
 * `clients` sockets watch one namespace's pods through the BFF; each write (a label patch) is timed from
 * just before the API request to the moment each client receives the MODIFIED event carrying it. The
 * clients live in worker threads and speak the socket.io protocol without decoding the pods
 * (bench/event-client-worker.mjs says why), so they neither delay the writers nor are delayed by them. `writers` write in parallel, each to its own pod (from `pods`,
 * else `pod` for all): with `ratePerSecond` the writes are paced on one shared schedule (a writer that fell
 * behind writes at once), otherwise each writer waits `gapMs` after each of its writes.
 */
export async function benchEventLatency(options: {
  bffUrl: string;
  context: string;
  namespace: string;
  pod: string;
  direct: DirectClient;
  clients: number;
  writes: number;
  gapMs: number;
  writers?: number;
  ratePerSecond?: number;
  pods?: string[];
  /** Worker threads the clients are spread over (default 2). */
  clientThreads?: number;
  /** The BFF's process id, to report its CPU time (Linux /proc). */
  bffPid?: number;
  /** What the clients subscribe to: whole objects (the default) or the Pods page's rows. */
  view?: ListView;
}): Promise<EventLatencyResult> {
  const { namespace } = options;
  const writers = options.writers ?? 1;
  const targets = options.pods && options.pods.length > 0 ? options.pods : [options.pod];
  const threads = Math.max(1, Math.min(options.clientThreads ?? 2, options.clients));
  const workers = Array.from({ length: threads }, (_, t) =>
    clientWorker({
      bffUrl: options.bffUrl,
      context: options.context,
      namespace,
      clients: Math.floor(options.clients / threads) + (t < options.clients % threads ? 1 : 0),
      offset: t,
      view: options.view,
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.ask({ op: 'connect' })));
    const sent = new Map<string, number>();
    const now = () => performance.timeOrigin + performance.now();
    const started = now();
    const bffCpuBefore = processCpuMs(options.bffPid);
    const benchCpuBefore = process.cpuUsage();
    const write = async (i: number, pod: string) => {
      const mark = `m${i}`;
      sent.set(mark, now());
      const res = await options.direct.request('PATCH', resourcePath({ ...pods, namespace, name: pod }), { metadata: { labels: { 'bench-mark': mark } } }, 'application/merge-patch+json');
      if (res.status !== 200) throw new Error(`patch failed: ${res.status} ${res.text.slice(0, 200)}`);
    };
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const pod = targets[w % targets.length] as string;
        for (let i = w; i < options.writes; i += writers) {
          if (options.ratePerSecond) {
            const wait = started + (i * 1000) / options.ratePerSecond - now();
            if (wait > 0) await sleep(wait);
          }
          await write(i, pod);
          if (!options.ratePerSecond) await sleep(options.gapMs);
        }
      }),
    );
    const elapsed = now() - started;
    const writeRate = (options.writes * 1000) / elapsed;
    const load = os.loadavg()[0] ?? 0;
    const bffCpuAfter = processCpuMs(options.bffPid);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const expected = options.clients * options.writes;
    const samples: number[] = [];
    const firsts: number[] = [];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      samples.length = 0;
      const first = new Map<string, number>();
      for (const w of workers) {
        const { received } = (await w.ask({ op: 'collect' })) as { received: Record<string, number[]> };
        for (const [mark, times] of Object.entries(received)) {
          const at = sent.get(mark);
          if (at === undefined) continue;
          for (const t of times) samples.push(t - at);
          first.set(mark, Math.min(first.get(mark) ?? Infinity, ...times.map((t) => t - at)));
        }
      }
      firsts.splice(0, firsts.length, ...first.values());
      if (samples.length >= expected) break;
      await sleep(250);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      clients: options.clients,
      view: options.view ?? 'objects',
      writes: options.writes,
      writers,
      writeRate: round(writeRate),
      // Events never received count as infinitely late, so a lost event cannot improve the percentiles.
      samples: samples.length,
      p50Ms: round(percentile(padded(samples, expected), 50)),
      p99Ms: round(percentile(padded(samples, expected), 99)),
      maxMs: round(percentile(padded(samples, expected), 100)),
      firstP99Ms: round(percentile(firsts, 99)),
      load: round(load),
      bffCpuPercent: bffCpuBefore !== undefined && bffCpuAfter !== undefined ? Math.round(((bffCpuAfter - bffCpuBefore) / elapsed) * 100) : undefined,
      benchCpuPercent: Math.round(((benchCpu.user + benchCpu.system) / 1000 / elapsed) * 100),
    };
  } finally {
    await Promise.all(workers.map((w) => w.ask({ op: 'close' }).catch(() => undefined)));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The fan-out target of issue 16: `clients` socket clients on one scope (a namespace of the scale seed) at
 * `ratePerSecond` writes a second from `writers` writers in parallel; write-to-client p99 under 100 ms. Run
 * once per view in `views`: `rows` is how the Pods page subscribes (the target), `objects` what pages that
 * show whole pods get, for comparison.
 */
export async function benchFanOut(options: {
  bffUrl: string;
  context: string;
  namespace: string;
  pods: string[];
  direct: DirectClient;
  clients?: number;
  ratePerSecond?: number;
  seconds?: number;
  writers?: number;
  bffPid?: number;
  views?: ListView[];
}): Promise<{ rows: TargetRow[]; results: EventLatencyResult[] }> {
  const clients = options.clients ?? 200;
  const ratePerSecond = options.ratePerSecond ?? 200;
  const writers = options.writers ?? 8;
  const results: EventLatencyResult[] = [];
  for (const view of options.views ?? ['rows', 'objects']) {
    results.push(
      await benchEventLatency({
        bffUrl: options.bffUrl,
        context: options.context,
        namespace: options.namespace,
        pod: options.pods[0] ?? '',
        pods: options.pods,
        direct: options.direct,
        clients,
        writes: Math.round(ratePerSecond * (options.seconds ?? 10)),
        gapMs: 0,
        writers,
        ratePerSecond,
        bffPid: options.bffPid,
        view,
      }),
    );
  }
  return {
    results,
    rows: results.map((result) => ({
      measure: `${clients} socket clients on one scope at ${ratePerSecond} events/s: write-to-client p99 (${result.view === 'rows' ? "rows, as the Pods page subscribes" : 'whole objects, for comparison'})`,
      target: result.view === 'rows' ? 'under 100 ms' : '(no target)',
      measured: `${result.p99Ms} ms (p50 ${result.p50Ms} ms, max ${result.maxMs} ms, first client's p99 ${result.firstP99Ms} ms; ${result.writeRate} writes/s by ${writers} writers, ${result.samples} of ${clients * result.writes} receipts; CPU: BFF ${result.bffCpuPercent ?? '?'}%, clients+cluster ${result.benchCpuPercent}% of a core; load ${result.load})`,
      met: result.p99Ms < 100 && result.samples === clients * result.writes,
    })),
  };
}

// utime + stime of a process from /proc/<pid>/stat, in ms (undefined off Linux or without a pid).
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function padded(samples: number[], expected: number): number[] {
  return samples.length >= expected ? samples : [...samples, ...Array<number>(expected - samples.length).fill(Infinity)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientWorker(data: { bffUrl: string; context: string; namespace: string; clients: number; offset: number; view?: ListView }) {
  // Plain JavaScript: a worker thread does not inherit tsx's loader on Node 20.
  const worker = new Worker(new URL('./event-client-worker.mjs', import.meta.url), { workerData: data });
  let failed: Error | undefined;
  worker.on('error', (error) => (failed = error));
  return {
    ask: (message: { op: 'connect' | 'collect' | 'close' }) =>
      new Promise<unknown>((resolve, reject) => {
        if (failed) return reject(failed);
        worker.once('message', (reply: { ok: boolean; error?: string }) => (reply.ok ? resolve(reply) : reject(new Error(reply.error))));
        worker.postMessage(message);
      }),
    terminate: () => worker.terminate(),
  };
}
