import type { PodSpec } from './fixtures/cluster-api';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

const PODS: PodSpec[] = [
  { name: 'kubia-dev', labels: { creation_method: 'manual', env: 'devel' } },
  { name: 'kubia-prod', labels: { creation_method: 'rc', env: 'prod' } },
  { name: 'kubia-debug', labels: { env: 'debug' } },
];

test('label columns and show labels add columns of values and chips', async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await expect(pods.header('creation_method')).toBeHidden();
  await expect(pods.header('Labels')).toBeHidden();

  await pods.labelColumns().fill('creation_method,env');
  await expect(pods.header('creation_method')).toBeVisible();
  await expect(pods.header('env')).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get('labelColumns') === 'creation_method,env');
  // Like `kubectl get -L`: the value under its key, `<none>` where the pod lacks it.
  await expect(await pods.cell('kubia-dev', 'creation_method')).toHaveText('manual');
  await expect(await pods.cell('kubia-debug', 'creation_method')).toHaveText('<none>');
  await expect(await pods.cell('kubia-prod', 'env')).toHaveText('prod');

  await pods.showLabels().check();
  await expect(pods.header('Labels')).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get('showLabels') === '1');
  await expect((await pods.cell('kubia-prod', 'Labels')).getByRole('button')).toHaveText(['creation_method=rc', 'env=prod']);
  await expect((await pods.cell('kubia-debug', 'Labels')).getByRole('button')).toHaveText(['env=debug']);

  // The table scrolls sideways now; the row actions stay pinned in view.
  await expect(pods.button('Actions for kubia-prod')).toBeInViewport();
  await pods.showLabels().uncheck();
  await expect(pods.header('Labels')).toBeHidden();
});

test('sorting by a column orders the rows and says so with aria-sort', async ({ page, api, namespace }) => {
  // A pull that fails sorts its status (ErrImagePull, ImagePullBackOff) before Running.
  await api.createPods(namespace, [{ name: 'a-ok' }, { name: 'm-ok' }, { name: 'z-broken', image: 'luksa/kubia:does-not-exist' }]);
  await api.waitRunning(namespace, ['a-ok', 'm-ok']);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await expect(pods.row('z-broken').getByText(/ErrImagePull|ImagePullBackOff/)).toBeVisible();
  await expect(pods.header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await pods.expectNames(['a-ok', 'm-ok', 'z-broken']);

  await pods.sortBy('Status');
  await expect(pods.header('Status')).toHaveAttribute('aria-sort', 'ascending');
  await expect(pods.header('Name')).toHaveAttribute('aria-sort', 'none');
  await pods.expectNames(['z-broken', 'a-ok', 'm-ok']);
  await expect(page).toHaveURL((url) => url.searchParams.get('sort') === 'status');

  await pods.sortBy('Status');
  await expect(pods.header('Status')).toHaveAttribute('aria-sort', 'descending');
  await pods.expectNames(['a-ok', 'm-ok', 'z-broken']);
  await expect(page).toHaveURL((url) => url.searchParams.get('sort') === '-status');

  await pods.sortBy('Name');
  await pods.sortBy('Name');
  await expect(pods.header('Name')).toHaveAttribute('aria-sort', 'descending');
  await pods.expectNames(['z-broken', 'm-ok', 'a-ok']);
});

test('Copy as kubectl gives the command that shows the same rows and columns', async ({ page, context, api, namespace }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelSelector: 'env in (prod,devel)', labelColumns: 'creation_method,env' });
  const expected = `kubectl get pods -n ${namespace} -l 'env in (prod,devel)' -L creation_method,env`;
  await expect(pods.command()).toHaveText(expected);

  await pods.button('Copy as kubectl').click();
  await expect(pods.button('Command copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  await pods.showLabels().check();
  await expect(pods.command()).toHaveText(`${expected} --show-labels`);
});

test('a shared link opened in a new browser reproduces the view', async ({ page, context, browser, api, namespace }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await api.createPods(namespace, PODS);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.filter('env in (prod,devel)');
  await pods.labelColumns().fill('env');
  await pods.showLabels().check();
  await pods.sortBy('Name');
  await pods.expectNames(['kubia-prod', 'kubia-dev']);

  await pods.button('Copy link').click();
  await expect(pods.button('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  const fresh = await browser.newContext();
  try {
    const other = new PodsPage(await fresh.newPage());
    await other.page.goto(link);
    await expect(other.page.getByRole('combobox', { name: 'Namespace' })).toHaveValue(namespace);
    await expect(other.selector()).toHaveValue('env in (prod,devel)');
    await expect(other.labelColumns()).toHaveValue('env');
    await expect(other.showLabels()).toBeChecked();
    await expect(other.header('env')).toBeVisible();
    await expect(other.header('Labels')).toBeVisible();
    await expect(other.header('Name')).toHaveAttribute('aria-sort', 'descending');
    await other.expectNames(['kubia-prod', 'kubia-dev']);
    await expect(other.count()).toHaveText('2 of 3');
  } finally {
    await fresh.close();
  }
});

test("a link's context and namespace list the pods before the contexts arrive, and an unknown context still says so", async ({ page, api, namespace }) => {
  await api.createPods(namespace, PODS.slice(0, 1));
  // The contexts are held back until the rows are on screen: the page subscribes from the URL alone.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/contexts', async (route) => {
    await released;
    await route.fallback();
  });
  const pods = new PodsPage(page);
  await page.goto(`/pods?${PodsPage.search(namespace, { context: 'embedded' })}`);
  await pods.expectNames(['kubia-dev']);
  release();
  await expect(pods.count()).toHaveText('1 of 1');

  await page.goto(`/pods?${PodsPage.search(namespace, { context: 'no-such-context' })}`);
  await expect(page.getByText('No cluster connected')).toBeVisible();
  await expect(pods.table()).toBeHidden();
});
