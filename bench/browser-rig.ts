/**
 * What the list pages' benches in Chromium share: the embedded cluster with the scale seed at a given size,
 * a kubeconfig for it (context `bench`), consoles on the production build (`.next`, or NEXT_DIST_DIR), headless
 * Chromium, the tab's long tasks, and the bench's own pod writes at a steady rate.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { directClient, type DirectClient } from './direct-client';
import { pods as podResource } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

declare global {
  interface Window {
    __benchLongTasks?: { start: number; duration: number }[];
  }
}

export interface BrowserRig {
  direct: DirectClient;
  browser: Browser;
  /** A console of its own on the cluster (a cold BFF: no shared watch open yet); stopped with the rig. */
  startConsole(): Promise<ConsoleProcess>;
  stop(): Promise<void>;
}

/** Starts the cluster (BENCH_CLUSTER_PORT) and Chromium; consoles listen on BENCH_CONSOLE_PORT (one at a time). */
export async function startBrowserRig(seed: { pods: number; nodes: number; namespaces: number }): Promise<BrowserRig> {
  const cluster = await startEmbeddedCluster({ port: Number(process.env.BENCH_CLUSTER_PORT ?? 0), seed: { name: 'scale', ...seed }, logRate: 0 });
  const dir = mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-rig-'));
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = 'bench';
  config['current-context'] = 'bench';
  writeFileSync(join(dir, 'kubeconfig'), JSON.stringify(config));
  const direct = directClient(cluster.kubeconfigYaml);
  const consoles: ConsoleProcess[] = [];
  const stopCluster = async () => {
    await Promise.all(consoles.map((c) => c.stop('SIGKILL')));
    direct.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const browser = await chromium
    .launch({
      executablePath: process.env.PILOTHOUSE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    .catch(async (error: unknown) => {
      await stopCluster();
      throw error;
    });
  return {
    direct,
    browser,
    startConsole: async () => {
      const started = await startConsole({ KUBECONFIG: join(dir, 'kubeconfig'), PILOTHOUSE_EMBEDDED: 'false', PORT: process.env.BENCH_CONSOLE_PORT ?? '0' });
      consoles.push(started);
      return started;
    },
    stop: async () => {
      await browser.close();
      await stopCluster();
    },
  };
}

/** A tab that records its long tasks (PerformanceObserver `longtask`: 50 ms and more) from its first script on. */
export async function pageWithLongTasks(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks?.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

/** The longest task the tab ran since `from` (its `performance.now()`), 0 when none reached 50 ms. */
export function longestTaskSince(page: Page, from: number): Promise<number> {
  return page.evaluate((since) => Math.max(0, ...(window.__benchLongTasks ?? []).filter((t) => t.start >= since).map((t) => t.duration)), from);
}

/** The bench's own writes: `perSecond` label patches a second over pods picked across the whole list. */
export async function writeChanges(direct: DirectClient, targets: { namespace: string; name: string }[], perSecond: number, seconds: number): Promise<void> {
  const total = perSecond * seconds;
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const pod = targets[(i * 7919) % targets.length];
    const write = direct.request('PATCH', resourcePath({ ...podResource, namespace: pod.namespace, name: pod.name }), { metadata: { labels: { 'bench-tick': String(i % 10) } } }, 'application/merge-patch+json');
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size > 50) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

/** `run`, with a CPU profile of the tab written to `$BENCH_PROFILE/<name>.cpuprofile` when BENCH_PROFILE names a folder. */
export async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await cdp.detach();
  }
}

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

/**
 * The bytes the tab allocates while `run` runs, garbage included: V8's sampling heap profiler, keeping the
 * samples of objects already collected, whose tree of allocation sites is written to BENCH_PROFILE too.
 */
export async function allocated(page: Page, name: string, run: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  // Chromium's protocol has these flags; the protocol types bundled with Playwright may not.
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 32_768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as { samplingInterval: number });
  try {
    await run();
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
    const dir = process.env.BENCH_PROFILE;
    if (dir) writeFileSync(join(dir, `${name}.heapprofile`), JSON.stringify(profile));
    const total = (node: SamplingNode): number => node.children.reduce((sum, child) => sum + total(child), node.selfSize);
    return total(profile.head);
  } finally {
    await cdp.detach();
  }
}
