import { expect, test } from '@playwright/test';
import { pageListTargets } from '@/lib/contract/list-targets';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';

// A console of its own, so its metrics count this spec's pages only. The idle time is short enough for a
// warmed watch nobody joins to close within the test, and long enough for a page on a busy machine to
// subscribe before the watch its navigation warmed has closed (at 1 s, under load 7, it often had not).
const IDLE_MS = 8_000;
// Each test waits out idle times on purpose.
test.describe.configure({ timeout: IDLE_MS * 10 });
let cluster: TestCluster;
let consoleProcess: ConsoleProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  consoleProcess = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_WATCH_IDLE_MS: String(IDLE_MS) });
});

test.afterAll(async () => {
  await consoleProcess?.stop('SIGKILL');
  await cluster?.stop();
});

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${consoleProcess.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}
const openWatches = () => metric('pilothouse_upstream_watches');
const initialLists = () => metric('pilothouse_upstream_watch_lists_total{kind="initial"}');
const warmedBy = (path: string) => {
  const url = new URL(path, 'http://page');
  return pageListTargets(url.pathname, url.searchParams).length;
};

test('a navigation to a list page starts its upstream lists before any script runs, and they close when nobody comes', async () => {
  const path = '/pods?context=relayed&namespace=_all';
  await expect.poll(openWatches).toBe(0);
  // What a browser sends for a navigation; no browser here, so no socket will ever join.
  const page = await fetch(`${consoleProcess.url}${path}`, { headers: { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' } });
  expect(page.status).toBe(200);
  await expect.poll(openWatches).toBe(warmedBy(path));
  await expect.poll(openWatches, { timeout: IDLE_MS * 3 }).toBe(0);
  // Next's fetch of the same page for a client-side navigation or a prefetch starts nothing.
  await fetch(`${consoleProcess.url}${path}`, { headers: { rsc: '1', 'next-router-prefetch': '1', 'sec-fetch-dest': 'empty' } });
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 2));
  expect(await openWatches()).toBe(0);
});

for (const path of ['/pods?context=relayed&namespace=_all', '/pods?context=relayed&namespace=default', '/nodes?context=relayed', '/namespaces?context=relayed']) {
  test(`${path}: the page joins exactly the watches its navigation warmed, each listed once`, async ({ browser }) => {
    await expect.poll(openWatches, { timeout: IDLE_MS * 3 }).toBe(0);
    const listsBefore = await initialLists();
    const page = await browser.newPage();
    try {
      await page.goto(`${consoleProcess.url}${path}`);
      await expect(page.locator('table tbody tr[data-index]').first()).toBeVisible();
      // Long enough for every subscription of the page to be made, and for a warmed watch nobody joined to close.
      await page.waitForTimeout(IDLE_MS * 1.5);
      expect(await openWatches(), 'a watch the page opened beyond the warmed ones, or a warmed one it never joined').toBe(warmedBy(path));
      expect(await initialLists() - listsBefore, 'an upstream list made twice').toBe(warmedBy(path));
    } finally {
      await page.close();
    }
  });
}
