import type { PodSpec } from './fixtures/cluster-api';
import { screenshotThemes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

const PODS: PodSpec[] = [
  { name: 'bare' },
  { name: 'manual-prod', labels: { creation_method: 'manual', env: 'prod' } },
  { name: 'rc-devel', labels: { creation_method: 'rc', env: 'devel' } },
];

const selectorParam = (url: URL) => url.searchParams.get('labelSelector');

test('Enter applies exactly what was typed: nothing is pre-selected in the suggestions', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  await pods.selector().click();
  await pods.selector().pressSequentially('env');
  await expect(pods.suggestions()).toBeVisible();
  await expect(pods.suggestions().locator('[aria-selected="true"]')).toHaveCount(0);
  await expect(pods.selector()).not.toHaveAttribute('aria-activedescendant');
  await pods.selector().press('Enter');
  await expect(pods.selector()).toHaveValue('env');
  await expect(pods.suggestions()).toBeHidden();
  await expect(page).toHaveURL((url) => selectorParam(url) === 'env');
  await pods.expectNames(['manual-prod', 'rc-devel']);
});

test('Tab moves focus and never takes a suggestion', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  await test.step('past the empty box', async () => {
    await pods.selector().focus();
    await expect(pods.suggestions()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(pods.selector()).not.toBeFocused();
    await expect(pods.selector()).toHaveValue('');
    await expect(page).toHaveURL((url) => selectorParam(url) === null);
    await pods.expectNames(['bare', 'manual-prod', 'rc-devel']);
  });

  await test.step('after a partial key', async () => {
    await pods.selector().click();
    await pods.selector().pressSequentially('creation_method=');
    await expect(pods.suggestions().getByRole('option')).toHaveText(['manual', 'rc']);
    await page.keyboard.press('Tab');
    await expect(pods.selector()).not.toBeFocused();
    await expect(pods.selector()).toHaveValue('creation_method=');
  });
});

test('a suggestion is taken with the arrow keys and Enter, as a WAI-ARIA combobox', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  await pods.selector().click();
  await pods.selector().pressSequentially('creation_method=');
  const options = pods.suggestions().getByRole('option');
  await expect(options).toHaveText(['manual', 'rc']);

  await pods.selector().press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  const firstId = await options.nth(0).getAttribute('id');
  await expect(pods.selector()).toHaveAttribute('aria-activedescendant', firstId!);
  await expect(pods.selector()).toHaveAttribute('aria-expanded', 'true');
  await expect(pods.selector()).toHaveAttribute('aria-controls', (await pods.suggestions().getAttribute('id'))!);

  await pods.selector().press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  // ArrowUp from the last wraps back through the list, as ArrowDown from the last does.
  await pods.selector().press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await pods.selector().press('ArrowUp');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await pods.selector().press('Enter');
  await expect(pods.selector()).toHaveValue('creation_method=rc');
  await pods.expectNames(['rc-devel']);

  await test.step('Escape closes the list and keeps the text', async () => {
    await pods.selector().press('End');
    await pods.selector().pressSequentially(',');
    await expect(pods.suggestions()).toBeVisible();
    await pods.selector().press('Escape');
    await expect(pods.suggestions()).toBeHidden();
    await expect(pods.selector()).toHaveValue('creation_method=rc,');
  });
});

test('a complete key offers "has the label" and "lacks the label" too', async ({ page, api, namespace }, testInfo) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  await pods.selector().click();
  await pods.selector().pressSequentially('env');
  const options = pods.suggestions().getByRole('option');
  await expect(options).toHaveText(['env has the label', '!env lacks the label', 'env=', 'env!=', 'env in (', 'env notin (']);
  await pods.selector().press('ArrowDown');
  await pods.selector().press('ArrowDown');
  await expect(pods.suggestions().getByRole('option', { name: '!env lacks the label' })).toHaveAttribute('aria-selected', 'true');
  await screenshotThemes(page, testInfo, 'selector-suggestions');
  await pods.selector().press('Enter');
  await expect(pods.selector()).toHaveValue('!env');
  await expect(page).toHaveURL((url) => selectorParam(url) === '!env');
  await pods.expectNames(['bare']);

  await test.step('a click takes an option too', async () => {
    await pods.selector().fill('');
    await pods.selector().pressSequentially('env');
    await pods.suggestions().getByRole('option', { name: 'env has the label' }).click();
    await expect(pods.selector()).toHaveValue('env');
    await pods.expectNames(['manual-prod', 'rc-devel']);
  });
});
