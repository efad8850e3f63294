import type { Page } from '@playwright/test';
import type { PodSpec } from './fixtures/cluster-api';
import { screenshotThemes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

const PODS: PodSpec[] = [
  { name: 'manual-prod', labels: { env: 'prod' } },
  { name: 'rc-devel', labels: { env: 'devel' } },
];

const REASON = /The label selector is not valid: Expected ',' or '\)' after a value but found end of input \(at character 13\)/;

/** Every control that shares or acts on the selector: off, focusable, and saying why. */
async function expectSelectorActionsOff(page: Page, reason: RegExp, names: string[]) {
  for (const name of names) {
    const button = page.getByRole('button', { name, exact: true });
    await expect(button, name).toHaveAttribute('aria-disabled', 'true');
    await expect(button, name).toHaveAccessibleDescription(reason);
  }
  const command = page.locator('main').getByLabel('kubectl equivalent', { exact: true });
  await expect(command).toHaveAttribute('aria-disabled', 'true');
}

async function expectSelectorActionsOn(page: Page, names: string[]) {
  for (const name of names) await expect(page.getByRole('button', { name, exact: true }), name).not.toHaveAttribute('aria-disabled');
  await expect(page.locator('main').getByLabel('kubectl equivalent', { exact: true })).not.toHaveAttribute('aria-disabled');
}

test('while the selector does not parse, the pods list says so and nothing uses the old selector', async ({ page, api, namespace }, testInfo) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.filter('env=prod');
  await pods.expectNames(['manual-prod']);
  await expect(pods.button('Delete matching…')).toBeVisible();

  await pods.selector().fill('env in (prod');
  const notice = page.getByRole('status', { name: 'Selector not applied' });
  await expect(notice).toContainText(REASON);
  // No count of the stale rows, and the rows are dimmed and out of reach (inert).
  await expect(pods.count()).toHaveCount(0);
  await expect(page.getByText('not applied', { exact: true })).toBeVisible();
  const stale = page.locator('[inert]');
  await expect(stale.locator('table a')).toHaveText(['manual-prod']);
  await expect(stale).toHaveCSS('opacity', '0.4');
  await expectSelectorActionsOff(page, REASON, ['Delete matching…', 'Copy as kubectl', 'Copy link', 'Copy kubectl equivalent']);

  // Playwright waits for an aria-disabled button to be enabled; a user can still click it.
  await pods.button('Delete matching…').click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await pods.selector().press('Escape');
  await screenshotThemes(page, testInfo, 'invalid-selector');

  await pods.selector().press('End');
  await pods.selector().pressSequentially(',devel)');
  await expect(notice).toBeHidden();
  await expect(page.locator('[inert]')).toHaveCount(0);
  await pods.expectNames(['manual-prod', 'rc-devel']);
  await expect(pods.count()).toHaveText('2 of 2');
  await expectSelectorActionsOn(page, ['Delete matching…', 'Copy as kubectl', 'Copy link', 'Copy kubectl equivalent']);
});

test('an invalid field selector turns the same actions off', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.button('Field selector ▾').click();
  await page.getByRole('textbox', { name: 'Field selector' }).fill('metadata.name');
  const reason = /^The field selector is not valid: .+/;
  await expect(page.getByRole('status', { name: 'Selector not applied' })).toContainText('The field selector is not valid');
  await expect(pods.count()).toHaveCount(0);
  await expect(page.getByText('not applied', { exact: true })).toBeVisible();
  await expectSelectorActionsOff(page, reason, ['Copy as kubectl', 'Copy link', 'Copy kubectl equivalent']);
  await page.getByRole('textbox', { name: 'Field selector' }).fill('metadata.name=rc-devel');
  await pods.expectNames(['rc-devel']);
  await expectSelectorActionsOn(page, ['Copy as kubectl', 'Copy link', 'Copy kubectl equivalent']);
});

test('a hand-edited link with an invalid selector opens in the same state', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  await page.goto(`/pods?${PodsPage.search(namespace, { labelSelector: 'env in (prod' })}`);
  await expect(page.getByRole('status', { name: 'Selector not applied' })).toContainText(REASON);
  await expectSelectorActionsOff(page, REASON, ['Delete matching…', 'Copy as kubectl', 'Copy link']);
});

for (const { path, heading, selector } of [
  { path: '/nodes', heading: 'Nodes', selector: 'kubernetes.io/os in (linux' },
  { path: '/namespaces', heading: 'Namespaces', selector: 'kubernetes.io/metadata.name in (default' },
]) {
  test(`${heading}: the same generic list turns its selector actions off`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('table', { name: heading })).toBeVisible();
    await page.getByRole('combobox', { name: 'Label selector' }).fill(selector);
    await expect(page.getByRole('status', { name: 'Selector not applied' })).toContainText('The label selector is not valid');
    await expect(page.locator('[inert] table')).toHaveCount(1);
    await expectSelectorActionsOff(page, /The label selector is not valid/, ['Copy as kubectl', 'Copy link', 'Copy kubectl equivalent']);
  });
}
