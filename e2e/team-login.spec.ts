import { expect, test } from '@playwright/test';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';
import { screenshotThemes } from './fixtures/screenshots';
import { expectLoginFor, teamConsoleEnv } from './fixtures/team-console';
import { PodsPage } from './pages/pods-page';

// A console of its own in token mode, on an embedded cluster started here: the tests need its users' tokens.
let cluster: TestCluster;
let server: ConsoleProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  server = await startConsole(teamConsoleEnv(cluster, 'token', 'team-login'));
});

test.afterAll(async () => {
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

test('a shared link to a filtered view survives token login, and logout in another tab ends the session and this tab\'s live channel', async ({ page }, testInfo) => {
  // Eight screenshots on a busy machine take most of the default 30 s.
  test.setTimeout(120_000);
  const link = '/pods?context=relayed&namespace=default&labelSelector=run%3Dkubia';
  await expectLoginFor(page, server.url, link);

  const token = page.getByRole('textbox', { name: 'Bearer token' });
  await token.fill('not-a-token');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'the cluster did not accept this token' })).toBeVisible();
  await screenshotThemes(page, testInfo, 'login-refused');

  await token.fill(cluster.cluster.tokens.viewer);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${server.url}${link}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
  // The filtered view, exactly: only the pod the selector picks.
  await new PodsPage(page).expectNames(['kubia-zxzij']);
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');

  await expect(page.locator('summary[aria-label="Account: viewer"]')).toBeVisible();
  await page.locator('summary[aria-label="Account: viewer"]').click();
  await expect(page.getByText('pilothouse:viewers')).toBeVisible();
  await screenshotThemes(page, testInfo, 'user-menu');

  // Log out in another tab: the server closes this tab's live channel, and this tab goes to the login page
  // with its own view as the place to come back to.
  const other = await page.context().newPage();
  await other.goto(`${server.url}/namespaces`);
  await other.locator('summary[aria-label="Account: viewer"]').click();
  await other.getByRole('button', { name: 'Log out' }).click();
  await expect(other).toHaveURL(`${server.url}/login`);
  await expect(page).toHaveURL(`${server.url}/login?next=${encodeURIComponent(link)}`);
  await other.close();
  // The session is over: the shared link asks for a login again.
  await page.goto(`${server.url}${link}`);
  await expect(page).toHaveURL(/\/login\?next=/);
});
