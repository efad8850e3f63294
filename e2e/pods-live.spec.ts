import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

test('pods created and deleted outside the browser appear and go without a reload', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.expectNames(['kubia-a']);
  // A reload would lose this.
  await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));

  await api.createPods(namespace, [{ name: 'kubia-b', labels: { env: 'prod' } }]);
  await pods.expectNames(['kubia-a', 'kubia-b']);
  await expect(pods.row('kubia-b').getByText('Running')).toBeVisible();
  await expect(pods.count()).toHaveText('2 of 2');

  await api.deletePod(namespace, 'kubia-a');
  await pods.expectNames(['kubia-b']);
  await expect(pods.count()).toHaveText('1 of 1');

  // A filtered view takes in new pods that match and leaves out those that do not.
  await pods.filter('env=prod');
  await api.createPods(namespace, [{ name: 'kubia-c', labels: { env: 'prod' } }, { name: 'kubia-d', labels: { env: 'devel' } }]);
  await pods.expectNames(['kubia-b', 'kubia-c']);
  await expect(pods.count()).toHaveText('2 of 3');

  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
});

test('a sorted, filtered list puts pods changed outside the browser in their place', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [
    { name: 'web-1', labels: { env: 'prod' } },
    { name: 'web-3', labels: { env: 'prod' } },
    { name: 'web-10', labels: { env: 'prod' } },
    { name: 'api-2', labels: { env: 'devel' } },
  ]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelSelector: 'env=prod', sort: '-name', labelColumns: 'env,tier' });
  // Numbers in names sort by value, as kubectl users read them.
  await pods.expectNames(['web-10', 'web-3', 'web-1']);

  await api.createPods(namespace, [{ name: 'web-2', labels: { env: 'prod' } }]);
  await pods.expectNames(['web-10', 'web-3', 'web-2', 'web-1']);
  // A pod that comes to match takes its place; one that stops matching leaves; a change that keeps it shows in its row.
  await api.labelPod(namespace, 'api-2', { env: 'prod' });
  await pods.expectNames(['web-10', 'web-3', 'web-2', 'web-1', 'api-2']);
  await api.labelPod(namespace, 'web-3', { env: 'devel' });
  await pods.expectNames(['web-10', 'web-2', 'web-1', 'api-2']);
  await api.labelPod(namespace, 'web-1', { tier: 'front' });
  await expect(pods.row('web-1').getByRole('button', { name: 'Filter by label tier=front' })).toBeVisible();
  await pods.filter('env=prod,tier');
  await pods.expectNames(['web-1']);
  await pods.filter('env=prod');
  await api.deletePod(namespace, 'web-10');
  await pods.expectNames(['web-2', 'web-1', 'api-2']);
  await expect(pods.count()).toHaveText('3 of 4');

  // Sorting again, and the next change, keep the new order.
  await pods.sortBy('Name');
  await pods.expectNames(['api-2', 'web-1', 'web-2']);
  await api.createPods(namespace, [{ name: 'web-11', labels: { env: 'prod' } }]);
  await pods.expectNames(['api-2', 'web-1', 'web-2', 'web-11']);
});
