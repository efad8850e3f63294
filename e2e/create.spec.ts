import { CreatePage } from './pages/create-page';
import { expect, test } from './fixtures/test';

const k8s = (path: string) => `/api/clusters/embedded/k8s${path}`;

test.describe('the Create page', () => {
  test("the chapter's pod manifests, each from its template, run", async ({ page, api, namespace, request, baseURL }) => {
    test.setTimeout(120_000);
    // The book labels a node gpu=true before creating kubia-gpu.
    const nodes = (await (await request.get(k8s('/api/v1/nodes'))).json()) as { items: { metadata: { name: string } }[] };
    const node = nodes.items.find((n) => !n.metadata.name.includes('control-plane'))!.metadata.name;
    const headers = { 'X-Pilothouse-Request': '1', Origin: new URL(baseURL!).origin, 'Content-Type': 'application/merge-patch+json' };
    const label = (value: string | null) => request.patch(k8s(`/api/v1/nodes/${node}`), { headers, data: { metadata: { labels: { gpu: value } } } });
    expect((await label('true')).ok()).toBe(true);
    try {
      const create = new CreatePage(page);
      await create.open();
      for (const [template, pod] of [['kubia-manual', 'kubia-manual'], ['kubia-manual-with-labels', 'kubia-manual-v2'], ['kubia-gpu', 'kubia-gpu']]) {
        await create.template(template);
        await create.namespace().fill(namespace);
        await create.validated();
        await expect(create.problems().getByRole('button')).toHaveCount(0);
        await create.create();
        await expect(create.results().getByRole('status')).toHaveText('Created.');
        await expect(create.results().getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl create -f manifest.yaml -n ${namespace}`);
        await expect(create.results().getByRole('link', { name: `Pod ${pod} in ${namespace}` })).toHaveAttribute('href', `/pods/${namespace}/${pod}?context=embedded`);
      }
      await api.waitRunning(namespace, ['kubia-manual', 'kubia-manual-v2', 'kubia-gpu']);
      expect((await api.pod(namespace, 'kubia-manual-v2'))?.metadata.labels).toEqual({ creation_method: 'manual', env: 'prod' });
    } finally {
      await label(null);
    }
  });

  test('custom-namespace from its template is Active, and -n custom-namespace puts a pod in it', async ({ page, api, request }) => {
    test.setTimeout(90_000);
    const create = new CreatePage(page);
    await create.open('&template=custom-namespace');
    try {
      await create.validated();
      await create.create();
      await expect(create.results().getByRole('status')).toHaveText('Created.');
      await expect.poll(async () => (await (await request.get(k8s('/api/v1/namespaces/custom-namespace'))).json()).status?.phase).toBe('Active');
      await create.template('kubia-manual');
      await create.namespace().fill('custom-namespace');
      await create.create();
      await expect(create.results().getByRole('link', { name: 'Pod kubia-manual in custom-namespace' })).toBeVisible();
      await api.waitRunning('custom-namespace', ['kubia-manual']);
    } finally {
      await api.deleteNamespace('custom-namespace');
    }
  });

  test('an unknown field is marked at its line before any request; bypassed, the server\'s Strict error lands on the same line', async ({ page, namespace }) => {
    const create = new CreatePage(page);
    await create.open();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/manifests')) posts.push(r.url());
    });
    await create.setText(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: strict\n  namespace: ${namespace}\nspec:\n  foo: 1\n  containers:\n  - name: main\n    image: luksa/kubia\n`);
    await create.validated();
    await expect(create.problem(7, 'unknown field "spec.foo"')).toBeVisible();
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
    await create.editor().press('ControlOrMeta+Enter');
    expect(posts).toEqual([]);

    await page.getByRole('checkbox', { name: /Send despite problems/ }).check();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect(create.results().getByRole('status')).toHaveText('Dry run failed: nothing was created.');
    expect(posts).toHaveLength(1);
    await expect(create.problem(7, /spec\.foo: .*strict decoding error: unknown field "spec\.foo"/)).toBeVisible();
    // A click on a problem puts the cursor on its line.
    await create.problem(7, 'strict decoding error').click();
    await expect(page.locator('.cm-activeLine')).toHaveText('  foo: 1');
  });

  test('a missing container image is marked', async ({ page }) => {
    const create = new CreatePage(page);
    await create.open();
    await create.setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: no-image\nspec:\n  containers:\n  - name: main\n');
    await create.validated();
    await expect(create.problem(7, 'spec.containers[0].image: Required value')).toBeVisible();
  });

  test('completion offers nodeSelector under spec, and hover on containers shows kubectl explain', async ({ page }) => {
    const create = new CreatePage(page);
    await create.open();
    await create.setText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: main\n    image: luksa/kubia\n  ');
    await create.validated();
    await page.keyboard.type('nodeS');
    const option = page.getByRole('option', { name: /nodeSelector/ });
    await expect(option).toBeVisible();
    await expect(option).toContainText('map[string]string');
    // CodeMirror ignores Enter for `interactionDelay` (75 ms) after the list opens, so a keystroke right after
    // it appears is not taken for a choice; a person never presses that fast, a test on a fast path can.
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await expect.poll(() => create.text()).toContain('  nodeSelector: ');

    await page.locator('.cm-line', { hasText: 'containers:' }).getByText('containers').hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('FIELD: containers <[]Container>');
    await expect(tooltip).toContainText('List of containers belonging to the pod.');
  });

  test('a Namespace and a Pod in it, in one manifest, are both created', async ({ page, api }) => {
    test.setTimeout(90_000);
    const ns = `e2e-ns-and-pod-${Date.now().toString(36)}`;
    const create = new CreatePage(page);
    await create.open();
    try {
      await create.setText(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\n  namespace: ${ns}\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n`);
      await create.validated();
      await page.getByRole('button', { name: 'Dry run' }).click();
      await expect(create.results().getByRole('status')).toHaveText('Dry run passed: nothing was created.');
      await create.create();
      await expect(create.results().getByRole('status')).toHaveText('Created.');
      await expect(create.results().getByRole('link', { name: `Pod kubia in ${ns}` })).toBeVisible();
      await api.waitRunning(ns, ['kubia']);
    } finally {
      await api.deleteNamespace(ns);
    }
  });

  test('the draft survives a reload and can be discarded', async ({ page }) => {
    const create = new CreatePage(page);
    await create.open();
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-draft\ndata:\n  typed: by hand\n';
    await create.setText(text);
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('pilothouse.draft.create:embedded'))).toContain('typed: by hand');
    await page.reload();
    await expect(page.getByText('Draft restored.')).toBeVisible();
    expect(await create.text()).toBe(text);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => create.text()).toContain('kubia-manual');
    await page.reload();
    await expect(page.getByText('Draft restored.')).toHaveCount(0);
  });
});
