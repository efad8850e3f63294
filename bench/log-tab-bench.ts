import { chromium } from '@playwright/test';
import type { DirectClient } from './direct-client';
import { median, percentile } from './stats';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

export interface LogTabResult {
  linesPerSecond: number;
  held: number;
  dropped: number;
  followSeconds: number;
  /** Newest line painted vs the time the container wrote it (its timestamp), sampled every 250 ms. */
  lagP50Ms: number;
  lagP95Ms: number;
  lagMaxMs: number;
  /** From typing a query to its match count on screen, over every held line. */
  searches: { query: string; lines: number; ms: number }[];
  heapMb: number;
}

const TARGET_LINES = 1_000_000;

/**
 * A pod's Logs tab in Chromium following a `pilothouse/loggen` container that writes `linesPerSecond` lines
 * of 100 bytes, with timestamps, until the tab holds a million lines (and drops more): the lag of the newest
 * painted line behind its write, then search times and the JS heap with a million lines held.
 */
export async function benchLogTab(options: { consoleUrl: string; context: string; namespace: string; direct: DirectClient; linesPerSecond: number; log: (line: string) => void }): Promise<LogTabResult> {
  const { consoleUrl, context, namespace, direct, linesPerSecond, log } = options;
  const name = 'follow';
  await direct.request('POST', resourcePath({ ...pods, namespace }), {
    metadata: { name },
    spec: { containers: [{ name: 'main', image: 'pilothouse/loggen', env: [{ name: 'LINES_PER_SECOND', value: String(linesPerSecond) }] }] },
  });
  const browser = await chromium.launch({
    executablePath: process.env.PILOTHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${consoleUrl}/pods/${namespace}/${name}?context=${context}&tab=logs`);
    await page.getByRole('checkbox', { name: 'Timestamps', exact: true }).check();
    await page.getByRole('log', { name: 'Log lines' }).getByText('loggen line').first().waitFor({ timeout: 60_000 });
    const started = performance.now();
    // Sampled in the page: the newest painted row's timestamp against the clock (one machine, one clock).
    await page.evaluate(() => {
      const w = window as unknown as { __lags: number[] };
      w.__lags = [];
      setInterval(() => {
        const rows = document.querySelectorAll('[role="log"] [data-index]');
        let newest: Element | undefined;
        for (const row of rows) if (!newest || Number(row.getAttribute('data-index')) > Number(newest.getAttribute('data-index'))) newest = row;
        const stamp = /\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(newest?.textContent ?? '')?.[0];
        if (stamp) w.__lags.push(Date.now() - Date.parse(stamp));
      }, 250);
    });
    const held = () => page.evaluate(() => {
      const footer = [...document.querySelectorAll('[role="tabpanel"] span')].find((s) => /^[\d,]+ lines?$/.test(s.textContent ?? ''));
      const dropped = /([\d,]+) earlier lines? dropped/.exec(document.body.innerText)?.[1];
      return { held: Number(footer?.textContent?.replace(/\D/g, '') ?? 0), dropped: Number(dropped?.replace(/\D/g, '') ?? 0) };
    });
    let count = await held();
    for (let report = 0; count.held < TARGET_LINES || count.dropped < linesPerSecond; report++) {
      if (performance.now() - started > 600_000) throw new Error(`the tab held only ${count.held} lines after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      count = await held();
      if (report % 10 === 0) log(`  ${count.held} lines held`);
    }
    const followSeconds = Math.round((performance.now() - started) / 1000);
    const lags = await page.evaluate(() => (window as unknown as { __lags: number[] }).__lags);

    // Searching while the log still follows, as a reader would: each query scans every held line.
    const searches: LogTabResult['searches'] = [];
    for (const query of ['connection refused', '0000: lorem', 'lorem']) {
      // No named functions inside: tsx would wrap them in a helper the page does not have.
      const result = await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Search logs"]')!;
        const summary = input.parentElement!.querySelector('[role="status"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (summary.textContent) await new Promise((resolve) => requestAnimationFrame(resolve));
        const start = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (!/match/.test(summary.textContent ?? '') || summary.textContent === 'Searching…') await new Promise((resolve) => setTimeout(resolve, 0));
        const ms = performance.now() - start;
        const lines = /in ([\d,]+) lines?/.exec(summary.textContent ?? '')?.[1] ?? '0';
        return { ms: Math.round(ms), lines: Number(lines.replace(/\D/g, '')) };
      }, query);
      searches.push({ query, ...result });
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      linesPerSecond,
      ...count,
      followSeconds,
      lagP50Ms: Math.round(median(lags)),
      lagP95Ms: Math.round(percentile(lags, 95)),
      lagMaxMs: Math.round(Math.max(...lags)),
      searches,
      heapMb: Math.round(heap.usedSize / 2 ** 20),
    };
  } finally {
    await browser.close();
    await direct.request('DELETE', resourcePath({ ...pods, namespace, name }), {}).catch(() => undefined);
  }
}
