import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures/test';
import { CreatePage } from './pages/create-page';
import { PodDetailPage } from './pages/pod-detail-page';

interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

/**
 * The YAML and JSON tabs show, copy and download the pod with `apiVersion: v1` and `kind: Pod` first, as
 * `kubectl get pod -o yaml` prints it, whichever way the console heard of the pod.
 */
async function expectTypedManifests(detail: PodDetailPage, namespace: string, name: string) {
  const page = detail.page;
  for (const format of ['YAML', 'JSON'] as const) {
    await detail.select(format);
    const region = detail.manifest(name, format);
    await expect(region).toContainText(format === 'YAML' ? 'kind: Pod' : '"kind": "Pod"');
    await expect(region).toContainText(format === 'YAML' ? 'apiVersion: v1' : '"apiVersion": "v1"');

    const [download] = await Promise.all([page.waitForEvent('download'), detail.panel().getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(`${name}.${format.toLowerCase()}`);
    const parse = (text: string) => (format === 'YAML' ? parseYaml(text) : JSON.parse(text)) as Manifest;
    const expectTyped = (manifest: Manifest) => {
      expect([manifest.apiVersion, manifest.kind, manifest.metadata?.name, manifest.metadata?.namespace]).toEqual(['v1', 'Pod', name, namespace]);
      // First, as kubectl prints them, so the top of the file says what it is.
      expect(Object.keys(manifest).slice(0, 2)).toEqual(['apiVersion', 'kind']);
    };
    expectTyped(parse(await readFile(await download.path(), 'utf8')));

    // Not compared with the download byte for byte: the pod's status may have moved on in between.
    await detail.copyManifest().click();
    expectTyped(parse(await page.evaluate(() => navigator.clipboard.readText())));
  }
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
});

test('a pod that came in the initial list is shown, copied and downloaded with its apiVersion and kind', async ({ page, api, namespace }) => {
  // The demo seed's kubia-zxzij was there before the page opened: the console learns of it from a list,
  // whose items carry no apiVersion or kind.
  const detail = new PodDetailPage(page);
  await detail.open('default', 'kubia-zxzij', 'yaml');
  await expectTypedManifests(detail, 'default', 'kubia-zxzij');

  await api.createPods(namespace, [{ name: 'kubia-listed' }]);
  await detail.open(namespace, 'kubia-listed', 'json');
  await expectTypedManifests(detail, namespace, 'kubia-listed');
});

test('a pod created after the page opened (heard of by watch) is shown the same way', async ({ page, api, namespace }) => {
  const detail = new PodDetailPage(page);
  await page.goto(`/pods/${namespace}/kubia-later?tab=yaml`);
  await expect(page.getByText('Pod not found')).toBeVisible();
  await api.createPods(namespace, [{ name: 'kubia-later' }]);
  await expect(detail.manifest('kubia-later', 'YAML')).toBeVisible();
  await expectTypedManifests(detail, namespace, 'kubia-later');
});

test('Edit YAML starts from the pod with its apiVersion and kind', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-edit' }]);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-edit', 'yaml');
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  const editor = new CreatePage(page);
  await expect(editor.editor()).toContainText('name: kubia-edit');
  expect((await editor.text()).startsWith('apiVersion: v1\nkind: Pod\n')).toBe(true);
});
