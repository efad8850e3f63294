import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/test';
import { PodDetailPage } from './pages/pod-detail-page';
import { Shell } from './pages/shell';

// What a hostile pod or a page on another site can do to the console in a browser.

/** The script a hostile pod serves: if it ran on the console's origin it would create a ConfigMap. */
const attackPage = (namespace: string) =>
  `<!DOCTYPE html><h1>Owned</h1><script>fetch("/api/clusters/embedded/k8s/api/v1/namespaces/${namespace}/configmaps",` +
  `{method:"POST",headers:{"x-pilothouse-request":"1","content-type":"application/json"},body:JSON.stringify({metadata:{name:"pwned"}})})</script>`;

test('a pod that serves a script: the Request tab shows it as text, and opening it downloads it instead of running it', async ({ page, api, namespace }) => {
  await api.apply(
    [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'hostile' },
        spec: {
          terminationGracePeriodSeconds: 1,
          containers: [{ name: 'web', image: 'pilothouse/html', env: [{ name: 'HTML', value: attackPage(namespace) }], ports: [{ containerPort: 8080 }] }],
        },
      },
    ],
    namespace,
  );
  await api.waitRunning(namespace, ['hostile']);
  const proxyUrl = `/api/clusters/embedded/k8s/api/v1/namespaces/${namespace}/pods/hostile:8080/proxy/`;
  const pwned = async () => (await page.request.get(`/api/clusters/embedded/k8s/api/v1/namespaces/${namespace}/configmaps/pwned`)).status();

  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'hostile', 'request');
  await detail.send().click();
  await expect(detail.responseBody()).toContainText('<script>fetch(');
  await expect(detail.panel().getByRole('region', { name: 'Response' })).toContainText('200');
  await expect(page.getByRole('heading', { name: 'Owned' })).toHaveCount(0);

  // A link to the pod's page, followed from the console with the console's own header: the browser saves it.
  await page.setExtraHTTPHeaders({ 'X-Pilothouse-Request': '1' });
  const download = page.waitForEvent('download');
  await page.evaluate((url) => (window.location.href = url), proxyUrl);
  await (await download).cancel();
  await expect(page.getByRole('heading', { level: 1, name: 'hostile' })).toBeVisible();

  // Without the header (a link from anywhere, typed in the address bar) the proxy refuses the GET.
  await page.setExtraHTTPHeaders({});
  const refused = await page.goto(proxyUrl);
  expect(refused?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('"reason":"Forbidden"');
  expect(await pwned()).toBe(404);
});

test('a page on another origin cannot frame the console', async ({ page, baseURL }) => {
  const framing = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><title>framer</title><iframe title="console" src="${baseURL}/pods"></iframe>`);
  });
  await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
  try {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    // localhost and 127.0.0.1 are different origins: the framing page is on another site than the console.
    await page.goto(`http://localhost:${(framing.address() as AddressInfo).port}/`);
    await expect.poll(() => refusals.length, { message: 'Chromium refuses to render the console in the frame' }).toBeGreaterThan(0);
    await expect(page.frameLocator('iframe[title="console"]').getByRole('heading', { name: 'Pods' })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => framing.close(resolve));
  }
});

test('pages run under the Content-Security-Policy without a violation, in dark mode from the first paint', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  // The theme script is inline: it runs only with the page's nonce.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { darkBeforeHydration: boolean }).darkBeforeHydration = document.documentElement.classList.contains('dark');
    });
  });
  const shell = new Shell(page);
  const policy = page.waitForResponse((response) => new URL(response.url()).pathname === '/pods').then((response) => response.headers()['content-security-policy']);
  await shell.open('/pods');
  expect(await policy).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');
  expect(await page.evaluate(() => (window as unknown as { darkBeforeHydration: boolean }).darkBeforeHydration)).toBe(true);
  await shell.go('Nodes');
  await expect(page.getByRole('heading', { level: 1, name: 'Nodes' })).toBeVisible();
  expect(violations).toEqual([]);
});
