/**
 * The fan-out bench alone (`npx tsx bench/event-main.ts [pods nodes namespaces]`): the embedded cluster with
 * the scale seed (default 50,000 pods on 1,000 nodes in 100 namespaces) in a process of its own, as an API
 * server is (on BENCH_CLUSTER_PORT, default 34650), with a 64 MB young generation (BENCH_CLUSTER_SEMI_SPACE_MB;
 * 0 for V8's default): with V8's default, its thread spent 1.8 s of a 10 s run in 54 GC pauses, up to 220 ms
 * each, and those stalls were the fan-out's p99 (with 64 MB: 0.4 s in 16). Then the console as `npm start` runs it
 * (production build, `.next` must exist), then 200 socket.io clients on one namespace's pods at 200 writes a
 * second from 8 writers (BENCH_CLIENTS, BENCH_RATE, BENCH_SECONDS, BENCH_WRITERS change them), once
 * subscribed to rows as the Pods page is, once to whole objects (BENCH_VIEWS=rows,objects picks). Prints the
 * target rows as Markdown.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { startConsole } from '../server/testing/console-process';
import { directClient } from './direct-client';
import { reportTargetsToParent } from './child-bench';
import { benchFanOut } from './event-bench';
import { targetsTable } from './targets';
import { LIST_VIEWS, type ListView } from '@/lib/contract/row-view';
import { pods as podsResource } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

async function main(): Promise<void> {
  const [pods = 50_000, nodes = 1_000, namespaces = 100] = process.argv.slice(2).map(Number);
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`starting the embedded cluster with ${pods} pods, ${nodes} nodes, ${namespaces} namespaces...`);
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-')), 'kubeconfig');
  const semiSpaceMb = env('BENCH_CLUSTER_SEMI_SPACE_MB') ?? 64;
  const args = [...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : []), '--import', 'tsx', 'server/embedded-cluster/cli.ts'];
  args.push('--port', String(env('BENCH_CLUSTER_PORT') ?? 34650), '--kubeconfig', kubeconfigPath, '--seed', 'scale');
  args.push('--pods', String(pods), '--nodes', String(nodes), '--namespaces', String(namespaces), '--log-rate', '0');
  const cluster = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // However main ends (process.exit included), the cluster goes with it.
  process.once('exit', () => cluster.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    cluster.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Press Ctrl+C') && resolve());
    cluster.once('exit', (code) => reject(new Error(`the cluster exited with ${code}`)));
  });
  const direct = directClient(readFileSync(kubeconfigPath, 'utf8'));
  const consoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  try {
    const writers = env('BENCH_WRITERS') ?? 8;
    const { text } = await direct.request('GET', resourcePath({ ...podsResource, namespace: 'scale-0', query: { limit: writers } }));
    const names = (JSON.parse(text) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);
    log(`fan-out: load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    // This thread's writers and the clients' workers: a stall here would be the bench's, not the BFF's.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const pauses: number[] = [];
    const gc = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => e.duration)));
    gc.observe({ entryTypes: ['gc'] });
    loopDelay.enable();
    const { rows } = await benchFanOut({
      bffUrl: consoleProcess.url,
      context: 'embedded',
      namespace: 'scale-0',
      pods: names,
      direct,
      clients: env('BENCH_CLIENTS'),
      ratePerSecond: env('BENCH_RATE'),
      seconds: env('BENCH_SECONDS'),
      writers,
      bffPid: consoleProcess.child.pid,
      views: process.env.BENCH_VIEWS?.split(',').filter((v): v is ListView => (LIST_VIEWS as readonly string[]).includes(v)),
    });
    loopDelay.disable();
    gc.disconnect();
    const long = pauses.filter((ms) => ms >= 20).sort((a, b) => b - a);
    log(`bench thread while writing: event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms; GC ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} ms in ${pauses.length} pauses, ${long.length} of 20 ms or more (${long.slice(0, 5).map((ms) => ms.toFixed(0)).join(', ')} ms)`);
    process.stdout.write(`\nFan-out through the BFF (bench/event-main.ts):\n\n${targetsTable(rows)}\n`);
    reportTargetsToParent(rows);
  } finally {
    // SIGINT first (no drain delay), so a console started with NODE_OPTIONS=--cpu-prof writes its profile.
    const killer = setTimeout(() => void consoleProcess.stop('SIGKILL'), 12_000);
    await consoleProcess.stop('SIGINT');
    clearTimeout(killer);
    direct.close();
    cluster.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
