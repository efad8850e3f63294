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
