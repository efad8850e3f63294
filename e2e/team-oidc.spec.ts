import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OIDC_CALLBACK_PATH } from '../lib/contract/auth';
import { startOidcProvider, type LocalOidcProvider } from '../server/embedded-cluster/testing/oidc-provider';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { freePort } from '../server/testing/free-port';
import { startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';
import { screenshotThemes } from './fixtures/screenshots';
import { expectLoginFor, teamConsoleEnv } from './fixtures/team-console';
import { PodsPage } from './pages/pods-page';

// A console of its own in oidc mode, with a real OpenID provider (oidc-provider, its own login form) and an
// embedded cluster that trusts the provider's ID tokens, all started here.
let provider: LocalOidcProvider;
let cluster: TestCluster;
let server: ConsoleProcess;

// The local provider's certificate is its own test CA's.
test.use({ ignoreHTTPSErrors: true });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ groups: { viewer: ['pilothouse:viewers'] }, redirectUris: [`${url}${OIDC_CALLBACK_PATH}`] });
  cluster = await startTestCluster({
    seed: { name: 'demo' },
    oidc: { issuerUrl: provider.issuer, clientId: 'pilothouse', usernameClaim: 'sub', usernamePrefix: '-', groupsClaim: 'groups', caCert: provider.caCert },
  });
  const caFile = join(mkdtempSync(join(tmpdir(), 'pilothouse-e2e-oidc-')), 'ca.pem');
  writeFileSync(caFile, provider.caCert);
  server = await startConsole({
    PORT: String(port),
    ...teamConsoleEnv(cluster, 'oidc', 'team-oidc'),
    PILOTHOUSE_PUBLIC_URL: url,
    PILOTHOUSE_OIDC_ISSUER: provider.issuer,
    PILOTHOUSE_OIDC_CLIENT_ID: 'pilothouse',
    PILOTHOUSE_OIDC_CLIENT_SECRET: 'pilothouse-secret',
    PILOTHOUSE_OIDC_SCOPES: 'openid email groups',
    PILOTHOUSE_OIDC_PROVIDER_NAME: 'Local IdP',
    NODE_EXTRA_CA_CERTS: caFile,
  });
});

test.afterAll(async () => {
  await server?.stop('SIGKILL');
  await cluster?.stop();
  await provider?.stop();
});

test('a shared link to a filtered view survives the OIDC login at the provider\'s own form, and logout in another tab ends this tab\'s live channel', async ({ page }, testInfo) => {
  // Screenshots of two screens in four variants each take most of the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const link = '/pods?context=relayed&namespace=default&labelSelector=run%3Dkubia';
  await expectLoginFor(page, server.url, link);
  const start = page.getByRole('link', { name: 'Log in with Local IdP' });
  await screenshotThemes(page, testInfo, 'oidc-login');

  // The provider's refusal comes back to the login page with its reason, and the shared link is kept.
  await start.click();
  await expect(page.getByRole('heading', { name: 'Sign in to pilothouse' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(`${server.url}/login?next=${encodeURIComponent(link)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'the login at' })).toHaveText('the login at Local IdP failed: access_denied: the user cancelled the sign-in');
  await screenshotThemes(page, testInfo, 'oidc-login-refused');

  // From the keyboard: the link takes Enter.
  await start.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Username' }).fill('viewer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.url}${link}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
  // Exactly the filtered view, listed with the viewer's own rights.
  await new PodsPage(page).expectNames(['kubia-zxzij']);
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');
  await page.locator('summary[aria-label="Account: viewer"]').click();
  await expect(page.getByText('viewer@example.com')).toBeVisible();
  await expect(page.getByText(/pilothouse:viewers/)).toBeVisible();
  await page.locator('summary[aria-label="Account: viewer"]').click();

  // Log out in another tab: the server closes this tab's live channel, and this tab goes to the login page
  // with its own view as the place to come back to.
  const other = await page.context().newPage();
  await other.goto(`${server.url}/namespaces`);
  await other.locator('summary[aria-label="Account: viewer"]').click();
  await other.getByRole('button', { name: 'Log out' }).click();
  await expect(other).toHaveURL(`${server.url}/login`);
  await expect(other.getByRole('link', { name: 'Log in with Local IdP' })).toBeVisible();
  // The cancelled login's reason was for that attempt only.
  await expect(other.getByText('the login at Local IdP failed')).toHaveCount(0);
  await expect(page).toHaveURL(`${server.url}/login?next=${encodeURIComponent(link)}`);
  await other.close();
  await page.goto(`${server.url}${link}`);
  await expect(page).toHaveURL(/\/login\?next=/);
});
