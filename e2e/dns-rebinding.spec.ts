import config from '../playwright.config';
import { expect, test } from './fixtures/test';

// A DNS-rebinding page: evil.example first served the attacker's page, then its name was rebound to
// 127.0.0.1, so the page is now same-origin with whatever answers on the console's port. Chromium maps the
// name to 127.0.0.1 for this file, as the rebound DNS would.
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--host-resolver-rules=MAP evil.example 127.0.0.1'] } });

test('a page on a name rebound to 127.0.0.1 gets nothing from the console: pages, API, socket', async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  const rebound = `http://evil.example:${port}`;

  const answer = await page.goto(`${rebound}/pods`);
  expect(answer?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('PILOTHOUSE_PUBLIC_URL');
  await expect(page.getByRole('heading', { name: 'Pods' })).toHaveCount(0);

  // The attacker's script runs on that origin and tries the API and the socket.
  const attempts = await page.evaluate(async () => {
    const contexts = (await fetch('/api/contexts')).status;
    const write = (
      await fetch('/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps', {
        method: 'POST',
        headers: { 'x-pilothouse-request': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ metadata: { name: 'rebound' } }),
      })
    ).status;
    const polling = (await fetch('/socket.io/?EIO=4&transport=polling')).status;
    const websocket = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`ws://${location.host}/socket.io/?EIO=4&transport=websocket`);
      socket.onopen = () => resolve('open');
      socket.onerror = () => resolve('refused');
    });
    return { contexts, write, polling, websocket };
  });
  expect(attempts).toEqual({ contexts: 403, write: 403, polling: 403, websocket: 'refused' });

  // The console's own address still works in the same browser.
  await page.goto('/pods');
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');
  expect((await page.request.get('/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps/rebound')).status()).toBe(404);
});
