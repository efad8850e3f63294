import type { Page } from '@playwright/test';
import { screenshotThemes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { NamespacesPage } from './pages/namespaces-page';
import { PodsPage } from './pages/pods-page';

const notice = (page: Page) => page.getByRole('status', { name: 'Change notice' });

test('Apply and Delete confirm in kubectl\'s words, and the changed row is marked for a moment', async ({ page, api, namespace }, testInfo) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }, { name: 'kubia-gpu', labels: { gpu: 'true' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await expect(notice(page)).toHaveAttribute('aria-live', 'polite');
  await expect(notice(page)).toHaveText('');

  await test.step('labels', async () => {
    const dialog = await pods.editLabels('kubia-manual');
    await dialog.set({ creation_method: 'manual' });
    await dialog.applyAndClose();
    await expect(notice(page)).toHaveText('pod/kubia-manual labeled');
    await expect(pods.row('kubia-manual')).toHaveAttribute('data-highlighted', 'true');
    await expect(pods.row('kubia-gpu')).not.toHaveAttribute('data-highlighted');
    await screenshotThemes(page, testInfo, 'change-notice');
    // The mark fades after a few seconds; the notice can be dismissed.
    await expect(pods.row('kubia-manual')).not.toHaveAttribute('data-highlighted', { timeout: 8000 });
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(notice(page)).toHaveText('');
  });

  await test.step('removing a label says unlabeled, as kubectl does', async () => {
    const dialog = await pods.editLabels('kubia-gpu');
    await dialog.remove('label', 'gpu');
    await dialog.applyAndClose();
    await expect(notice(page)).toHaveText('pod/kubia-gpu unlabeled');
  });

  await test.step('annotations', async () => {
    const dialog = await pods.editAnnotations('kubia-manual');
    await dialog.set({ note: 'made by hand' });
    await dialog.applyAndClose();
    await expect(notice(page)).toHaveText('pod/kubia-manual annotated');
  });

  await test.step('delete', async () => {
    const dialog = await pods.openRowDelete('kubia-gpu');
    await expect(dialog.previewNames()).toHaveText([`${namespace}/kubia-gpu`]);
    await dialog.confirm();
    await expect(notice(page)).toHaveText('pod "kubia-gpu" deleted');
  });
});

test('a change to several objects prints one line each, as kubectl does', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a' }, { name: 'kubia-b' }, { name: 'kubia-c' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.select('kubia-a', 'kubia-c');
  await pods.button('Label selected').click();
  const dialog = page.getByRole('dialog', { name: 'Edit labels of 2 pods' });
  await dialog.getByRole('textbox', { name: 'Key 1', exact: true }).fill('env');
  await dialog.getByRole('textbox', { name: 'Value 1', exact: true }).fill('prod');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(notice(page).getByRole('listitem')).toHaveText(['pod/kubia-a labeled', 'pod/kubia-c labeled']);
  await expect(pods.row('kubia-a')).toHaveAttribute('data-highlighted', 'true');
  await expect(pods.row('kubia-c')).toHaveAttribute('data-highlighted', 'true');
  await expect(pods.row('kubia-b')).not.toHaveAttribute('data-highlighted');

  await pods.select('kubia-a', 'kubia-b');
  const remove = await pods.openDelete('Delete selected', 'Delete 2 pods');
  await remove.confirm();
  await expect(notice(page).getByRole('listitem')).toHaveText(['pod "kubia-a" deleted', 'pod "kubia-b" deleted']);
});

test('namespaces confirm a label change and a delete too', async ({ page, api, namespace }) => {
  const namespaces = new NamespacesPage(page);
  // The list holds every test's namespace: the server narrows it to this one, so its row is in view.
  await namespaces.open({ fieldSelector: `metadata.name=${namespace}` });
  const dialog = await namespaces.editLabels(namespace);
  await dialog.set({ team: 'a' });
  await dialog.applyAndClose();
  await expect(notice(page)).toHaveText(`namespace/${namespace} labeled`);
  await expect(namespaces.row(namespace)).toHaveAttribute('data-highlighted', 'true');

  const remove = await namespaces.openDelete(namespace);
  await remove.confirmBox().fill(namespace);
  await remove.confirm();
  await expect(notice(page)).toHaveText(`namespace "${namespace}" deleted`);
  // The fixture deletes it again afterwards; a namespace already terminating is fine for it.
  expect((await api.namespace(namespace))?.status?.phase ?? 'gone').not.toBe('Active');
});
