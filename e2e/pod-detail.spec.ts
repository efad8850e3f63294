import { expect, test } from './fixtures/test';
import { PodDetailPage } from './pages/pod-detail-page';
import { PodsPage } from './pages/pods-page';

test('the list links to the pod, whose Overview reads like kubectl describe with live events', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual', labels: { creation_method: 'manual' } }]);
  await api.waitRunning(namespace, ['kubia-manual']);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.table().getByRole('link', { name: 'kubia-manual' }).click();

  const detail = new PodDetailPage(page);
  await expect(page).toHaveURL(new RegExp(`/pods/${namespace}/kubia-manual`));
  await expect(detail.tab('Overview')).toHaveAttribute('aria-selected', 'true');
  // The header's namespace is the pod's, though the link names only the context.
  await expect(page.getByRole('combobox', { name: 'Namespace' })).toHaveValue(namespace);
  await expect(detail.describeValue('Pod', 'Name')).toHaveText('kubia-manual');
  await expect(detail.describeValue('Pod', 'Namespace')).toHaveText(namespace);
  await expect(detail.describeValue('Pod', 'Status')).toHaveText('Running');
  await expect(detail.describeValue('Pod', 'Labels')).toHaveText('creation_method=manual');
  await expect(detail.describeValue('Pod', 'Node')).toHaveText(/^gke-kubia-85f6-node-\w+\/[\d.]+$/);
  await expect(detail.describeValue('Scheduling', 'QoS Class')).toHaveText('BestEffort');
  await expect(detail.panel().getByText(`kubectl describe pod kubia-manual -n ${namespace}`)).toBeVisible();
  await expect(detail.events()).toContainText('Scheduled');
  await expect(detail.events()).toContainText(`Successfully assigned ${namespace}/kubia-manual to gke-kubia-85f6-node-`);
  await expect(detail.events()).toContainText('Started');

  await page.getByRole('link', { name: `← Pods in ${namespace}` }).click();
  await pods.expectNames(['kubia-manual']);
});

test('YAML and JSON show the pod as the server returned it, and the tab is in the URL', async ({ page, context, api, namespace }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-manual');

  await detail.select('YAML');
  await expect(page).toHaveURL(/[?&]tab=yaml/);
  const yaml = detail.manifest('kubia-manual', 'YAML');
  await expect(yaml).toContainText('apiVersion: v1');
  await expect(yaml).toContainText('kind: Pod');
  await expect(yaml).toContainText('name: kubia-manual');

  await detail.select('JSON');
  await expect(page).toHaveURL(/[?&]tab=json/);
  await expect(detail.manifest('kubia-manual', 'JSON')).toContainText('"kind": "Pod"');
  await detail.copyManifest().click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const pod = JSON.parse(text) as { kind: string; apiVersion: string; metadata: { name: string; namespace: string } };
  expect(pod).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'kubia-manual', namespace } });

  // A reload opens the same tab; the arrow keys move between tabs.
  await page.reload();
  await expect(detail.tab('JSON')).toHaveAttribute('aria-selected', 'true');
  await detail.tab('JSON').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(detail.tab('YAML')).toHaveAttribute('aria-selected', 'true');
  await expect(detail.tab('YAML')).toBeFocused();
});

test('a pod that does not exist says so', async ({ page, namespace }) => {
  await page.goto(`/pods/${namespace}/nope`);
  await expect(page.getByRole('region', { name: 'Pod not found' })).toContainText(`There is no pod nope in namespace ${namespace}`);
});
