import { expect, test } from './fixtures/test';
import type { ClusterApi } from './fixtures/cluster-api';
import { screenshotThemes } from './fixtures/screenshots';
import { PodDetailPage } from './pages/pod-detail-page';

/** A `pilothouse/loggen` pod: `loggen: writing…` first, then `loggen line N: <LINE_TEXT…>`. */
async function loggen(api: ClusterApi, namespace: string, name: string, env: Record<string, string>): Promise<void> {
  await api.apply(
    [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'main', image: 'pilothouse/loggen', env: Object.entries(env).map(([n, value]) => ({ name: n, value })) }] },
      },
    ],
    namespace,
  );
  await api.waitRunning(namespace, [name]);
}

test('past its cap the view drops the earliest lines and says exactly how many', async ({ page, api, namespace }, testInfo) => {
  await loggen(api, namespace, 'gen', { LINES_PER_SECOND: '500', LINE_BYTES: '60' });
  const detail = new PodDetailPage(page);
  // The page's cap lowered to 200 lines, so 1,000 lines of --tail=1000 overflow it.
  await detail.open(namespace, 'gen', 'logs', undefined, { logLines: '200' });
  const notice = detail.droppedNotice();
  await expect(notice).toContainText(/^\d[\d,]* earlier lines dropped: this view keeps the newest 200 lines/);
  await expect(detail.logFooter()).toHaveText('200 lines');

  // Wait for a log of at least 1,000 lines, then read its last 1,000 without following: exactly 800 dropped.
  await expect.poll(() => detail.droppedLines(), { timeout: 20_000 }).toBeGreaterThanOrEqual(800);
  await detail.logOption('Follow').uncheck();
  await expect(detail.panel().getByText(`kubectl logs gen -n ${namespace} -c main --tail=1000`)).toBeVisible();
  await expect(detail.panel().getByText('End of log.')).toBeVisible();
  await expect(notice).toContainText('800 earlier lines dropped: this view keeps the newest 200 lines');
  await expect(detail.logFooter()).toHaveText('200 lines');
  // The view is at the tail: the last line read is number 1,000, and the kept lines keep their numbers.
  await expect(detail.logLineNumbers().last()).toHaveText('1000');
  await screenshotThemes(page, testInfo, 'logs-cap-notice');
});

test('search across a very long log finds and highlights a line near its start and one near its end', async ({ page, api, namespace }) => {
  test.setTimeout(120_000);
  await loggen(api, namespace, 'long', { LINES_PER_SECOND: '15000', LINE_BYTES: '40' });
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'long', 'logs');
  await expect.poll(() => detail.heldLines(), { timeout: 60_000 }).toBeGreaterThanOrEqual(60_000);
  // The whole log so far, read to its end (40-byte lines: far below the kubelet's 10 MiB, so it starts at line 1).
  await detail.logOption('Follow').uncheck();
  await detail.tailLines().selectOption('all');
  await expect(detail.panel().getByText('End of log.')).toBeVisible({ timeout: 30_000 });
  const held = await detail.heldLines();
  expect(held).toBeGreaterThanOrEqual(60_000);
  await expect(detail.logLineNumbers().first()).not.toHaveText('1'); // at the tail, far from the start

  // Line 1 is `loggen: writing…`, so `loggen line K:` is line K + 1.
  for (const k of [2, held - 3]) {
    await detail.searchLogs().fill(`loggen line ${k}:`);
    await expect(detail.panel().getByText('1 match in 1 line')).toBeVisible();
    await detail.searchLogs().press('Enter');
    await expect(detail.panel().getByText('1 of 1 line · 1 match')).toBeVisible();
    const row = detail.logLines().locator('[data-index]').filter({ has: page.locator('mark', { hasText: `loggen line ${k}:` }) });
    await expect(row).toBeVisible();
    await expect(row).toHaveClass(/ring-amber-400/);
    await expect(row.locator('span').first()).toHaveText(String(k + 1));
  }
});

test('following a fast log keeps up: new lines keep coming and the view stays at the newest', async ({ page, api, namespace }) => {
  await loggen(api, namespace, 'fast', { LINES_PER_SECOND: '1000' });
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'fast', 'logs');
  await expect(detail.logOption('Follow')).toBeChecked();
  await expect(detail.logLines()).toContainText('loggen line');
  const sample = () =>
    detail.logLines().evaluate((scroller) => {
      const rows = [...scroller.querySelectorAll('[data-index]')];
      const last = rows.reduce((a, b) => (Number(a.getAttribute('data-index')) > Number(b.getAttribute('data-index')) ? a : b));
      const footer = [...document.querySelectorAll('[role="tabpanel"] span')].find((s) => /^[\d,]+ lines?$/.test(s.textContent ?? ''));
      return {
        lastNumber: Number(last.querySelector('span')?.textContent),
        held: Number(footer?.textContent?.replace(/\D/g, '')),
        fromBottom: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight,
      };
    });
  let previous = 0;
  for (let i = 0; i < 5; i++) {
    await expect.poll(async () => (await sample()).held).toBeGreaterThan(previous + 100);
    const now = await sample();
    // The newest line held is the one painted at the bottom, with nothing below it.
    expect(now.lastNumber).toBe(now.held);
    expect(now.fromBottom).toBeLessThanOrEqual(8);
    previous = now.held;
  }
  await expect(detail.panel().getByRole('button', { name: /Jump to latest/ })).toBeHidden();
});

test('scrolling up stops following: the lines read stay put as old ones are dropped, and Jump to latest follows again', async ({ page, api, namespace }) => {
  await loggen(api, namespace, 'reader', { LINES_PER_SECOND: '100', LINE_BYTES: '40' });
  const detail = new PodDetailPage(page);
  // A 500-line ring: 100 rows above the tail are still held after 100 more have left its front.
  await detail.open(namespace, 'reader', 'logs', undefined, { logLines: '500' });
  await expect(detail.droppedNotice()).toBeVisible({ timeout: 20_000 });
  const jump = detail.panel().getByRole('button', { name: /Jump to latest/ });
  await expect(jump).toBeHidden();

  await detail.logLines().hover();
  await page.mouse.wheel(0, -2_000);
  await expect(jump).toBeVisible();
  // The text of the first row in view, before and after at least 50 more lines have left the ring's front.
  const firstInView = () =>
    detail.logLines().evaluate((scroller) => {
      const top = scroller.getBoundingClientRect().top;
      const row = [...scroller.querySelectorAll('[data-index]')].find((r) => r.getBoundingClientRect().bottom > top + 1);
      return row?.lastElementChild?.textContent ?? '';
    });
  const before = await firstInView();
  const droppedBefore = await detail.droppedLines();
  await expect.poll(() => detail.droppedLines()).toBeGreaterThanOrEqual(droppedBefore + 50);
  expect(await firstInView()).toBe(before);
  await expect(jump).toBeVisible();

  await jump.click();
  await expect(jump).toBeHidden();
  await expect
    .poll(() => detail.logLines().evaluate((scroller) => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight))
    .toBeLessThanOrEqual(8);
});

test('log lines that look like HTML render as text', async ({ page, api, namespace }) => {
  await loggen(api, namespace, 'hostile', { LINES_PER_SECOND: '5', LINE_BYTES: '200', LINE_TEXT: '<img src=x onerror="window.__owned=1"><b>bold</b><script>window.__owned=2</script> ' });
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'hostile', 'logs');
  await expect(detail.logLines()).toContainText('loggen line 1: <img src=x onerror="window.__owned=1"><b>bold</b><script>window.__owned=2</script>');
  await expect(detail.logLines().locator('img, b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();
});
