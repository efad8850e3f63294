import { expect, test } from './fixtures/test';
import { MetadataDialog } from './pages/pods-dialogs';
import { PodsPage } from './pages/pods-page';

test('labels are added, refused over an existing value without --overwrite, overwritten with it, and removed', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual', labels: { creation_method: 'manual', env: 'prod' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { showLabels: true });
  const labels = async () => (await pods.cell('kubia-manual', 'Labels')).getByRole('button');
  await expect(await labels()).toHaveText(['creation_method=manual', 'env=prod']);

  await test.step('add a label', async () => {
    const dialog = await pods.editLabels('kubia-manual');
    await dialog.set({ tier: 'web' });
    const version = (await api.pod(namespace, 'kubia-manual'))?.metadata.resourceVersion;
    // The edit carries the resourceVersion it was made against, so a concurrent change is refused (409).
    await expect(dialog.command()).toHaveText(`kubectl label pod kubia-manual -n ${namespace} tier=web --resource-version=${version}`);
    await dialog.applyAndClose();
    await expect(await labels()).toHaveText(['creation_method=manual', 'env=prod', 'tier=web']);
    expect((await api.pod(namespace, 'kubia-manual'))?.metadata.labels).toEqual({ creation_method: 'manual', env: 'prod', tier: 'web' });
  });

  await test.step('overwriting needs --overwrite, as kubectl says', async () => {
    const dialog = await pods.editLabels('kubia-manual');
    await dialog.set({ env: 'debug' });
    await expect(dialog.problems()).toHaveText("'env' already has a value (prod), and --overwrite is false");
    await expect(dialog.apply()).toBeDisabled();
    await dialog.overwrite().check();
    await expect(dialog.problems()).toBeHidden();
    await expect(dialog.command()).toContainText('env=debug --overwrite');
    await dialog.applyAndClose();
    await expect(await labels()).toHaveText(['creation_method=manual', 'env=debug', 'tier=web']);
  });

  await test.step('remove a label', async () => {
    const dialog = await pods.editLabels('kubia-manual');
    await dialog.remove('label', 'tier');
    await expect(dialog.command()).toContainText('tier-');
    await dialog.applyAndClose();
    await expect(await labels()).toHaveText(['creation_method=manual', 'env=debug']);
    expect((await api.pod(namespace, 'kubia-manual'))?.metadata.labels).toEqual({ creation_method: 'manual', env: 'debug' });
  });
});

test('an invalid label is refused before anything is sent', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  const dialog = await pods.editLabels('kubia-manual');
  await dialog.set({ 'bad key': 'x' });
  await expect(dialog.problems()).toContainText('metadata.labels: Invalid value: "bad key"');
  await expect(dialog.apply()).toBeDisabled();
});

test('annotations are added and removed on one pod', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual', annotations: { 'mycompany.com/someannotation': 'foo bar' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);

  let dialog = await pods.editAnnotations('kubia-manual');
  await expect(dialog.root.getByText('mycompany.com/someannotation=foo bar')).toBeVisible();
  await dialog.set({ 'example.com/owner': 'team a' });
  await expect(dialog.command()).toContainText(`kubectl annotate pod kubia-manual -n ${namespace} 'example.com/owner=team a'`);
  await dialog.applyAndClose();
  await expect.poll(async () => (await api.pod(namespace, 'kubia-manual'))?.metadata.annotations).toEqual({
    'mycompany.com/someannotation': 'foo bar',
    'example.com/owner': 'team a',
  });

  dialog = await pods.editAnnotations('kubia-manual');
  await expect(dialog.root.getByText('example.com/owner=team a')).toBeVisible();
  await dialog.remove('annotation', 'mycompany.com/someannotation');
  await dialog.applyAndClose();
  await expect.poll(async () => (await api.pod(namespace, 'kubia-manual'))?.metadata.annotations).toEqual({ 'example.com/owner': 'team a' });
});

test('labels of several selected pods are set at once', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a' }, { name: 'kubia-b' }, { name: 'kubia-c' }]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelColumns: 'team' });
  await pods.select('kubia-a', 'kubia-c');
  await pods.button('Label selected').click();
  const dialog = new MetadataDialog(page, 'Edit labels of 2 pods');
  await dialog.set({ team: 'blue' });
  await dialog.applyAndClose();
  await expect(await pods.cell('kubia-a', 'team')).toHaveText('blue');
  await expect(await pods.cell('kubia-c', 'team')).toHaveText('blue');
  await expect(await pods.cell('kubia-b', 'team')).toHaveText('<none>');
});

test('clicking a label chip adds it to the selector', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [
    { name: 'kubia-a', labels: { env: 'prod', tier: 'web' } },
    { name: 'kubia-b', labels: { env: 'prod', tier: 'db' } },
    { name: 'kubia-c', labels: { env: 'devel', tier: 'web' } },
  ]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { showLabels: true, labelColumns: 'tier' });
  await pods.row('kubia-a').getByRole('button', { name: 'Filter by label env=prod' }).click();
  await expect(pods.selector()).toHaveValue('env=prod');
  await pods.expectNames(['kubia-a', 'kubia-b']);
  await expect(page).toHaveURL((url) => url.searchParams.get('labelSelector') === 'env=prod');

  // A label-column value is a chip too; a clause already there is not added twice.
  await pods.row('kubia-b').getByRole('button', { name: 'Filter by label tier=db' }).first().click();
  await expect(pods.selector()).toHaveValue('env=prod,tier=db');
  await pods.expectNames(['kubia-b']);
  await pods.row('kubia-b').getByRole('button', { name: 'Filter by label env=prod' }).click();
  await expect(pods.selector()).toHaveValue('env=prod,tier=db');
});
