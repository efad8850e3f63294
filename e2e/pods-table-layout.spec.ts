import type { Locator } from '@playwright/test';
import type { PodSpec } from './fixtures/cluster-api';
import { screenshotThemes, viewports } from './fixtures/screenshots';
import { expect, test as base } from './fixtures/test';
import { PodsPage } from './pages/pods-page';
import { openRowActions } from './pages/row-actions';

/**
 * Headless Chromium hides scrollbars (Playwright passes --hide-scrollbars); these tests are about whether one
 * shows, so the browser draws them as a desktop one does.
 */
const test = base.extend<object, object>({
  launchOptions: [async ({ launchOptions }, provide) => provide({ ...launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] }), { scope: 'worker' }],
});

const PODS: PodSpec[] = [
  { name: 'kubia-manual', labels: { creation_method: 'manual', env: 'devel', team: 'blue', tier: 'frontend', release: 'canary' } },
  { name: 'kubia-manual-v2', labels: { creation_method: 'manual', env: 'prod', team: 'red', tier: 'backend', release: 'stable' } },
  { name: 'kubia-debug', labels: { env: 'debug' } },
];

/** The element at the centre of `locator` is it (or inside it): nothing pinned or floating covers it. */
async function expectUncovered(locator: Locator) {
  await expect(locator).toBeInViewport();
  await expect
    .poll(() =>
      locator.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && (element.contains(hit) || hit.contains(element));
      }),
    )
    .toBe(true);
}

const scroller = (pods: PodsPage) => pods.table().locator('xpath=..');

/** A table wider than its box shows a scrollbar that takes room (not an overlay that fades away). */
async function expectVisibleHorizontalScrollbar(pods: PodsPage) {
  const metrics = await scroller(pods).evaluate((element: HTMLElement) => ({ overflow: element.scrollWidth - element.clientWidth, bar: element.offsetHeight - element.clientHeight - 2 }));
  expect(metrics.overflow, 'the table is wider than its box').toBeGreaterThan(0);
  expect(metrics.bar, 'horizontal scrollbar height').toBeGreaterThanOrEqual(8);
}

for (const [size, viewport] of Object.entries(viewports)) {
  test(`at ${viewport.width} px a new label column comes into view beside a pinned NAME (${size})`, async ({ page, api, namespace }, testInfo) => {
    await page.setViewportSize(viewport);
    await api.createPods(namespace, PODS);
    await api.waitRunning(namespace, ['kubia-manual', 'kubia-manual-v2']);
    const pods = new PodsPage(page);
    await pods.open(namespace);
    // kubectl's -o wide columns fit a 1440 px window whole, beside the row's one actions button.
    if (size === 'wide') await expectUncovered(pods.header('IP'));

    await pods.showLabels().check();
    await expectUncovered(pods.header('Labels'));
    await pods.labelColumns().fill('creation_method,release');
    await expectUncovered(pods.header('release'));
    await expectUncovered(await pods.cell('kubia-manual', 'release'));
    await expectVisibleHorizontalScrollbar(pods);

    // Scrolled right to the end, each row is still read by its name, and the actions stay in reach.
    await scroller(pods).evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expectUncovered(pods.row('kubia-manual').getByRole('link', { name: 'kubia-manual', exact: true }));
    await expectUncovered(pods.button('Actions for kubia-manual'));
    // And scrolled back, NODE and IP are whole, not cut off under the actions.
    await scroller(pods).evaluate((element) => element.scrollTo({ left: 0 }));
    await expectUncovered(pods.header('Node'));
    await screenshotThemes(page, testInfo, `pods-labels-${size}`);
  });
}

test('row actions are one menu per row, one tab stop, run from the keyboard', async ({ page, api, namespace }, testInfo) => {
  await api.createPods(namespace, PODS.slice(0, 1));
  const pods = new PodsPage(page);
  await pods.open(namespace);
  const row = pods.row('kubia-manual');
  // Checkbox, name link, actions: no more a button per action.
  await expect(row.getByRole('button')).toHaveCount(1);
  await expect(row.getByRole('button')).toHaveAccessibleName('Actions for kubia-manual');

  await row.getByRole('link', { name: 'kubia-manual', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(pods.button('Actions for kubia-manual')).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Actions for kubia-manual' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Edit labels…', 'Edit annotations…', 'Delete…']);
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit annotations…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit annotations of kubia-manual' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus comes back to the row's menu button, so the keyboard user keeps their place.
  await expect(pods.button('Actions for kubia-manual')).toBeFocused();

  const again = await openRowActions(page, 'kubia-manual');
  await screenshotThemes(page, testInfo, 'pods-row-menu');
  await expect(again).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await expect(pods.button('Actions for kubia-manual')).toBeFocused();
});

test('the nodes list at both sizes', async ({ page }, testInfo) => {
  await page.goto('/nodes?showLabels=1');
  const table = page.getByRole('table', { name: 'Nodes' });
  await expect(table.getByRole('button', { name: /^Actions for / })).toHaveCount(3);
  await expectUncovered(table.getByRole('columnheader', { name: 'Name', exact: true }));
  await screenshotThemes(page, testInfo, 'nodes-list');
});
