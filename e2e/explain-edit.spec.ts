import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CreatePage } from './pages/create-page';
import { expect, test } from './fixtures/test';

/** `kubectl explain` against the same cluster, through the console's proxy (a kubeconfig with its URL). */
function kubectlExplain(baseURL: string, path: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'pilothouse-explain-'));
  try {
    const kubeconfig = join(dir, 'config');
    const server = `${new URL(baseURL).origin}/api/clusters/embedded/k8s`;
    writeFileSync(kubeconfig, JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'c', cluster: { server } }], users: [{ name: 'u', user: {} }], contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }], 'current-context': 'x' }));
    return execFileSync(process.env.PILOTHOUSE_KUBECTL ?? 'kubectl', ['--kubeconfig', kubeconfig, 'explain', path], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** kubectl's FIELDS: name, type, required and the description with its wrapping undone. */
function kubectlFields(text: string) {
  const fields: { name: string; type: string; required: boolean; description: string }[] = [];
  for (const line of text.slice(text.indexOf('FIELDS:\n') + 8).split('\n')) {
    const head = /^ {2}(\S+)\t<(.+?)>( -required-)?$/.exec(line);
    if (head) fields.push({ name: head[1], type: head[2], required: Boolean(head[3]), description: '' });
    else if (line.startsWith('    ') && fields.length) fields.at(-1)!.description += ` ${line.trim()}`;
  }
  return fields.map((f) => ({ ...f, description: f.description.replace(/\s+/g, ' ').trim() }));
}

test('the explain view of pods.spec lists what kubectl explain pods.spec prints', async ({ page, baseURL }) => {
  const want = kubectlFields(kubectlExplain(baseURL!, 'pods.spec'));
  expect(want.length).toBeGreaterThan(30);
  await page.goto('/explain?context=embedded&path=pods.spec');
  const rows = page.locator('[data-explain-field][data-depth="0"]');
  await expect(rows).toHaveCount(want.length);
  const got = await rows.evaluateAll((els) =>
    els.map((el) => ({
      name: el.getAttribute('data-explain-field'),
      type: el.getAttribute('data-type'),
      required: el.getAttribute('data-required') === 'true',
      description: (el.querySelector(':scope > [data-description]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
  expect(got).toEqual(want);

  // Search reaches into sub-fields; the tree expands to show them.
  await page.getByRole('searchbox', { name: 'Search field names' }).fill('containerport');
  await expect(page.locator('[data-explain-field="containerPort"]').first()).toBeVisible();
  await expect(page.locator('[data-explain-field="dnsPolicy"]')).toHaveCount(0);
  // A field's link is a shareable URL of its own.
  await page.getByRole('link', { name: 'containers', exact: true }).first().click();
  await expect(page).toHaveURL(/path=pods\.spec\.containers/);
});

test('an edit conflict keeps the user\'s text and shows their change against it', async ({ page, api, namespace }) => {
  test.setTimeout(90_000);
  await api.createPods(namespace, [{ name: 'edited' }]);
  await page.goto(`/pods/${namespace}/edited?context=embedded`);
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  const editor = new CreatePage(page);
  await expect(editor.editor()).toContainText('name: edited');
  await expect(editor.editor()).not.toContainText('managedFields');
  await expect(editor.editor()).not.toContainText('phase:');
  await editor.validated();
  const text = await editor.text();
  const mine = text.replace(/^(  name: edited)$/m, '$1\n  labels:\n    mine: "yes"');
  await editor.setText(mine);
  // Meanwhile, someone else labels the pod.
  const pod = await api.pod(namespace, 'edited');
  const response = await page.request.patch(`/api/clusters/embedded/k8s/api/v1/namespaces/${namespace}/pods/edited`, {
    headers: { 'X-Pilothouse-Request': '1', Origin: new URL(page.url()).origin, 'Content-Type': 'application/merge-patch+json' },
    data: { metadata: { labels: { theirs: 'yes' } } },
  });
  expect(response.ok(), pod?.metadata.resourceVersion).toBe(true);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Conflict: ' })).toContainText('the object has been modified; please apply your changes to the latest version and try again');
  const diff = page.getByLabel('Their version against yours');
  await expect(diff).toContainText('- ');
  await expect(diff).toContainText('-     theirs: yes');
  await expect(diff).toContainText('+     mine: "yes"');
  expect(await editor.text()).toBe(mine);

  await page.getByRole('button', { name: 'Use my text on their version' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect.poll(async () => (await api.pod(namespace, 'edited'))?.metadata.labels).toEqual({ mine: 'yes' });
});

test('an immutable pod field gets the server\'s message at its line', async ({ page, api, namespace }) => {
  test.setTimeout(90_000);
  await api.createPods(namespace, [{ name: 'immutable' }]);
  // Opened before the kubelet reports Running, the edit would save over a stale resourceVersion (409, not 422).
  await api.waitRunning(namespace, ['immutable']);
  await page.goto(`/pods/${namespace}/immutable/edit?context=embedded`);
  const editor = new CreatePage(page);
  await editor.validated();
  const text = await editor.text();
  await editor.setText(text.replace(/- containerPort: 8080/, '- containerPort: 9090'));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid: ' })).toContainText('spec: Forbidden: pod updates may not change fields other than');
  const line = (await editor.text()).split('\n').findIndex((l) => /^spec:/.test(l)) + 1;
  await expect(editor.problem(line, /^.*spec: .*pod updates may not change/)).toBeVisible();
});
