/**
 * `npm run bench`: the BFF against the API server it fronts, on the embedded cluster's scale seed (10,000
 * Running pods in 10 namespaces). Starts the cluster in this process, the console as `npm start` runs it
 * (production build, `.next` must exist) in a child process with a kubeconfig for the cluster, then measures:
 * list time through the BFF vs straight; event latency from an API write to 100 socket.io subscribers;
 * the logs (bench/log-suite.ts: lines per second through socket.io vs straight, a Logs tab in Chromium following
 * 10,000 lines/s up to a million lines: lag, search, heap); the scheduling preview on 1,000 nodes and 50,000 pods,
 * in Node and then in Chromium (on a cluster of its own with that seed, once the first one is stopped); the
 * Pods page in Chromium at 50,000 pods on 1,000 nodes (bench/ui-bench.ts, a cluster of its own too), then the
 * Nodes and Namespaces pages there with 100 namespaces (bench/list-pages-bench.ts, a cluster of its own); in
 * processes of their own (bench/child-bench.ts), the BFF's shared watch cache at 50,000 pods
 * (bench/shared-cache-bench.ts), the embedded cluster at 50,000 pods (bench/cluster-bench.ts) and the fan-out
 * to 200 socket clients at 200 writes/s (bench/event-main.ts); then how team-mode subscriptions of 50 users
 * on 5 scopes share upstream watches (bench/team-watch-bench.ts).
 * Prints a Markdown report for docs/benchmarks.md, ending with one table of every target of issue 16
 * against what was measured (each bench returns its `TargetRow`s; a new one adds a `targets.push(...)`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole } from '../server/testing/console-process';
import { directClient } from './direct-client';
import { benchEventLatency } from './event-bench';
import { benchLists } from './list-bench';
import { benchLogs } from './log-suite';
import { benchSchedulingPreview } from './scheduling-bench';
import { benchSchedulingInBrowser, schedulingBrowserReport, schedulingBrowserTargets } from './scheduling-browser-bench';
import { targetsTable, type TargetRow } from './targets';
import { benchPodsPage, podsPageTargets } from './ui-bench';
import { benchListPages, listPagesTargets } from './list-pages-bench';
import { benchEditor } from './editor-bench';
import { benchTeamWatches, teamWatchReport } from './team-watch-bench';
import { runBenchInChild } from './child-bench';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

const PODS = Number(process.env.BENCH_PODS ?? 10_000);
const CONTEXT = 'bench';

async function main(): Promise<void> {
  const targets: TargetRow[] = [];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`starting the embedded cluster with the scale seed (${PODS} pods)...`);
  let start = performance.now();
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods: PODS }, logRate: 0 });
  log(`  ready in ${Math.round(performance.now() - start)} ms`);
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = CONTEXT;
  config['current-context'] = CONTEXT;
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(config));
  const direct = directClient(cluster.kubeconfigYaml);
  const consoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  try {
    const { text } = await direct.request('GET', resourcePath({ ...pods, query: { limit: 1 } }));
    const first = (JSON.parse(text) as { items: { metadata: { name: string; namespace: string } }[] }).items[0];
    if (!first) throw new Error('the scale seed has no pods');

    log('lists...');
    const lists = await benchLists({
      bffUrl: consoleProcess.url,
      context: CONTEXT,
      direct,
      paths: [resourcePath(pods), resourcePath({ ...pods, namespace: first.metadata.namespace }), resourcePath({ ...pods, query: { limit: 500 } })],
      runs: 5,
    });

    log('event latency with 100 subscribers...');
    const events = await benchEventLatency({
      bffUrl: consoleProcess.url,
      context: CONTEXT,
      namespace: first.metadata.namespace,
      pod: first.metadata.name,
      direct,
      clients: 100,
      writes: 50,
      gapMs: 100,
    });

    const logs = await benchLogs({ consoleUrl: consoleProcess.url, context: CONTEXT, direct, log });
    targets.push(...logs.targets);

    log('the scheduling preview, 1,000 nodes and 50,000 pods...');
    const scheduling = benchSchedulingPreview({ nodes: 1_000, pods: 50_000, runs: 10 });

    log('the Create page editor in Chromium...');
    const editor = await benchEditor({ consoleUrl: consoleProcess.url, context: CONTEXT, runs: 5 });

    start = performance.now();
    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, Node ${process.version}`;
    const lines = [
      `## Run of ${new Date().toISOString().slice(0, 10)} (${machine})`,
      '',
      `Scale seed: ${PODS} pods. Medians of 5 runs after one warm-up; BFF = console proxy (Next route handler) in a child process, straight = HTTPS to the API server.`,
      '',
      '| List | items | bytes | straight (ms) | through the BFF (ms) | overhead |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...lists.map((r) => `| \`${r.what}\` | ${r.items} | ${r.bytes} | ${r.directMs} | ${r.bffMs} | ${(r.bffMs / r.directMs).toFixed(2)}x |`),
      '',
      `Event latency, API write (merge-patch of a label) to receipt by each of ${events.clients} socket.io clients watching the namespace (${events.writes} writes, ${events.samples} samples): **p50 ${events.p50Ms} ms, p99 ${events.p99Ms} ms** (max ${events.maxMs} ms). The BFF sends a change after a quiet spell at once and gathers the changes that follow within 50 ms into one batch.`,
      '',
      'Logs (bench/log-suite.ts):',
      '',
      logs.report,
      '',
      `The scheduling preview (lib/k8s/scheduling, in Node) of one pod against 1,000 nodes carrying 50,000 pods, grouping included: **${scheduling.warmMs} ms** when the pod objects are those of the last preview, ${scheduling.coldMs} ms (max ${scheduling.coldMaxMs} ms) for fresh copies of every pod, as after a relist (medians of 10).`,
      '',
      `The Create page's manifest editor (CodeMirror 6 with YAML, JSON, lint and completion, and the OpenAPI checks): **${Math.round(editor.editorBytes / 1024)} KiB** of JavaScript in the chunks that hold it (${Math.round(editor.editorGzipBytes / 1024)} KiB gzipped); from navigation to an interactive editor with the cluster's schemas loaded and the text validated: **${editor.interactiveMs} ms** (median of ${editor.runs}, fresh browser context each).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await consoleProcess.stop('SIGKILL');
    direct.close();
    await cluster.stop();
  }

  log('the scheduling preview in Chromium, 1,000 nodes and 50,000 pods...');
  const browserPreview = await benchSchedulingInBrowser({ nodes: 1_000, pods: Number(process.env.BENCH_SCHEDULING_PODS ?? 50_000), runs: 20, log });
  process.stdout.write(`\n${schedulingBrowserReport(browserPreview)}\n`);
  targets.push(...schedulingBrowserTargets(browserPreview));

  log('the Pods page in Chromium, 1,000 nodes and 50,000 pods...');
  const podsPage = await benchPodsPage({ pods: Number(process.env.BENCH_PODS_PAGE_PODS ?? 50_000), nodes: 1_000, log });
  targets.push(...podsPageTargets(podsPage));
  process.stdout.write(`\nThe Pods page in headless Chromium (bench/ui-bench.ts; load average ${podsPage.loadAverage.join(', ')} at the start): an API write to a pod in view shown in its row after **${podsPage.writeToRowP50Ms} ms** (median of 10); the targets are in the table below.\n`);

  log('the Nodes and Namespaces pages in Chromium, 1,000 nodes, 100 namespaces and 50,000 pods...');
  targets.push(...listPagesTargets(await benchListPages({ pods: Number(process.env.BENCH_PODS_PAGE_PODS ?? 50_000), nodes: 1_000, namespaces: 100, log })));

  const cachePods = Number(process.env.BENCH_CACHE_PODS ?? 50_000);
  log(`the BFF's shared watch cache, ${cachePods} pods...`);
  // In a process of its own: its RSS is the BFF's holding the scope, not this process's after Chromium and clusters.
  targets.push(...(await runBenchInChild('bench/shared-cache-bench.ts', { BENCH_CACHE_PODS: String(cachePods) })));

  log('the embedded cluster at 50,000 pods: lists and watches, event-loop stalls...');
  targets.push(...(await runBenchInChild('bench/cluster-bench.ts')));

  log('fan-out: 200 socket clients on one namespace at 200 writes/s...');
  targets.push(...(await runBenchInChild('bench/event-main.ts')));

  log('team-mode watches, 50 users on 5 scopes, per-user and shared...');
  const teamWatches = await benchTeamWatches({ users: 50, scopes: 5, pods: Number(process.env.BENCH_TEAM_PODS ?? 2_000), log });
  process.stdout.write(`\n${teamWatchReport(teamWatches)}\n`);

  process.stdout.write(`\n## Targets of issue 16 against this run\n\n${targetsTable(targets)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
