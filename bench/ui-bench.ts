import { chromium } from '@playwright/test';
import type { DirectClient } from './direct-client';
import { median, percentile } from './stats';
import { pods as podResource } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

export interface UiBenchResult {
  pods: number;
  firstRowsMs: number;
  filterMs: number;
  scrollFrameP50Ms: number;
  scrollFrameP95Ms: number;
  writeToRowP50Ms: number;
}

/**
 * The Pods page in Chromium, as a user meets it with every pod of the scale seed listed: how long until the
 * rows show, how long a typed selector takes to filter them, frame times while scrolling the virtualized
 * table, and how long an API write takes to show in its row.
 */
export async function benchPodsPage(options: {
  consoleUrl: string;
  context: string;
  direct: DirectClient;
  pod: { namespace: string; name: string };
  pods: number;
}): Promise<UiBenchResult> {
  const { consoleUrl, context, direct, pod, pods } = options;
  const browser = await chromium.launch({
    executablePath: process.env.PILOTHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let start = performance.now();
    await page.goto(`${consoleUrl}/pods?context=${context}&namespace=_all&labelColumns=probe`);
    // Every pod listed: "N of N" with N at least the seed's pods (the bench adds a few of its own).
    const listed = await page.waitForFunction(
      (least) => {
        const match = /(\d+) of (\d+)/.exec(document.body.innerText);
        return match && match[1] === match[2] && Number(match[2]) >= least ? Number(match[2]) : false;
      },
      pods,
      { timeout: 120_000 },
    );
    const firstRowsMs = Math.round(performance.now() - start);
    const all = (await listed.jsonValue()) as number;

    // The count beside the filter bar ("N of M") changes when a typed selector has been applied.
    const box = page.getByRole('combobox', { name: 'Label selector' });
    start = performance.now();
    await box.fill('app in (app-0000,app-0001)');
    await page.waitForFunction((total) => !document.body.innerText.includes(`${total} of ${total}`), all);
    const filterMs = Math.round(performance.now() - start);
    await box.fill('');
    await page.getByText(`${all} of ${all}`).waitFor();

    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('table[aria-label="Pods"]')?.parentElement;
      if (!scroller) throw new Error('no pods table');
      const samples: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        scroller.scrollTop += 400;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        samples.push(now - last);
        last = now;
      }
      return samples;
    });

    // One pod in view (the only one with the probe label), then writes to it through the API.
    const path = resourcePath({ ...podResource, namespace: pod.namespace, name: pod.name });
    const label = (value: string) => direct.request('PATCH', path, { metadata: { labels: { probe: value } } }, 'application/merge-patch+json');
    await label('start');
    await box.fill('probe');
    await page.getByRole('button', { name: 'Filter by label probe=start' }).waitFor();
    const writes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const value = `v${i}`;
      start = performance.now();
      await label(value);
      await page.getByRole('button', { name: `Filter by label probe=${value}` }).waitFor({ timeout: 10_000 });
      writes.push(performance.now() - start);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      pods: all,
      firstRowsMs,
      filterMs,
      scrollFrameP50Ms: round(median(frames)),
      scrollFrameP95Ms: round(percentile(frames, 95)),
      writeToRowP50Ms: round(median(writes)),
    };
  } finally {
    await browser.close();
  }
}
