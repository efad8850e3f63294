/**
 * The Nodes and Namespaces pages in Chromium at the size of issue 16 (scale seed, 50,000 pods on 1,000
 * nodes in 100 namespaces), each on a console of its own (a cold BFF, as a first visit finds it): navigation
 * to the first rows, to every row listed with the figures the pods add up to (the rows in view show what a
 * straight list of every pod says: pods per node, pods per namespace), and the longest task while the bench
 * writes 100 pod changes a second, as on the Pods page. Run alone: `npx tsx bench/list-pages-bench.ts` (needs
 * `.next`, or NEXT_DIST_DIR; BENCH_PODS, BENCH_NODES, BENCH_NAMESPACES, BENCH_CHANGE_SECONDS,
 * BENCH_CLUSTER_PORT, BENCH_CONSOLE_PORT; BENCH_PROFILE=dir writes CPU profiles of each step there).
 */
import type { Page } from '@playwright/test';
import os from 'node:os';
import { longestTaskSince, pageWithLongTasks, profiled, startBrowserRig, writeChanges, type BrowserRig } from './browser-rig';
import { since } from './stats';
import type { TargetRow } from './targets';
import { pods as podResource } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

export interface ListPageResult {
  page: 'Nodes' | 'Namespaces';
  rows: number;
  firstRowsMs: number;
  allRowsMs: number;
  longestTaskMs: number;
}

export interface ListPagesResult {
  pods: number;
  nodes: number;
  namespaces: number;
  loadAverage: number[];
  changesPerSecond: number;
  changesSeconds: number;
  pages: ListPageResult[];
}

interface ListedPod {
  metadata: { name: string; namespace: string };
  spec?: { nodeName?: string };
  status?: { phase?: string };
}

/** What one page must show in every row in view once all pods are in: the number leading its pods figure, by row name. */
interface PageCheck {
  page: ListPageResult['page'];
  path: string;
  rows: number;
  expected: Record<string, number>;
}

const round = (n: number) => Math.round(n * 10) / 10;

