import { expect, test } from './fixtures/test';
import { failAccessReviews } from './fixtures/access-reviews';
import { PodsPage } from './pages/pods-page';

const VIEWER = 'embedded-viewer';

test('a read-only context lists pods but shows the server refusing deletes and label edits', async ({ page, api, namespace }) => {
  // The permission hints would disable these actions (e2e/permission-hints.spec.ts); with the reviews failing
  // they stay enabled, and what the user then sees is the server's own Forbidden.
  await failAccessReviews(page);
  await api.createPods(namespace, [{ name: 'kubia-a', labels: { env: 'prod' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { context: VIEWER });
  await expect(page.getByRole('combobox', { name: 'Context' })).toHaveValue(VIEWER);
  await pods.expectNames(['kubia-a']);

  await test.step('delete', async () => {
    const dialog = await pods.openRowDelete('kubia-a');
    await expect(dialog.alert()).toHaveText(
      `pods "kubia-a" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "${namespace}"`,
    );
    await expect(dialog.deleteButton()).toBeDisabled();
    await dialog.root.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.root).toBeHidden();
  });

  await test.step('label', async () => {
    const dialog = await pods.editLabels('kubia-a');
    await dialog.set({ tier: 'web' });
    await dialog.apply().click();
    await expect(dialog.serverError()).toContainText(
      `pods "kubia-a" is forbidden: User "viewer" cannot patch resource "pods" in API group "" in the namespace "${namespace}"`,
    );
    await expect(dialog.root).toBeVisible();
    await expect(dialog.apply()).toBeEnabled();
  });

  expect((await api.pod(namespace, 'kubia-a'))?.metadata.labels).toEqual({ env: 'prod' });
});
