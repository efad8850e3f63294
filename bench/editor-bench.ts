import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { median } from './stats';

export interface EditorBenchResult {
  /** JavaScript of the Create page's chunks that hold the editor (CodeMirror and its languages). */
  editorBytes: number;
  editorGzipBytes: number;
  /** Navigation to an editor that takes keys, with the text checked against the cluster's schemas. */
  interactiveMs: number;
  runs: number;
}

/** Every script a page loads on navigation, by URL, with its bytes. */
async function scriptsOf(page: Page, url: string, ready: () => Promise<unknown>): Promise<Map<string, Buffer>> {
  const scripts = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void scripts.set(response.url(), body), () => undefined));
  };
  page.on('response', onResponse);
  await page.goto(url);
  await ready();
  await Promise.all(pending);
  page.off('response', onResponse);
  return scripts;
}

/**
 * The Create page in Chromium: how many bytes of JavaScript the editor's chunks weigh, and the time from navigation until the editor is
 * interactive with validation ready (the Problems list says `data-validation="ready"`), median of `runs`.
 */
export async function benchEditor(options: { consoleUrl: string; context: string; runs: number }): Promise<EditorBenchResult> {
  const { consoleUrl, context, runs } = options;
  const browser = await chromium.launch({
    executablePath: process.env.PILOTHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const createUrl = `${consoleUrl}/create?context=${context}&template=kubia-manual`;
    const ready = async (page: Page) => {
      await page.getByRole('list', { name: 'Problems' }).and(page.locator('[data-validation="ready"]')).waitFor({ state: 'attached', timeout: 60_000 });
      await page.getByRole('textbox', { name: 'Manifest' }).waitFor();
    };
    const first = await browser.newPage();
    const scripts = await scriptsOf(first, createUrl, () => ready(first));
    await first.close();
    // The editor's chunks: those with CodeMirror's own class names in them (the sidebar's link
    // prefetching loads this route's chunks on every page, so a page diff would show nothing).
    const extra = [...scripts.values()].filter((body) => body.includes('cm-editor') || body.includes('cm-lintRange') || body.includes('cm-tooltip'));
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached, as a first visit.
      const browserContext = await browser.newContext();
      const page = await browserContext.newPage();
      const start = performance.now();
      await page.goto(createUrl);
      await ready(page);
      samples.push(performance.now() - start);
      await browserContext.close();
    }
    return {
      editorBytes: extra.reduce((n, b) => n + b.length, 0),
      editorGzipBytes: extra.reduce((n, b) => n + gzipSync(b).length, 0),
      interactiveMs: Math.round(median(samples)),
      runs,
    };
  } finally {
    await browser.close();
  }
}
