import type { Page } from '@playwright/test';
import { screenshotThemes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

/**
 * Cuts the page's live channel: socket.io's WebSocket is closed at once and its HTTP long-polling refused,
 * until `restore()`, after which both reach the real server again.
 */
async function cutLiveChannel(page: Page) {
  let cut = true;
  await page.routeWebSocket('**/socket.io/**', (ws) => (cut ? ws.close() : ws.connectToServer()));
  await page.route('**/socket.io/**', (route) => (cut ? route.abort() : route.fallback()));
  return { restore: () => { cut = false; } };
}

const banner = (page: Page) => page.getByRole('region', { name: "Not live: the console's live channel cannot connect" });
const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live connection' });

test('a live channel that cannot connect is explained, retried with a countdown, and a one-off list is shown', async ({ page, api, namespace }, testInfo) => {
  test.setTimeout(60_000);
  await api.createPods(namespace, [{ name: 'kubia-manual' }, { name: 'kubia-gpu' }]);
  const channel = await cutLiveChannel(page);
  const pods = new PodsPage(page);
  await page.goto(`/pods?${PodsPage.search(namespace, {})}`);

  // Within a few seconds, not forever: what is wrong, what to do, and the list fetched once over HTTP.
  await expect(banner(page)).toBeVisible({ timeout: 8000 });
  await expect(banner(page)).toContainText('/socket.io/');
  await expect(banner(page)).toContainText('passes WebSocket upgrades');
  await expect(banner(page)).toContainText(/listed once over HTTP at \d\d:\d\d:\d\d/);
  await expect(pods.names()).toHaveText(['kubia-gpu', 'kubia-manual']);
  await expect(pods.count()).toHaveText('2 of 2');
  await expect(liveStatus(page)).toHaveText('Offline');

  // Between attempts (each given 8 s), a countdown to the next.
  const countdown = banner(page).getByText(/^Retrying in \d+ s \(attempt \d+\)$/);
  await expect(countdown).toBeVisible({ timeout: 15_000 });
  await screenshotThemes(page, testInfo, 'live-channel-down');

  await test.step('the one-off list is not live; Retry now lists again over HTTP while the channel stays down', async () => {
    await api.createPods(namespace, [{ name: 'kubia-late' }]);
    // A live list would show it within a second or so; this one waits for a retry.
    await page.waitForTimeout(1500);
    await expect(pods.names()).toHaveText(['kubia-gpu', 'kubia-manual']);
    await banner(page).getByRole('button', { name: 'Retry now' }).click();
    await expect(pods.names()).toHaveText(['kubia-gpu', 'kubia-late', 'kubia-manual']);
    await expect(banner(page)).toBeVisible();
  });

  await test.step('Retry now reconnects once the channel is back, and the list is live again', async () => {
    channel.restore();
    await banner(page).getByRole('button', { name: 'Retry now' }).click();
    await expect(banner(page)).toBeHidden();
    await expect(liveStatus(page)).toHaveText('Live');
    await expect(pods.names()).toHaveText(['kubia-gpu', 'kubia-late', 'kubia-manual']);
    // Live: a pod created now shows up by itself.
    await api.createPods(namespace, [{ name: 'kubia-later' }]);
    await expect(pods.names()).toHaveText(['kubia-gpu', 'kubia-late', 'kubia-later', 'kubia-manual']);
  });
});

test('the retries go on by themselves: the page recovers without a click', async ({ page, api, namespace }) => {
  test.setTimeout(60_000);
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  const channel = await cutLiveChannel(page);
  await page.goto(`/pods?${PodsPage.search(namespace, {})}`);
  await expect(banner(page)).toBeVisible({ timeout: 8000 });
  channel.restore();
  // The schedule never waits more than 10 s between attempts.
  await expect(banner(page)).toBeHidden({ timeout: 15_000 });
  await expect(liveStatus(page)).toHaveText('Live');
  await expect(new PodsPage(page).names()).toHaveText(['kubia-manual']);
});
