import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

test('deleting one pod from its row shows Terminating until it is gone', async ({ page, api, namespace }) => {
  // kubia ignores SIGTERM: the pod stays Terminating for its whole grace period.
  await api.createPods(namespace, [{ name: 'kubia-a', graceSeconds: 3 }, { name: 'kubia-b' }]);
  await api.waitRunning(namespace, ['kubia-a']);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await expect(pods.row('kubia-a').getByText('Running')).toBeVisible();

  const dialog = await pods.openRowDelete('kubia-a');
  await expect(dialog.previewNames()).toHaveText([`${namespace}/kubia-a`]);
  await expect(dialog.command()).toHaveText(`kubectl delete pods kubia-a -n ${namespace}`);
  await dialog.confirm();
  await expect(pods.row('kubia-a').getByText('Terminating')).toBeVisible();
  await pods.expectNames(['kubia-b']);
  expect(await api.pod(namespace, 'kubia-a')).toBeUndefined();
});

test('deleting the selected pods deletes exactly those', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a' }, { name: 'kubia-b' }, { name: 'kubia-c' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.select('kubia-a', 'kubia-c');
  await expect(page.getByText('2 selected')).toBeVisible();

  const dialog = await pods.openDelete('Delete selected', 'Delete 2 pods');
  await expect(dialog.previewNames()).toHaveText([`${namespace}/kubia-a`, `${namespace}/kubia-c`]);
  await expect(dialog.deleteButton()).toHaveText('Delete 2');
  await dialog.confirm();
  await pods.expectNames(['kubia-b']);
  await expect(page.getByText(/selected$/)).toBeHidden();
});

test('deleting by selector lists the matching pods from a dry run before anything goes', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [
    { name: 'kubia-prod-1', labels: { env: 'prod' } },
    { name: 'kubia-prod-2', labels: { env: 'prod' } },
    { name: 'kubia-devel', labels: { env: 'devel' } },
  ]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelSelector: 'env=prod' });
  await pods.expectNames(['kubia-prod-1', 'kubia-prod-2']);

  const dialog = await pods.openDelete('Delete matching…', 'Delete pods matching env=prod');
  await expect(dialog.preview()).toContainText('2 pods will be deleted:');
  await expect(dialog.previewNames()).toHaveText([`${namespace}/kubia-prod-1`, `${namespace}/kubia-prod-2`]);
  await expect(dialog.command()).toHaveText(`kubectl delete pods -l env=prod -n ${namespace}`);
  // The dry run deleted nothing.
  expect(await api.pod(namespace, 'kubia-prod-1')).toBeDefined();
  await dialog.confirm();

  await expect(page.getByRole('region', { name: 'No pods match' })).toBeVisible();
  await pods.filter('');
  await pods.expectNames(['kubia-devel']);
});

test('deleting every pod of a namespace asks for the namespace name', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a' }, { name: 'kubia-b' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.expectNames(['kubia-a', 'kubia-b']);

  const dialog = await pods.openDelete(`Delete all in ${namespace}…`, `Delete all pods in ${namespace}`);
  await expect(dialog.previewNames()).toHaveText([`${namespace}/kubia-a`, `${namespace}/kubia-b`]);
  await expect(dialog.command()).toHaveText(`kubectl delete pods --all -n ${namespace}`);
  await expect(dialog.deleteButton()).toBeDisabled();
  await expect(dialog.confirmBox()).toBeFocused();
  await dialog.confirmBox().fill(namespace.slice(0, -1));
  await expect(dialog.deleteButton()).toBeDisabled();
  await dialog.confirmBox().fill(namespace);
  await expect(dialog.deleteButton()).toBeEnabled();
  await dialog.confirm();

  await expect(page.getByRole('region', { name: 'No pods' })).toContainText(`No resources found in ${namespace} namespace.`);
});

test('an empty namespace says what kubectl says', async ({ page, namespace }) => {
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await expect(page.getByRole('region', { name: 'No pods' })).toContainText(`No resources found in ${namespace} namespace.`);
  await expect(pods.table()).toBeHidden();
  await expect(pods.count()).toHaveText('0 of 0');
  // Nothing to delete: no button offers to.
  await expect(pods.button(`Delete all in ${namespace}…`)).toBeHidden();
});
