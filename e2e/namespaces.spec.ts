import { expect, test, uniqueNamespace } from './fixtures/test';
import { failAccessReviews } from './fixtures/access-reviews';
import { NamespacesPage } from './pages/namespaces-page';
import { configmaps, deployments, namespaces, pods, replicasets, services } from '../lib/k8s/resources';

// These tests create, fill and delete namespaces against a busy shared machine: deadlines, not sleeps.
test.describe.configure({ timeout: 60_000 });

test('namespaces are listed live, filtered by a selector, and a shared link reproduces the view', async ({ page, api, browser }, testInfo) => {
  const team = `t${Date.now().toString(36)}`;
  // One base name, so the two sort by their suffix as the table lists them.
  const base = uniqueNamespace(testInfo);
  const [a, b] = [`${base}-a`, `${base}-b`];
  await api.createNamespace(a, { team, env: 'prod' });
  await api.createNamespace(b, { team, env: 'devel' });
  try {
    const list = new NamespacesPage(page);
    await list.open({ labelSelector: `team=${team}` });
    await expect(list.names()).toHaveText([a, b]);
    await expect(await list.cell(a, 'Status')).toHaveText('Active');
    await list.filter(`team=${team},env=prod`);
    await expect(list.names()).toHaveText([a]);
    await page.getByRole('switch', { name: 'Show labels' }).check();
    await expect(list.row(a).getByRole('button', { name: 'Filter by label env=prod' })).toBeVisible();
    await expect(list.command()).toHaveText(`kubectl get namespaces -l team=${team},env=prod --show-labels`);

    const other = await browser.newContext();
    try {
      const shared = new NamespacesPage(await other.newPage());
      await shared.page.goto(page.url());
      await expect(shared.names()).toHaveText([a]);
      await expect(shared.page.getByRole('switch', { name: 'Show labels' })).toBeChecked();
    } finally {
      await other.close();
    }
  } finally {
    await api.deleteNamespace(a);
    await api.deleteNamespace(b);
  }
});

test('a namespace is created by name, and an invalid name is refused in the server\'s words before anything is sent', async ({ page, api }, testInfo) => {
  const list = new NamespacesPage(page);
  await list.open();
  await list.nameBox().fill('Custom_NS');
  const problem = list.createSection().getByRole('alert');
  // The server's own answer to the same name, asked from outside the browser.
  const refused = await api.post(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Custom_NS' } });
  expect(refused.status).toBe(422);
  await expect(problem).toHaveText(refused.body.message!);
  await expect(list.createSection().getByRole('button', { name: 'Create', exact: true })).toBeDisabled();

  const name = uniqueNamespace(testInfo);
  try {
    await list.nameBox().fill(name);
    await expect(list.createSection().getByLabel('kubectl equivalent of Create', { exact: true })).toHaveText(`kubectl create namespace ${name}`);
    await list.createSection().getByRole('button', { name: 'Create', exact: true }).click();
    await expect(list.createSection().getByRole('status')).toHaveText(`namespace/${name} created`);
    await expect(list.row(name)).toBeVisible();
    expect((await api.namespace(name))?.status?.phase).toBe('Active');
  } finally {
    await api.deleteNamespace(name);
  }
});

test('a namespace shows how many pods it holds, live, and how many are not running', async ({ page, api, namespace }) => {
  const list = new NamespacesPage(page);
  await list.open({ labelSelector: `kubernetes.io/metadata.name=${namespace}` });
  await expect(await list.cell(namespace, 'Pods')).toHaveText('0');
  await api.createPods(namespace, [{ name: 'kubia-a' }, { name: 'kubia-b' }, { name: 'broken', image: 'luksa/kubia:does-not-exist' }]);
  await expect(await list.cell(namespace, 'Pods')).toHaveText('3(1 not running)');
  await api.deletePod(namespace, 'broken');
  await expect(await list.cell(namespace, 'Pods')).toHaveText('2');
});

test('deleting a namespace previews what goes with it, asks for its name, and shows Terminating until it is gone', async ({ page, api }, testInfo) => {
  const name = uniqueNamespace(testInfo);
  await api.createNamespace(name);
  try {
    await api.createPods(name, [{ name: 'kubia-a', graceSeconds: 3 }, { name: 'kubia-b' }]);
    await api.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } }], name);
    const list = new NamespacesPage(page);
    await list.open({ labelSelector: `kubernetes.io/metadata.name=${name}` });
    const dialog = await list.openDelete(name);
    await expect(dialog.preview()).toContainText('1 namespace will be deleted:');
    const inside = dialog.preview().getByRole('region', { name: 'What goes with it' });
    await expect(inside.getByRole('region', { name: 'pods' })).toContainText(`${name}/kubia-a`);
    await expect(inside.getByRole('region', { name: 'pods' })).toContainText(`${name}/kubia-b`);
    await expect(inside.getByRole('region', { name: 'configmaps' })).toContainText(`${name}/settings`);
    await expect(dialog.command()).toHaveText(`kubectl delete namespace ${name}`);
    // The dry run deleted nothing.
    expect((await api.namespace(name))?.status?.phase).toBe('Active');
    await expect(dialog.deleteButton()).toBeDisabled();
    await dialog.confirmBox().fill(name);
    await dialog.confirm();
    await expect(await list.cell(name, 'Status')).toHaveText('Terminating');
    await expect(list.row(name)).toBeHidden({ timeout: 20_000 });
    expect(await api.namespace(name)).toBeUndefined();
  } finally {
    await api.deleteNamespace(name);
  }
});

