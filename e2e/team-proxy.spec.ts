import { expect, test } from '@playwright/test';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { podManifest, startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';
import { startIdentityProxy, type IdentityProxy } from './fixtures/identity-proxy';
import { screenshotThemes } from './fixtures/screenshots';
import { teamConsoleEnv } from './fixtures/team-console';
import { PodsPage } from './pages/pods-page';

// A console in proxy mode that believes only 127.0.0.2, and an authenticating proxy in front of it that
// connects from there and says the user is alice of the developers group (who may edit team-a in the demo seed).
const PROXY_PORT = 34220;
const CONSOLE_PORT = 34221;
const NAMESPACE = 'team-a';
const ALICE = { 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'developers' };
let cluster: TestCluster;
let server: ConsoleProcess;
let proxy: IdentityProxy;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  server = await startConsole({
    ...teamConsoleEnv(cluster, 'proxy', 'team-proxy'),
    PORT: String(CONSOLE_PORT),
    PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.2',
    // Users reach the console at the proxy's address: that is the Host and Origin their browser sends.
    PILOTHOUSE_PUBLIC_URL: `http://127.0.0.1:${PROXY_PORT}`,
  });
  proxy = await startIdentityProxy({ target: server.url, identity: { user: 'alice', groups: ['developers'] }, from: '127.0.0.2', port: PROXY_PORT });
  await cluster.api('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, podManifest('web-1', { app: 'web' }));
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

test('through the trusted proxy the console acts as the proxied user, live over socket.io', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`${proxy.url}/pods?namespace=${NAMESPACE}&labelSelector=app%3Dweb`);
  const pods = new PodsPage(page);
  await pods.expectNames(['web-1']);
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');
  // A pod made elsewhere shows up without a reload: the watch reaches the page over the proxied WebSocket.
  await cluster.api('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, podManifest('web-2', { app: 'web' }));
  await pods.expectNames(['web-1', 'web-2']);
  expect(proxy.upgrades()).toBeGreaterThan(0);
  const account = page.locator('summary[aria-label="Account: alice"]');
  await expect(account).toBeVisible();
  await account.click();
  await expect(page.getByText('developers', { exact: true })).toBeVisible();
  await screenshotThemes(page, testInfo, 'team-proxy-user-menu');
  await page.keyboard.press('Escape');
  // The user's own RBAC decides: alice may not list pods in default.
  await page.goto(`${proxy.url}/pods?namespace=default`);
  await expect(page.getByRole('alert', { name: 'Forbidden' })).toContainText('User "alice" cannot list resource "pods" in API group "" in the namespace "default"');
});

test('opened directly, from an address that is no trusted proxy, the same identity headers are ignored: 401 and no data', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: ALICE });
  try {
    const page = await context.newPage();
    const answer = await page.goto(`${server.url}/pods?namespace=${NAMESPACE}`);
    expect(answer?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('"reason":"Unauthorized"');
    await expect(page.getByRole('table', { name: 'Pods' })).toHaveCount(0);
    await expect(page.getByText('web-1')).toHaveCount(0);
    const api = await page.request.get(`${server.url}/api/clusters/relayed/k8s/api/v1/namespaces/${NAMESPACE}/pods`);
    expect(api.status()).toBe(401);
    expect(await api.text()).not.toContain('web-1');
    // The live channel is refused too.
    const polling = await page.request.get(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status()).toBe(401);
  } finally {
    await context.close();
  }
});
