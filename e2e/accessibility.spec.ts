import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_NODES } from './fixtures/nodes-api';
import { screenshotThemes, switchTheme, themes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { NamespacesPage } from './pages/namespaces-page';
import { PodDetailPage, type PodDetailTab } from './pages/pod-detail-page';
import { PodsPage } from './pages/pods-page';
import { chooseRowAction, openRowActions } from './pages/row-actions';

/** WCAG 2.2 A and AA, which include colour contrast (1.4.3) and names of controls (4.1.2). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now, in the light and the dark theme, and expects no violation in either. */
async function expectAccessible(page: Page, what: string) {
  for (const theme of themes) {
    await switchTheme(page, theme);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`));
    expect.soft(found, `${what} in ${theme}`).toEqual([]);
  }
  await switchTheme(page, 'light');
}

test.describe.configure({ timeout: 120_000 });

test('the pods list, its row menu and dialogs have no axe violations in either theme', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [
    { name: 'kubia-manual', labels: { creation_method: 'manual', env: 'prod' } },
    { name: 'kubia-broken', image: 'luksa/kubia:does-not-exist' },
  ]);
  await api.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-nowhere' }, spec: { nodeSelector: { 'e2e-no-such-node': 'true' }, containers: [{ name: 'kubia', image: 'luksa/kubia' }] } }], namespace);
  await api.waitRunning(namespace, ['kubia-manual']);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelColumns: 'env', showLabels: true });
  await expect(pods.row('kubia-nowhere')).toContainText('Unschedulable');
  await expectAccessible(page, 'pods list');

  await openRowActions(page, 'kubia-manual');
  await expectAccessible(page, 'row actions menu');
  await page.keyboard.press('Escape');
  await chooseRowAction(page, 'kubia-manual', 'Edit labels…');
  await expect(page.getByRole('dialog', { name: 'Edit labels of kubia-manual' })).toBeVisible();
  await expectAccessible(page, 'labels dialog');
  await page.keyboard.press('Escape');
  const deleteAll = await pods.openDelete(`Delete all in ${namespace}…`, `Delete all pods in ${namespace}`);
  await expect(deleteAll.root).toContainText('kubia-manual');
  await expectAccessible(page, 'delete dialog');
  await page.keyboard.press('Escape');

  // The list's "Why pending?" leads to the preview of that pod.
  await pods.row('kubia-nowhere').getByRole('link', { name: 'Why pending? kubia-nowhere' }).click();
  await expect(page.getByRole('table', { name: 'Scheduling preview' })).toBeVisible();
  await expectAccessible(page, 'scheduling preview of a pending pod');
});

const TABS: [PodDetailTab, (detail: PodDetailPage) => Promise<void>][] = [
  ['Overview', (detail) => expect(detail.events()).toBeVisible()],
  ['YAML', (detail) => expect(detail.manifest('kubia-manual', 'YAML')).toBeVisible()],
  ['JSON', (detail) => expect(detail.manifest('kubia-manual', 'JSON')).toBeVisible()],
  ['Logs', (detail) => expect(detail.logLines()).toContainText('Kubia server starting')],
  ['Request', (detail) => expect(detail.send()).toBeVisible()],
  ['Shell', (detail) => expect(detail.page.getByRole('status', { name: 'Shell status' })).toBeVisible()],
];

for (const [tab, ready] of TABS) {
  test(`the pod page's ${tab} tab has no axe violations in either theme`, async ({ page, api, namespace }) => {
    await api.createPods(namespace, [{ name: 'kubia-manual' }]);
    await api.waitRunning(namespace, ['kubia-manual']);
    const detail = new PodDetailPage(page);
    await detail.open(namespace, 'kubia-manual');
    await detail.select(tab);
    await ready(detail);
    await expectAccessible(page, `pod page, ${tab} tab`);
  });
}

test('the page of a pod whose pull fails, and the edit page, have no axe violations in either theme', async ({ page, api, namespace }, testInfo) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }, { name: 'kubia-broken', image: 'luksa/kubia:does-not-exist' }]);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-broken');
  await expect(page.getByText(/ErrImagePull|ImagePullBackOff/).first()).toBeVisible();
  await expectAccessible(page, 'pod page of a pod whose pull fails');
  await page.goto(`/pods/${namespace}/kubia-manual/edit?context=embedded`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'edit page');
  await screenshotThemes(page, testInfo, 'edit-page');
});

test('nodes, a node with its taints dialog, and the scheduling preview have no axe violations in either theme', async ({ page }) => {
  await page.goto('/nodes');
  await expect(page.getByRole('table', { name: 'Nodes' }).getByRole('link')).toHaveCount(DEMO_NODES.length);
  await expectAccessible(page, 'nodes list');
  await chooseRowAction(page, DEMO_NODES[0], 'Edit taints…');
  await expect(page.getByRole('dialog', { name: `Taints of ${DEMO_NODES[0]}` })).toBeVisible();
  await expectAccessible(page, 'taints dialog');
  await page.keyboard.press('Escape');

  await page.goto(`/nodes/${DEMO_NODES[0]}`);
  await expect(page.getByRole('heading', { level: 1, name: DEMO_NODES[0] })).toBeVisible();
  await expectAccessible(page, 'node page');

  await page.goto('/scheduling?input=form');
  await expect(page.getByRole('table', { name: 'Scheduling preview' })).toBeVisible();
  await expectAccessible(page, 'scheduling preview');

});

test('namespaces, a namespace, create and explain have no axe violations in either theme', async ({ page, namespace }) => {
  const list = new NamespacesPage(page);
  await list.open();
  await expect(list.row(namespace)).toBeVisible();
  await expectAccessible(page, 'namespaces list');
  await list.openDelete(namespace);
  await expectAccessible(page, 'namespace delete dialog');
  await page.keyboard.press('Escape');

  await page.goto(`/namespaces/${namespace}`);
  await expect(page.getByRole('heading', { level: 1, name: namespace })).toBeVisible();
  await expectAccessible(page, 'namespace page');

  await page.goto('/create?context=embedded');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'create page');

  await page.goto('/explain?context=embedded&path=pods.spec');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'explain page');
});