function countBy(pods: readonly ListedPod[], key: (pod: ListedPod) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pod of pods) {
    const k = key(pod);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

async function measurePage(rig: BrowserRig, check: PageCheck, changes: { targets: ListedPod['metadata'][]; perSecond: number; seconds: number }, log: (line: string) => void): Promise<ListPageResult> {
  const consoleProcess = await rig.startConsole();
  const page: Page = await pageWithLongTasks(rig.browser);
  try {
    log(`  the ${check.page} page...`);
    const name = check.page.toLowerCase();
    const { firstRowsMs, allRowsMs } = await profiled(page, `${name}-load`, async () => {
      const start = performance.now();
      await page.goto(`${consoleProcess.url}${check.path}`);
      await page.waitForFunction(
        (table) => {
          const row = document.querySelector(`table[aria-label="${table}"] tbody tr[data-index]`);
          const box = row?.getBoundingClientRect();
          return box !== undefined && box.height > 0 && box.top < window.innerHeight;
        },
        check.page,
        { timeout: 600_000, polling: 'raf' },
      );
      const first = since(start);
      // Every row listed ("N of N"), and each row in view shows its pods as the straight list counts them:
      // the Pods meter's text (nodes) or the Pods cell (namespaces) begins with that number.
      await page.waitForFunction(
        ({ table, rows, expected }) => {
          const text = document.body.innerText;
          const match = /(\d+) of (\d+)/.exec(text);
          if (!match || match[1] !== match[2] || Number(match[2]) !== rows || text.includes('Loading more')) return false;
          const headers = [...document.querySelectorAll(`table[aria-label="${table}"] thead th`)];
          const podsColumn = headers.findIndex((th) => th.textContent?.startsWith('Pods'));
          const shown = [...document.querySelectorAll(`table[aria-label="${table}"] tbody tr[data-index]`)];
          return (
            shown.length > 0 &&
            shown.every((row) => {
              const rowName = row.querySelector('a')?.textContent ?? '';
              const meter = row.querySelector('[role="meter"][aria-label="pods requested"]');
              const figure = meter ? meter.getAttribute('aria-valuetext') : row.children[podsColumn]?.textContent;
              return Number.parseInt(figure ?? '', 10) === (expected[rowName] ?? 0);
            })
          );
        },
        { table: check.page, rows: check.rows, expected: check.expected },
        { timeout: 600_000, polling: 100 },
      );
      return { firstRowsMs: first, allRowsMs: since(start) };
    });
    log(`    first rows ${Math.round(firstRowsMs)} ms, all rows and figures ${Math.round(allRowsMs)} ms`);

    log(`  ${changes.perSecond} pod changes a second for ${changes.seconds} s...`);
    const before = await page.evaluate(() => performance.now());
    await profiled(page, `${name}-changes`, async () => {
      await writeChanges(rig.direct, changes.targets, changes.perSecond, changes.seconds);
      // The last batches reach the tab after the last write.
      await page.waitForTimeout(1_000);
    });
    const longestTaskMs = await longestTaskSince(page, before);
    log(`    longest task during the changes ${round(longestTaskMs)} ms`);
    return { page: check.page, rows: check.rows, firstRowsMs: Math.round(firstRowsMs), allRowsMs: Math.round(allRowsMs), longestTaskMs: round(longestTaskMs) };
  } finally {
    await page.close();
    await consoleProcess.stop('SIGKILL');
  }
}

/** Starts its own cluster at the given size, measures both pages (a console each), stops everything. */
export async function benchListPages(options: { pods: number; nodes: number; namespaces: number; log?: (line: string) => void }): Promise<ListPagesResult> {
  const { pods, nodes, namespaces } = options;
  const log = options.log ?? (() => {});
  const loadAverage = os.loadavg().map((n) => Math.round(n * 100) / 100);
  log(`  starting the embedded cluster (${nodes} nodes, ${pods} pods, ${namespaces} namespaces)...`);
  const rig = await startBrowserRig({ pods, nodes, namespaces });
  try {
    const listed = (JSON.parse((await rig.direct.request('GET', resourcePath(podResource))).text) as { items: ListedPod[] }).items;
    if (listed.length < pods) throw new Error(`the seed listed ${listed.length} pods, not ${pods}`);
    // A pod counts on its node unless it has finished (what the nodes list adds up); every pod counts in its namespace.
    const onNodes = countBy(listed, (p) => (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' ? undefined : p.spec?.nodeName));
    const inNamespaces = countBy(listed, (p) => p.metadata.namespace);
    const changes = { targets: listed.map((p) => p.metadata), perSecond: 100, seconds: Number(process.env.BENCH_CHANGE_SECONDS ?? 10) };
    const checks: PageCheck[] = [
      { page: 'Nodes', path: '/nodes?context=bench', rows: nodes, expected: onNodes },
      // The seed's namespaces and the cluster's own (default, kube-system, ...).
      { page: 'Namespaces', path: '/namespaces?context=bench', rows: await namespaceCount(rig), expected: inNamespaces },
    ];
    const results: ListPageResult[] = [];
    for (const check of checks) results.push(await measurePage(rig, check, changes, log));
    return { pods: listed.length, nodes, namespaces, loadAverage, changesPerSecond: changes.perSecond, changesSeconds: changes.seconds, pages: results };
  } finally {
    await rig.stop();
  }
}

async function namespaceCount(rig: BrowserRig): Promise<number> {
  const { text } = await rig.direct.request('GET', '/api/v1/namespaces');
  return (JSON.parse(text) as { items: unknown[] }).items.length;
}

/** The figures against the Pods page's targets of issue 16. */
export function listPagesTargets(r: ListPagesResult): TargetRow[] {
  const size = `${r.pods.toLocaleString('en-US')} pods / ${r.nodes.toLocaleString('en-US')} nodes / ${r.namespaces} namespaces`;
  return r.pages.flatMap((p) => {
    // The browser reports tasks from 50 ms on: none means every task was shorter.
    const task = p.longestTaskMs > 0 ? `${p.longestTaskMs} ms` : 'none over 50 ms';
    return [
      { measure: `${p.page} page (${size}): navigation to first rows`, target: 'under 1.0 s', measured: `${p.firstRowsMs} ms`, met: p.firstRowsMs < 1000 },
      { measure: `${p.page} page: all ${p.rows.toLocaleString('en-US')} rows, with every pod counted in the rows in view`, target: 'under 3 s', measured: `${p.allRowsMs} ms`, met: p.allRowsMs < 3000 },
      { measure: `${p.page} page: ${r.changesPerSecond} pod changes a second for ${r.changesSeconds} s, longest task in the tab`, target: 'under 50 ms', measured: task, met: p.longestTaskMs < 50 },
    ];
  });
}

if (process.argv[1]?.endsWith('list-pages-bench.ts')) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  void import('./targets').then(({ targetsTable }) =>
    benchListPages({ pods: Number(process.env.BENCH_PODS ?? 50_000), nodes: Number(process.env.BENCH_NODES ?? 1_000), namespaces: Number(process.env.BENCH_NAMESPACES ?? 100), log }).then(
      (result) => {
        process.stdout.write(`${targetsTable(listPagesTargets(result))}\n\nLoad average at the start: ${result.loadAverage.join(', ')}.\n`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    ),
  );
}
