import type { PodSpec } from './fixtures/cluster-api';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

/** The chapter's label exercise: two ways of creation, three environments, and one pod with no labels. */
const PODS: PodSpec[] = [
  { name: 'bare' },
  { name: 'manual-none', labels: { creation_method: 'manual' } },
  { name: 'manual-prod', labels: { creation_method: 'manual', env: 'prod' } },
  { name: 'rc-debug', labels: { creation_method: 'rc', env: 'debug' } },
  { name: 'rc-devel', labels: { creation_method: 'rc', env: 'devel' } },
];

test('every selector form filters the rows exactly as the API server would', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.expectNames(PODS.map((pod) => pod.name));
  await expect(pods.count()).toHaveText('5 of 5');

  // `!=` and `notin` match pods without the key, as apimachinery's selector does.
  const cases: [string, string[]][] = [
    ['creation_method=manual', ['manual-none', 'manual-prod']],
    ['env', ['manual-prod', 'rc-debug', 'rc-devel']],
    ['!env', ['bare', 'manual-none']],
    ['creation_method!=manual', ['bare', 'rc-debug', 'rc-devel']],
    ['env in (prod,devel)', ['manual-prod', 'rc-devel']],
    ['env notin (prod,devel)', ['bare', 'manual-none', 'rc-debug']],
    ['creation_method=rc,env=debug', ['rc-debug']],
  ];
  for (const [selector, names] of cases) {
    await test.step(selector, async () => {
      await pods.filter(selector);
      await pods.expectNames(names);
      await expect(pods.count()).toHaveText(`${names.length} of 5`);
      await expect(page).toHaveURL((url) => url.searchParams.get('labelSelector') === selector);
    });
  }

  await test.step('fast typing keeps every character, though each valid prefix changes the URL', async () => {
    await pods.selector().fill('');
    await pods.selector().pressSequentially('env in (prod,devel),creation_method!=rc');
    await expect(pods.selector()).toHaveValue('env in (prod,devel),creation_method!=rc');
    await pods.expectNames(['manual-prod']);
    await expect(page).toHaveURL((url) => url.searchParams.get('labelSelector') === 'env in (prod,devel),creation_method!=rc');
    await pods.selector().press('Escape');
  });

  await test.step('a selector nothing matches says so and offers to clear it', async () => {
    await pods.filter('env=staging');
    await expect(page.getByRole('region', { name: 'No pods match' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear the selectors' }).click();
    await pods.expectNames(PODS.map((pod) => pod.name));
    await expect(pods.selector()).toHaveValue('');
  });
});

test('an invalid selector is marked invalid, explained, and kept out of the URL', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS.slice(2, 4));
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.filter('env=prod');
  await pods.expectNames(['manual-prod']);
  const before = page.url();
  await expect(pods.selector()).not.toHaveAttribute('aria-invalid');

  await pods.selector().fill('env in (prod');
  await expect(pods.selector()).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await pods.selector().getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  const message = page.locator(`[id="${describedBy}"]`);
  await expect(message).toHaveText("Expected ',' or ')' after a value but found end of input (at character 13)");
  await expect(message).toHaveRole('alert');
  await expect(pods.selector()).toHaveAccessibleDescription(/Expected ',' or '\)'/);
  // The URL keeps the last valid selector; its rows stay in view, dimmed and inert, under a notice.
  expect(page.url()).toBe(before);
  await expect(page.getByRole('status', { name: 'Selector not applied' })).toBeVisible();
  await expect(page.locator('[inert] table a')).toHaveText(['manual-prod']);

  await pods.selector().pressSequentially(',devel)');
  await expect(pods.selector()).not.toHaveAttribute('aria-invalid');
  await expect(message).toBeHidden();
  await expect(page).toHaveURL((url) => url.searchParams.get('labelSelector') === 'env in (prod,devel)');
});

test('suggestions offer the keys and values that exist, and choosing one completes it', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  await pods.selector().click();
  await pods.selector().pressSequentially('cre');
  await expect(pods.suggestions()).toBeVisible();
  await expect(pods.suggestions().getByRole('option')).toHaveText(['creation_method']);
  await pods.suggestions().getByRole('option', { name: 'creation_method' }).click();
  await expect(pods.selector()).toHaveValue('creation_method');

  await pods.selector().press('End');
  await pods.selector().pressSequentially('=');
  await expect(pods.suggestions().getByRole('option')).toHaveText(['manual', 'rc']);
  await pods.suggestions().getByRole('option', { name: 'rc' }).click();
  await expect(pods.selector()).toHaveValue('creation_method=rc');
  await pods.expectNames(['rc-debug', 'rc-devel']);

  await test.step('the keyboard picks a value too', async () => {
    await pods.selector().press('End');
    await pods.selector().pressSequentially(',env in (');
    await expect(pods.suggestions().getByRole('option')).toHaveText(['debug', 'devel', 'prod']);
    // Nothing is pre-selected: the first ArrowDown selects the first option, the second the next.
    await pods.selector().press('ArrowDown');
    await pods.selector().press('ArrowDown');
    await expect(pods.suggestions().getByRole('option', { name: 'devel' })).toHaveAttribute('aria-selected', 'true');
    await pods.selector().press('Enter');
    await pods.selector().pressSequentially(')');
    await expect(pods.selector()).toHaveValue('creation_method=rc,env in (devel)');
    await pods.expectNames(['rc-devel']);
  });
});

test('the field selector asks the server, and an invalid one is explained', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS.slice(1, 3));
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.button('Field selector ▾').click();
  const field = page.getByRole('textbox', { name: 'Field selector' });
  await field.fill('metadata.name=manual-prod');
  await pods.expectNames(['manual-prod']);
  // The server filtered the list: the total counts only what it returned.
  await expect(pods.count()).toHaveText('1 of 1');
  await expect(page).toHaveURL((url) => url.searchParams.get('fieldSelector') === 'metadata.name=manual-prod');
  await expect(pods.command()).toHaveText(`kubectl get pods -n ${namespace} --field-selector metadata.name=manual-prod`);

  await field.fill('metadata.name');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/.+/);
  await expect(page).toHaveURL((url) => url.searchParams.get('fieldSelector') === 'metadata.name=manual-prod');
});

test('Clear the selectors empties both boxes, the field selector\'s too', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS.slice(1, 3));
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.filter('env=nothing-has-this');
  await pods.button('Field selector ▾').click();
  const field = page.getByRole('textbox', { name: 'Field selector' });
  await field.fill('metadata.name=manual-prod');
  await expect(page).toHaveURL((url) => url.searchParams.get('fieldSelector') === 'metadata.name=manual-prod');
  await expect(page.getByRole('region', { name: 'No pods match' })).toBeVisible();

  await page.getByRole('button', { name: 'Clear the selectors' }).click();
  await expect(pods.selector()).toHaveValue('');
  await expect(field).toHaveValue('');
  await expect(page).toHaveURL((url) => !url.searchParams.has('fieldSelector') && !url.searchParams.has('labelSelector'));
  await expect(pods.names()).toHaveCount(2);
});
