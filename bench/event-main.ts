/**
 * The fan-out bench alone (`npx tsx bench/event-main.ts [pods nodes namespaces]`): the embedded cluster with
 * the scale seed (default 50,000 pods on 1,000 nodes in 100 namespaces), the console as `npm start` runs it
 * (production build, `.next` must exist), then 200 socket.io clients on one namespace's pods at 200 writes a
 * second from 8 writers (BENCH_CLIENTS, BENCH_RATE, BENCH_SECONDS, BENCH_WRITERS change them), once
 * subscribed to rows as the Pods page is, once to whole objects (BENCH_VIEWS=rows,objects picks). Prints the
 * target rows as Markdown.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole } from '../server/testing/console-process';
import { directClient } from './direct-client';
import { benchFanOut } from './event-bench';
import { LIST_VIEWS, type ListView } from '@/lib/contract/row-view';
import { pods as podsResource } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

async function main(): Promise<void> {
  const [pods = 50_000, nodes = 1_000, namespaces = 100] = process.argv.slice(2).map(Number);
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`starting the embedded cluster with ${pods} pods, ${nodes} nodes, ${namespaces} namespaces...`);
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods, nodes, namespaces }, logRate: 0 });
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = 'bench';
  config['current-context'] = 'bench';
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(config));
  const direct = directClient(cluster.kubeconfigYaml);
  const consoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  try {
    const writers = env('BENCH_WRITERS') ?? 8;
    const { text } = await direct.request('GET', resourcePath({ ...podsResource, namespace: 'scale-0', query: { limit: writers } }));
    const names = (JSON.parse(text) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);
    log(`fan-out: load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    // The embedded cluster shares this thread with the writers: its stalls are the writes' latency too.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const pauses: number[] = [];
    const gc = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => e.duration)));
    gc.observe({ entryTypes: ['gc'] });
    loopDelay.enable();
    const { rows } = await benchFanOut({
      bffUrl: consoleProcess.url,
      context: 'bench',
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
    log(`cluster thread while writing: event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms; GC ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} ms in ${pauses.length} pauses, ${long.length} of 20 ms or more (${long.slice(0, 5).map((ms) => ms.toFixed(0)).join(', ')} ms)`);
    process.stdout.write(['| measure | target | measured | met |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.measure} | ${r.target} | ${r.measured} | ${r.met ? 'yes' : 'no'} |`)].join('\n'));
    process.stdout.write('\n');
  } finally {
    // SIGINT first (no drain delay), so a console started with NODE_OPTIONS=--cpu-prof writes its profile.
    const killer = setTimeout(() => void consoleProcess.stop('SIGKILL'), 12_000);
    await consoleProcess.stop('SIGINT');
    clearTimeout(killer);
    direct.close();
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
