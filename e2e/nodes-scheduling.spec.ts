import { expect, test } from './fixtures/test';
import { DEMO_NODES, NodesApi } from './fixtures/nodes-api';
import { screenshotThemes } from './fixtures/screenshots';
import { MetadataDialog } from './pages/pods-dialogs';
import { chooseRowAction, openRowActions } from './pages/row-actions';
import { SchedulingPage } from './pages/scheduling-page';

const [GPU_NODE, OTHER_NODE] = DEMO_NODES;
const NOT_MATCHING = "node(s) didn't match Pod's node affinity/selector";

/** What the tests below may leave on the demo nodes (cordon is always undone too). */
const LEFTOVERS = { labels: ['gpu', 'e2e-tier'], taintKeys: ['e2e-dedicated'] };

const kubiaGpu = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-gpu' }, spec: { nodeSelector: { gpu: 'true' }, terminationGracePeriodSeconds: 1, containers: [{ image: 'luksa/kubia', name: 'kubia' }] } };

test.describe('nodes and the scheduling preview', () => {
  // Each test waits on the cluster (events, scheduling, the kubelet) on a machine that may be busy.
  test.describe.configure({ timeout: 90_000 });
  let nodesApi: NodesApi;
  test.beforeEach(async ({ request, baseURL }) => {
    nodesApi = new NodesApi(request, new URL(baseURL!).origin);
    await nodesApi.restore(LEFTOVERS);
  });
  // The nodes are the whole suite's: whatever a test did to them is undone, even when it failed or timed out.
  test.afterEach(async () => {
    await nodesApi.restore(LEFTOVERS);
  });

  test("the chapter's story: kubia-gpu waits, the preview says why, a what-if label fixes it, applying it schedules the pod", async ({ page, api, namespace }, testInfo) => {
    for (const name of DEMO_NODES) expect((await nodesApi.node(name)).metadata?.labels?.gpu).toBeUndefined();
    await api.apply([kubiaGpu], namespace);
    const preview = new SchedulingPage(page);

    await test.step('the pod shows Pending, and its page links to the preview', async () => {
      await page.goto(`/pods?namespace=${namespace}`);
      const row = page.getByRole('table', { name: 'Pods' }).getByRole('row').filter({ hasText: 'kubia-gpu' });
      await expect(row.getByText('Pending', { exact: true })).toBeVisible();
      await expect(row.getByRole('link', { name: 'Why pending? kubia-gpu' })).toBeVisible();
      await row.getByRole('link', { name: 'kubia-gpu', exact: true }).click();
      await page.getByRole('link', { name: 'Why pending?' }).click();
      await expect(page).toHaveURL(new RegExp(`/scheduling\\?.*pod=${namespace}%2Fkubia-gpu`));
      // The picker offers pending pods first, and typing narrows it (a large cluster has too many for one list).
      await page.getByRole('searchbox', { name: 'Find a pod' }).fill(`${namespace}/kubia`);
      await expect(page.getByRole('combobox', { name: 'Pod' }).getByRole('option')).toHaveText(['Choose a pod (pending ones first)', `${namespace}/kubia-gpu (Pending)`]);
      await expect(page.getByRole('combobox', { name: 'Pod' })).toHaveValue(`${namespace}/kubia-gpu`);
    });

    await test.step('every node fails the node selector, and the summary is the cluster\'s own FailedScheduling message', async () => {
      for (const name of DEMO_NODES) await expect.poll(() => preview.verdictOf(name)).toBe(`Rejected | NodeAffinity | ${NOT_MATCHING}`);
      const expected = `0/3 nodes are available: 3 ${NOT_MATCHING}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..`;
      await expect(preview.predicted()).toHaveText(expected);
      await expect.poll(() => nodesApi.failedScheduling(namespace, 'kubia-gpu'), { timeout: 15_000 }).toBe(expected);
      await expect(preview.clusterMessage()).toHaveText(expected);
      await expect(page.getByText('The prediction agrees with it, word for word.')).toBeVisible();
      await expect(page.getByText(/^Models kube-scheduler 1\.32's default profile/)).toBeVisible();
    });

    await test.step('what-if: gpu=true on one node makes it fit, in memory only', async () => {
      await preview.whatIf(GPU_NODE, 'gpu=true');
      await expect(preview.outcome()).toContainText(`With gpu=true on ${GPU_NODE}, kubia-gpu would fit there and the scheduler would pick ${GPU_NODE}.`);
      await expect.poll(() => preview.verdictOf(GPU_NODE)).toBe('Fits |  |');
      await expect(page.getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl label node ${GPU_NODE} gpu=true`);
      expect((await nodesApi.node(GPU_NODE)).metadata?.labels?.gpu).toBeUndefined();
      await expect(page).toHaveURL(/change=gpu%3Dtrue/);
      await screenshotThemes(page, testInfo, 'scheduling-what-if');
    });

    await test.step('applying labels the node, and the pod is scheduled there and starts, live', async () => {
      await page.getByRole('button', { name: `Apply to ${GPU_NODE}` }).click();
      await expect.poll(async () => (await nodesApi.node(GPU_NODE)).metadata?.labels?.gpu).toBe('true');
      await expect(preview.podStatus()).toContainText(`Running`, { timeout: 20_000 });
      await expect(preview.podStatus()).toContainText(`on ${GPU_NODE}`);
      expect((await api.pod(namespace, 'kubia-gpu'))?.status?.phase).toBe('Running');
    });

    await test.step('the label shows in the nodes list, and -l gpu=true filters to that node', async () => {
      await page.goto('/nodes?labelSelector=gpu%3Dtrue&labelColumns=gpu');
      const table = page.getByRole('table', { name: 'Nodes' });
      await expect(table.getByRole('link')).toHaveText([GPU_NODE]);
      await expect(page.locator('main').getByLabel('kubectl equivalent', { exact: true })).toHaveText('kubectl get nodes -l gpu=true -L gpu');
      await expect(table.getByRole('row').filter({ hasText: GPU_NODE }).getByRole('button', { name: 'Filter by label gpu=true' })).toBeVisible();
    });
  });

  test('labels on a node: overwrite is refused without the explicit choice', async ({ page }) => {
    await nodesApi.patch(OTHER_NODE, { metadata: { labels: { 'e2e-tier': 'a' } } });
    await page.goto('/nodes?showLabels=1');
    await chooseRowAction(page, OTHER_NODE, 'Edit labels…');
    const dialog = new MetadataDialog(page, `Edit labels of ${OTHER_NODE}`);
    await dialog.set({ 'e2e-tier': 'b' });
    await expect(dialog.problems()).toHaveText("'e2e-tier' already has a value (a), and --overwrite is false");
    await expect(dialog.apply()).toBeDisabled();
    await dialog.overwrite().check();
    await expect(dialog.command()).toContainText(`kubectl label node ${OTHER_NODE} e2e-tier=b --overwrite`);
    await dialog.applyAndClose();
    await expect.poll(async () => (await nodesApi.node(OTHER_NODE)).metadata?.labels?.['e2e-tier']).toBe('b');
    await expect(page.getByRole('button', { name: 'Filter by label e2e-tier=b' })).toBeVisible();

    // The selection is in the link: two nodes selected, the page reloaded, both labelled at once.
    await page.getByRole('checkbox', { name: `Select ${OTHER_NODE}` }).check();
    await page.getByRole('checkbox', { name: `Select ${GPU_NODE}` }).check();
    await expect(page).toHaveURL(/selected=/);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: `Select ${GPU_NODE}` })).toBeChecked();
    await expect(page.getByText('2 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Label selected' }).click();
    const both = new MetadataDialog(page, 'Edit labels of 2 nodes');
    await both.set({ 'e2e-tier': 'c' });
    await both.overwrite().check();
    await expect(both.command()).toHaveText(`kubectl label node ${GPU_NODE} ${OTHER_NODE} e2e-tier=c --overwrite`);
    await both.applyAndClose();
    for (const name of [GPU_NODE, OTHER_NODE]) await expect.poll(async () => (await nodesApi.node(name)).metadata?.labels?.['e2e-tier']).toBe('c');
  });

  test('a taint makes the preview name it, and a toleration in the quick form clears it', async ({ page }) => {
    await page.goto('/nodes');
    await chooseRowAction(page, GPU_NODE, 'Edit taints…');
    const dialog = page.getByRole('dialog', { name: `Taints of ${GPU_NODE}` });
    await dialog.getByRole('textbox', { name: 'Taint key' }).fill('e2e-dedicated');
    await dialog.getByRole('textbox', { name: 'Taint value' }).fill('gpu');
    await dialog.getByRole('combobox', { name: 'Effect' }).selectOption('NoExecute');
    await expect(dialog.getByRole('note')).toContainText('NoExecute evicts the pods already running');
    await dialog.getByRole('combobox', { name: 'Effect' }).selectOption('NoSchedule');
    await expect(dialog.getByRole('note')).toBeHidden();
    await expect(dialog.getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl taint nodes ${GPU_NODE} e2e-dedicated=gpu:NoSchedule`);
    await dialog.getByRole('button', { name: 'Add taint' }).click();
    await expect(dialog.getByRole('button', { name: 'Remove taint e2e-dedicated=gpu:NoSchedule' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('table', { name: 'Nodes' }).getByRole('row').filter({ hasText: GPU_NODE })).toContainText('e2e-dedicated=gpu:NoSchedule');

    const preview = new SchedulingPage(page);
    await preview.open({ input: 'form' });
    await expect.poll(() => preview.verdictOf(GPU_NODE)).toBe('Rejected | TaintToleration | node(s) had untolerated taint {e2e-dedicated: gpu}');
    await page.getByRole('button', { name: '+ Toleration' }).click();
    await page.getByRole('textbox', { name: 'Toleration key 1' }).fill('e2e-dedicated');
    await page.getByRole('textbox', { name: 'Toleration value 1' }).fill('gpu');
    await page.getByRole('combobox', { name: 'Toleration effect 1' }).selectOption('NoSchedule');
    await expect.poll(() => preview.verdictOf(GPU_NODE)).toBe('Fits |  |');
    // The form is in the URL: the link shows the same preview.
    await page.reload();
    await expect.poll(() => preview.verdictOf(GPU_NODE)).toBe('Fits |  |');
  });

  test('cordon shows SchedulingDisabled and the preview says unschedulable', async ({ page }) => {
    await page.goto('/nodes');
    await chooseRowAction(page, OTHER_NODE, 'Cordon…');
    const dialog = page.getByRole('dialog', { name: `Cordon ${OTHER_NODE}` });
    await expect(dialog.getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl cordon ${OTHER_NODE}`);
    await dialog.getByRole('button', { name: 'Cordon', exact: true }).click();
    const row = page.getByRole('table', { name: 'Nodes' }).getByRole('row').filter({ hasText: OTHER_NODE });
    await expect(row.getByText('Ready,SchedulingDisabled')).toBeVisible();
    const menu = await openRowActions(page, OTHER_NODE);
    await expect(menu.getByRole('menuitem', { name: 'Uncordon…', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    const preview = new SchedulingPage(page);
    await preview.open({ input: 'form' });
    await expect.poll(() => preview.verdictOf(OTHER_NODE)).toBe('Rejected | NodeUnschedulable | node(s) were unschedulable');
  });

  test('a request larger than any node has free names Insufficient cpu', async ({ page }) => {
    const preview = new SchedulingPage(page);
    await preview.open({ input: 'form' });
    await page.getByRole('textbox', { name: 'CPU request' }).fill('3');
    for (const name of DEMO_NODES) await expect.poll(() => preview.verdictOf(name)).toBe('Rejected | NodeResourcesFit | Insufficient cpu');
    await expect(preview.predicted()).toContainText('0/3 nodes are available: 3 Insufficient cpu.');
  });

  test("the node page's allocated resources match the pods on it", async ({ page, api, namespace }) => {
    await api.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sized' }, spec: { nodeSelector: { 'kubernetes.io/hostname': OTHER_NODE }, terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'luksa/kubia', resources: { requests: { cpu: '300m', memory: '64Mi' }, limits: { cpu: '600m', memory: '128Mi' } } }] } }], namespace);
    await api.waitRunning(namespace, ['sized']);
    await page.goto(`/nodes/${OTHER_NODE}`);
    const pods = page.getByRole('table', { name: 'Non-terminated Pods' });
    await expect(pods.getByRole('row').filter({ hasText: 'sized' })).toContainText('300m (15%)600m (31%)64Mi (2%)128Mi (4%)');
    const onNode = await nodesApi.podsOn(OTHER_NODE);
    const milli = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);
    const cpu = onNode.reduce((sum, p) => sum + (p.spec?.containers ?? []).reduce((s, c) => s + milli(c.resources?.requests?.cpu ?? '0'), 0), 0);
    await expect(pods.getByRole('row')).toHaveCount(onNode.length + 1);
    const allocated = page.getByRole('table', { name: 'Allocated resources' });
    await expect(allocated.getByRole('row').filter({ hasText: /^cpu/ }).getByRole('cell').nth(1)).toHaveText(new RegExp(`^${cpu % 1000 === 0 ? cpu / 1000 : `${cpu}m`} \\(${Math.trunc((cpu / 1930) * 100)}%\\)$`));
  });

  test('with a preferred node affinity, the pod lands on the node the preview ranked first', async ({ page, api, namespace }, testInfo) => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'prefers', namespace },
      spec: {
        terminationGracePeriodSeconds: 1,
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [OTHER_NODE] }] } }] } },
        containers: [{ name: 'c', image: 'luksa/kubia' }],
      },
    };
    const preview = new SchedulingPage(page);
    await preview.open();
    await page.getByRole('radio', { name: 'Pasted manifest' }).check();
    await page.getByRole('textbox', { name: 'Manifest' }).fill(JSON.stringify(manifest, null, 2));
    await expect(page.getByText('Previewing Pod prefers.')).toBeVisible();
    await expect(preview.verdict()).toContainText(`The scheduler would bind prefers to ${OTHER_NODE}.`);
    await expect(preview.verdict()).not.toContainText('Tied');
    await expect(preview.row(OTHER_NODE).getByRole('cell').nth(3)).toHaveText('1');
    await screenshotThemes(page, testInfo, 'scheduling-ranked');
    await api.apply([manifest], namespace);
    await expect.poll(async () => ((await api.pod(namespace, 'prefers')) as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName, { timeout: 15_000 }).toBe(OTHER_NODE);
  });
});