test('the namespace page deletes everything in it but the namespace (delete all --all), with a preview', async ({ page, api, namespace }) => {
  await api.apply(
    [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept' }, data: { a: '1' } },
    ],
    namespace,
  );
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  await expect.poll(async () => (await api.names(pods, namespace)).length, { timeout: 15_000 }).toBe(3);

  await page.goto(`/namespaces/${namespace}`);
  await expect(page.getByRole('heading', { level: 1, name: namespace })).toBeVisible();
  const inside = page.getByRole('table', { name: 'What is inside' });
  await expect(inside.getByRole('row', { name: /^pods 3/ })).toBeVisible();
  await page.getByRole('button', { name: `Delete all in ${namespace}…` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete all in ${namespace}` });
  const preview = dialog.getByRole('region', { name: 'What will be deleted' });
  for (const resource of ['pods', 'services', 'deployments', 'replicasets']) await expect(preview.getByRole('region', { name: resource })).toBeVisible();
  await expect(preview.getByRole('region', { name: 'pods' })).toContainText(`${namespace}/kubia-manual`);
  // The pods of the ReplicaSet are said to belong to it; it goes too.
  await expect(preview.getByRole('region', { name: 'pods' }).getByRole('note')).toContainText('owned by ReplicaSet');
  await expect(preview.getByRole('region', { name: 'configmaps' })).toHaveCount(0);
  await expect(dialog.getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl delete all --all -n ${namespace}`);
  await dialog.getByRole('textbox', { name: 'Type the namespace name to confirm' }).fill(namespace);
  await dialog.getByRole('button', { name: /^Delete \d+$/ }).click();
  await expect(dialog).toBeHidden();

  for (const resource of [pods, services, deployments, replicasets]) {
    await expect.poll(() => api.names(resource, namespace), { message: resource.resource, timeout: 20_000 }).toEqual([]);
  }
  expect(await api.names(configmaps, namespace)).toContain('kept');
  expect((await api.namespace(namespace))?.status?.phase).toBe('Active');
  await expect(inside.getByRole('row', { name: /^pods/ })).toBeHidden({ timeout: 10_000 });
});

test('default cannot be deleted: the page says so, and the server\'s Forbidden is shown', async ({ page }) => {
  const list = new NamespacesPage(page);
  await list.open({ labelSelector: 'kubernetes.io/metadata.name=default' });
  const dialog = await list.openDelete('default');
  await expect(dialog.root.getByRole('note').first()).toContainText('namespaces "default" is forbidden: this namespace may not be deleted');
  await expect(dialog.preview().getByRole('alert')).toHaveText('namespaces "default" is forbidden: this namespace may not be deleted');
  await expect(dialog.deleteButton()).toBeDisabled();
});

test('labels of a namespace are refused over an existing value without --overwrite and overwritten with it', async ({ page, api }, testInfo) => {
  const name = uniqueNamespace(testInfo);
  await api.createNamespace(name, { team: 'a' });
  try {
    const list = new NamespacesPage(page);
    await list.open({ labelSelector: `kubernetes.io/metadata.name=${name}`, labelColumns: 'team' });
    await expect(await list.cell(name, 'team')).toHaveText('a');
    const dialog = await list.editLabels(name);
    await dialog.set({ team: 'b' });
    await expect(dialog.problems()).toContainText("'team' already has a value (a), and --overwrite is false");
    await expect(dialog.apply()).toBeDisabled();
    await dialog.overwrite().check();
    await expect(dialog.command()).toContainText(`kubectl label namespace ${name} team=b --overwrite`);
    await dialog.applyAndClose();
    await expect(await list.cell(name, 'team')).toHaveText('b');
    expect((await api.namespace(name))?.metadata.labels?.team).toBe('b');
  } finally {
    await api.deleteNamespace(name);
  }
});

test('a read-only context shows the server refusing to create, label and delete namespaces', async ({ page, api, namespace }) => {
  // With the permission hints' reviews failing the actions stay enabled, and the server's Forbidden shows.
  await failAccessReviews(page);
  const list = new NamespacesPage(page);
  await list.open({ context: 'embedded-viewer', labelSelector: `kubernetes.io/metadata.name=${namespace}` });
  await expect(list.names()).toHaveText([namespace]);

  await list.nameBox().fill('viewer-made');
  await list.createSection().getByRole('button', { name: 'Create', exact: true }).click();
  await expect(list.createSection().getByLabel('Server error')).toHaveText('namespaces is forbidden: User "viewer" cannot create resource "namespaces" in API group "" at the cluster scope');

  const labels = await list.editLabels(namespace);
  await labels.set({ tier: 'web' });
  await labels.apply().click();
  await expect(labels.serverError()).toContainText(`namespaces "${namespace}" is forbidden: User "viewer" cannot patch resource "namespaces" in API group "" in the namespace "${namespace}"`);
  await labels.root.getByRole('button', { name: 'Cancel' }).click();

  const dialog = await list.openDelete(namespace);
  await expect(dialog.preview().getByRole('alert')).toContainText(`namespaces "${namespace}" is forbidden: User "viewer" cannot delete resource "namespaces"`);
  await expect(dialog.deleteButton()).toBeDisabled();
  expect(await api.namespace('viewer-made')).toBeUndefined();
});

test('a namespace being deleted shows Terminating, its deletion conditions and what is left, live, until it is gone', async ({ page, api }, testInfo) => {
  const name = uniqueNamespace(testInfo);
  await api.createNamespace(name);
  try {
    // kubia ignores SIGTERM: its pod holds the namespace in Terminating for its whole grace period.
    await api.createPods(name, [{ name: 'kubia-slow', graceSeconds: 6 }]);
    await api.waitRunning(name, ['kubia-slow']);
    await page.goto(`/namespaces/${name}`);
    const inside = page.getByRole('table', { name: 'What is inside' });
    await expect(inside.getByRole('row', { name: /^pods 1/ })).toBeVisible();
    await page.getByRole('button', { name: 'Delete namespace…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete namespace ${name}` });
    await dialog.getByRole('textbox', { name: 'Type the namespace name to confirm' }).fill(name);
    await dialog.getByRole('button', { name: 'Delete 1' }).click();
    await expect(dialog).toBeHidden();

    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('Terminating');
    await expect(status.getByRole('table', { name: 'Conditions' })).toContainText('NamespaceContentRemaining');
    await expect(inside.getByRole('row', { name: /^pods 1/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Namespace not found' })).toBeVisible({ timeout: 30_000 });
    expect(await api.namespace(name)).toBeUndefined();
  } finally {
    await api.deleteNamespace(name);
  }
});
