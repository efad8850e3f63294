import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { WHOAMI_PATH } from '@/lib/contract/auth';
import { startConsole, type ConsoleProcess } from '../server/testing/console-process';
import { podManifest, startTestCluster, type TestCluster } from '../server/watch-hub/test-cluster';
import { RoundRobinRelay } from './fixtures/round-robin-relay';
import { teamConsoleEnv } from './fixtures/team-console';
import { PodsPage } from './pages/pods-page';

// Two console processes behind a round-robin relay, as two replicas behind a load balancer without sticky
// sessions: the same session secret, the same cluster, nothing shared in memory.
let cluster: TestCluster;
let replicas: ConsoleProcess[] = [];
const relay = new RoundRobinRelay();

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  await relay.start();
  const env = {
    // One session secret for both: a session sealed by either is valid on the other.
    ...teamConsoleEnv(cluster, 'token', 'two-replicas'),
    // The address users open is the balancer's.
    PILOTHOUSE_PUBLIC_URL: `http://127.0.0.1:${relay.port}`,
  };
  replicas = await Promise.all([startConsole(env), startConsole(env)]);
  relay.setBackends(replicas.map((replica) => Number(new URL(replica.url).port)));
});

test.afterAll(async () => {
  await relay.stop();
  await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
  await cluster?.stop();
});

const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live connection' });
/** The backend that got the last request for `path` (a prefix). */
const servedBy = (method: string, path: string) => relay.requests.findLast((r) => r.method === method && r.path.startsWith(path))?.backend;
/** One request from someone else, on a connection of its own. */
const anotherClient = () =>
  new Promise<void>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: relay.port, path: '/healthz', agent: false }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
/** Whether one load in `served` was on replica `from` and the next on `to`. */
const moved = (served: (number | undefined)[], from: number, to: number) => served.some((backend, i) => backend === from && served[i + 1] === to);

test('one user across two replicas without sticky sessions: login, live list, a label change, reloads on the other replica; logout closes the channel of every tab', async ({ page }) => {
  test.setTimeout(120_000);
  const base = `http://127.0.0.1:${relay.port}`;
  const pods = new PodsPage(page);
  const list = `/pods?${PodsPage.search('default', { showLabels: true })}`;

  await page.goto(`${base}${list}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole('textbox', { name: 'Bearer token' }).fill(cluster.cluster.tokens.admin);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${base}${list}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
  await expect(liveStatus(page)).toHaveText('Live');

  await test.step('live updates arrive: a pod created in the cluster shows up', async () => {
    await cluster.api('POST', '/api/v1/namespaces/default/pods', podManifest('replica-live', { app: 'demo' }));
    await expect(pods.row('replica-live')).toBeVisible();
  });

  await test.step('a label change works, and comes back through the live list', async () => {
    const dialog = await pods.editLabels('replica-live');
    await dialog.set({ tier: 'web' });
    await dialog.applyAndClose();
    await expect((await pods.cell('replica-live', 'Labels')).getByRole('button')).toHaveText(['app=demo', 'tier=web']);
    const pod = await cluster.api<{ metadata: { labels: Record<string, string> } }>('GET', '/api/v1/namespaces/default/pods/replica-live');
    expect(pod.metadata.labels).toEqual({ app: 'demo', tier: 'web' });
  });

  await test.step('reloads land on the other replica and stay logged in, with a live channel', async () => {
    // Each reload on fresh connections (the balancer's idle timeout closed the old ones) takes the next turns
    // of the rotation; which replica gets the page depends on how many connections the browser opens, so
    // reload until the page has moved from one replica to the other and back. When a browser's loads open an
    // even number of connections, each would land where the last did; another client's request in between
    // moves the rotation on, as other users of a shared balancer do.
    const served = [servedBy('GET', '/pods?')];
    for (let i = 0; i < 10 && !(moved(served, 0, 1) && moved(served, 1, 0)); i++) {
      if (served.length > 1 && served.at(-1) === served.at(-2)) await anotherClient();
      relay.dropConnections();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
      await expect(pods.row('replica-live')).toBeVisible();
      await expect(liveStatus(page)).toHaveText('Live');
      served.push(servedBy('GET', '/pods?'));
    }
    console.log(`page loads by replica, in order: ${served.join(' ')}; relay connections ${relay.connections.join(' / ')}, WebSocket upgrades ${relay.upgrades.join(' / ')}`);
    expect(moved(served, 0, 1) && moved(served, 1, 0), `the page moved between the replicas both ways: ${served.join(' ')}`).toBe(true);
    // Both replicas held the page's socket too, always a WebSocket: no long-polling request went out.
    expect(relay.upgrades.every((count) => count >= 1), `WebSocket upgrades ${relay.upgrades.join(' / ')}`).toBe(true);
    expect(relay.requests.filter((r) => r.path.startsWith('/socket.io/'))).toEqual([]);
  });

  await test.step('logout on one replica: every tab of the browser closes its live channel, wherever it is held; a copied cookie still opens the other replica', async () => {
    const cookie = (await page.context().cookies(base)).find((c) => c.name === 'pilothouse_session');
    expect(cookie).toBeDefined();
    // A second tab, its socket on replica `held`.
    const openBefore = [...relay.openUpgrades];
    const other = await page.context().newPage();
    await other.goto(`${base}${list}`);
    await expect(liveStatus(other)).toHaveText('Live');
    const held = relay.openUpgrades.findIndex((count, backend) => count > openBefore[backend]);
    expect(held).toBeGreaterThanOrEqual(0);
    // The logout goes to the other replica, which cannot close that socket: the page's HTTP connections are
    // dropped and new ones pinned there until the logout is done.
    relay.dropConnections({ keepWebSockets: true });
    relay.pinHttpTo(1 - held);
    await page.locator('summary[aria-label="Account: admin"]').click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(`${base}/login`);
    relay.pinHttpTo(undefined);
    const loggedOutOn = servedBy('POST', '/api/auth/logout');
    expect(loggedOutOn, `the logout went to the replica that does not hold the second tab's socket (${held})`).toBe(1 - held);
    // The second tab heard of it from this one, and left for the login page: no socket is left on either replica.
    await expect(other).toHaveURL(`${base}/login?next=${encodeURIComponent(list)}`);
    await expect.poll(() => relay.openUpgrades.reduce((a, b) => a + b, 0)).toBe(0);

    // Revocation is per replica: the one that answered the logout refuses the cookie, the other does not.
    const whoami = async (replica: ConsoleProcess) => (await fetch(`${replica.url}${WHOAMI_PATH}`, { headers: { cookie: `pilothouse_session=${cookie!.value}` } })).status;
    expect(await whoami(replicas[loggedOutOn!])).toBe(401);
    expect(await whoami(replicas[1 - loggedOutOn!])).toBe(200);
  });
});
