import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { podManifest, startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';
import { failAccessReviews } from './fixtures/access-reviews';
import { screenshotThemes } from './fixtures/screenshots';
import { teamConsoleEnv } from './fixtures/team-console';
import { bindClusterRole, logInWithToken, serviceAccount, serviceAccountToken } from './fixtures/team-users';
import { NamespacesPage } from './pages/namespaces-page';
import { PodsPage } from './pages/pods-page';
import { openRowActions } from './pages/row-actions';

// A console of its own in token mode on an embedded cluster started here, with two service accounts whose
// RBAC differs: ana may view everything and edit in `shop`; ben may only view `shop`.
const SHOP = 'shop';
const LAB = 'lab';
let cluster: TestCluster;
let server: ConsoleProcess;
const tokens = { ana: '', ben: '' };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  server = await startConsole(teamConsoleEnv(cluster, 'token', 'team-rbac'));
  for (const namespace of [SHOP, LAB]) await cluster.api('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  await cluster.api('POST', `/api/v1/namespaces/${SHOP}/pods`, podManifest('cart', { app: 'cart' }));
  await cluster.api('POST', `/api/v1/namespaces/${LAB}/pods`, podManifest('probe', { app: 'probe' }));
  tokens.ana = await serviceAccountToken(cluster, SHOP, 'ana');
  tokens.ben = await serviceAccountToken(cluster, SHOP, 'ben');
  await bindClusterRole(cluster, { name: 'ana-view', role: 'view', subject: serviceAccount(SHOP, 'ana') });
  await bindClusterRole(cluster, { name: 'ana-edit', role: 'edit', subject: serviceAccount(SHOP, 'ana'), namespace: SHOP });
  await bindClusterRole(cluster, { name: 'ben-view', role: 'view', subject: serviceAccount(SHOP, 'ben'), namespace: SHOP });
});

test.afterAll(async () => {
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

/** A browser context of its own, logged in with one user's token: two users never share cookies. */
async function signedIn(browser: Browser, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await logInWithToken(page, server.url, token);
  return { context, page };
}

const forbidden = (user: string, verb: string, resource: string, namespace?: string) =>
  `User "system:serviceaccount:${SHOP}:${user}" cannot ${verb} resource "${resource}" in API group ""${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`;

test('two users with different RBAC see different pods and namespaces; one labels a pod, the other is told why not and then hears the server\'s Forbidden', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const ana = await signedIn(browser, tokens.ana);
  const ben = await signedIn(browser, tokens.ben);
  try {
    await test.step('each sees the pods their RBAC lets them list', async () => {
      const anaPods = new PodsPage(ana.page);
      const benPods = new PodsPage(ben.page);
      await anaPods.open(SHOP);
      await anaPods.expectNames(['cart']);
      await expect(ana.page.locator(`summary[aria-label="Account: system:serviceaccount:${SHOP}:ana"]`)).toBeVisible();
      await benPods.open(SHOP);
      await benPods.expectNames(['cart']);
      await expect(ben.page.locator(`summary[aria-label="Account: system:serviceaccount:${SHOP}:ben"]`)).toBeVisible();

      await anaPods.open(LAB);
      await anaPods.expectNames(['probe']);
      await ben.page.goto(`/pods?namespace=${LAB}`);
      const refused = ben.page.getByRole('alert', { name: 'Forbidden' });
      await expect(refused).toContainText('You may not list pods here');
      await expect(refused).toContainText(`pods is forbidden: ${forbidden('ben', 'list', 'pods', LAB)}`);
      await expect(benPods.table()).toBeHidden();
      await screenshotThemes(ben.page, testInfo, 'team-rbac-pods-forbidden');
    });

    await test.step('each sees the namespaces their RBAC lets them list', async () => {
      const anaNamespaces = new NamespacesPage(ana.page);
      await anaNamespaces.open();
      await expect(anaNamespaces.row(LAB)).toBeVisible();
      await expect(anaNamespaces.row(SHOP)).toBeVisible();
      await ben.page.goto('/namespaces');
      await expect(ben.page.getByRole('alert', { name: 'Forbidden' })).toContainText(`namespaces is forbidden: ${forbidden('ben', 'list', 'namespaces')}`);
      await expect(new NamespacesPage(ben.page).table()).toBeHidden();
    });

    await test.step('ana may label a pod in shop, and it is done', async () => {
      const pods = new PodsPage(ana.page);
      await pods.open(SHOP);
      const dialog = await pods.editLabels('cart');
      await dialog.set({ tier: 'web' });
      await dialog.applyAndClose();
      await expect(ana.page.getByRole('status', { name: 'Change notice' })).toHaveText('pod/cart labeled');
      await expect.poll(async () => (await cluster.api<{ metadata: { labels: Record<string, string> } }>('GET', `/api/v1/namespaces/${SHOP}/pods/cart`)).metadata.labels).toEqual({ app: 'cart', tier: 'web' });
    });

    await test.step('ben sees the label action disabled, with the reason', async () => {
      const pods = new PodsPage(ben.page);
      await pods.open(SHOP);
      await pods.expectNames(['cart']);
      const menu = await openRowActions(ben.page, 'cart');
      const label = menu.getByRole('menuitem', { name: 'Edit labels…', exact: true });
      await expect(label).toHaveAttribute('aria-disabled', 'true');
      await expect(label).toHaveAccessibleDescription(`You may not patch pods in ${SHOP} (RBAC)`);
      await screenshotThemes(ben.page, testInfo, 'team-rbac-label-disabled');
      await ben.page.keyboard.press('Escape');
    });

    await test.step('with the hint unavailable, ben tries anyway and sees the server\'s Forbidden with its reason', async () => {
      await failAccessReviews(ben.page);
      const pods = new PodsPage(ben.page);
      await pods.open(SHOP);
      const dialog = await pods.editLabels('cart');
      await dialog.set({ owner: 'ben' });
      await dialog.apply().click();
      await expect(dialog.serverError()).toContainText(`pods "cart" is forbidden: ${forbidden('ben', 'patch', 'pods', SHOP)}`);
      await screenshotThemes(ben.page, testInfo, 'team-rbac-label-forbidden');
      expect((await cluster.api<{ metadata: { labels: Record<string, string> } }>('GET', `/api/v1/namespaces/${SHOP}/pods/cart`)).metadata.labels).toEqual({ app: 'cart', tier: 'web' });
    });
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});
