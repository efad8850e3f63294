import { expect, test, type Page } from '@playwright/test';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { screenshotThemes } from './fixtures/screenshots';

// A console of its own with PILOTHOUSE_READ_ONLY=true, on its own embedded cluster (the demo seed).
let server: ConsoleProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startConsole({ PILOTHOUSE_READ_ONLY: 'true', PILOTHOUSE_EMBEDDED_SEED: 'demo' });
});

test.afterAll(async () => {
  await server?.stop('SIGKILL');
});

/** No button, link or menu that would change the cluster, anywhere on the page. */
async function expectNoWriteAction(page: Page) {
  const main = page.locator('main');
  await expect(main.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /delete|label|annotat|cordon|taint|create|apply|edit/i })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /edit yaml|^create$|create page/i })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText(['Pods', 'Namespaces', 'Nodes', 'Scheduling']);
}

test('a read-only console shows no write action on the pods list, a pod page and the nodes page, and refuses a write through its API', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.goto(`${server.url}/pods?namespace=default`);
  const table = page.getByRole('table', { name: 'Pods' });
  await expect(table.getByRole('link', { name: 'kubia-zxzij', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Read-only:' })).toContainText('PILOTHOUSE_READ_ONLY=true');
  await expectNoWriteAction(page);
  // Selecting rows offers no bulk action either.
  await page.getByRole('checkbox', { name: 'Select kubia-zxzij' }).check();
  await expect(page.getByText('1 selected')).toHaveCount(0);
  await expectNoWriteAction(page);
  await screenshotThemes(page, testInfo, 'read-only-pods');

  // The pod page: no Edit YAML, no Shell tab (a link to it shows the overview), reads only in the Request tab.
  await page.goto(`${server.url}/pods/default/kubia-zxzij?tab=shell`);
  const tabs = page.getByRole('tablist', { name: 'Pod details' }).getByRole('tab');
  await expect(tabs).toHaveText(['Overview', 'YAML', 'JSON', 'Logs', 'Request']);
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expectNoWriteAction(page);
  await page.getByRole('tab', { name: 'Request' }).click();
  await expect(page.getByLabel('Method').locator('option')).toHaveText(['GET', 'HEAD']);
  await screenshotThemes(page, testInfo, 'read-only-pod-request');

  await page.goto(`${server.url}/nodes`);
  await expect(page.getByRole('table', { name: 'Nodes' }).getByRole('link').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /^Select / }).first().check();
  await expectNoWriteAction(page);
  await screenshotThemes(page, testInfo, 'read-only-nodes');

  // The scheduling preview's what-if still shows its outcome, but offers nothing to apply.
  await page.goto(`${server.url}/scheduling?pod=default%2Fkubia-zxzij`);
  const whatIfNode = page.getByRole('combobox', { name: 'What-if node' });
  await whatIfNode.selectOption({ index: 1 });
  await page.getByRole('textbox', { name: 'What-if change' }).fill('gpu=true');
  await expect(page.getByRole('status', { name: 'What-if outcome' })).toBeVisible();
  await expectNoWriteAction(page);

  // The write pages say why they are off.
  await page.goto(`${server.url}/create`);
  await expect(page.getByRole('region', { name: 'Create is off' })).toContainText('read-only');
  await page.goto(`${server.url}/pods/default/kubia-zxzij/edit`);
  await expect(page.getByRole('region', { name: 'Edit YAML is off' })).toBeVisible();

  // A write sent anyway, as the console's own page would send it, is refused with the server's Status.
  const refused = await page.evaluate(async () => {
    const res = await fetch('/api/clusters/embedded/k8s/api/v1/namespaces/default/pods/kubia-zxzij', {
      method: 'PATCH',
      headers: { 'x-pilothouse-request': '1', 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { touched: 'yes' } } }),
    });
    return { status: res.status, body: (await res.json()) as { reason?: string; message?: string } };
  });
  expect(refused.status).toBe(403);
  expect(refused.body.reason).toBe('Forbidden');
  expect(refused.body.message).toContain('read-only (PILOTHOUSE_READ_ONLY=true)');
  const pod = await page.request.get(`${server.url}/api/clusters/embedded/k8s/api/v1/namespaces/default/pods/kubia-zxzij`);
  expect(((await pod.json()) as { metadata: { labels: Record<string, string> } }).metadata.labels.touched).toBeUndefined();
});
