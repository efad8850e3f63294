import type { WebSocket } from '@playwright/test';
import { translateTimestampSince } from '../lib/k8s/duration';
import { podListRow, type PodListRow } from '../lib/k8s/pod-list-row';
import { podStatusDetailText } from '../lib/k8s/pod-status-detail';
import { podRestartCases, podStatusCases } from '../lib/k8s/testing/pod-status-cases';
import type { Pod } from '../lib/k8s/types';
import { expect, test } from './fixtures/test';
import type { ClusterApi } from './fixtures/cluster-api';
import { PodsPage } from './pages/pods-page';

// The Pods page gets rows from the BFF, not pods: these tests hold it to what the rows used to be, the
// lib/k8s row function applied to the object, for every rule of STATUS, READY and RESTARTS.

const HOLD = 'e2e.pilothouse.dev/hold';

/**
 * The pods of lib/k8s/pod-status.test.ts, as the embedded cluster can hold them: their containers in the
 * spec, their status written through the status subresource (a node selector nothing matches keeps the
 * scheduler and the kubelets away from them), and a delete held back by a finalizer where the case is a
 * pod being deleted. The "empty object" case has no containers, which the API refuses, so it is left out.
 */
const cases = [...podStatusCases, ...podRestartCases]
  .filter((c) => (c.pod.spec?.containers ?? []).length > 0)
  .map((c, index) => ({ ...c, podName: `status-${String(index).padStart(2, '0')}` }));

async function createCasePods(api: ClusterApi, namespace: string): Promise<void> {
  await api.apply(
    cases.map(({ pod, podName }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: podName, labels: { case: podName }, ...(pod.metadata?.deletionTimestamp ? { finalizers: [HOLD] } : {}) },
      spec: {
        terminationGracePeriodSeconds: 0,
        nodeSelector: { 'e2e-no-such-node': 'true' },
        containers: (pod.spec?.containers ?? []).map((c) => ({ name: c.name, image: 'luksa/kubia' })),
        ...(pod.spec?.initContainers?.length ? { initContainers: pod.spec.initContainers.map((c) => ({ ...c, image: 'luksa/kubia' })) } : {}),
      },
    })),
    namespace,
  );
  for (const [index, { pod, podName }] of cases.entries()) {
    await api.replacePodStatus(namespace, podName, { ...pod.status, podIP: `10.99.0.${index + 1}` });
    if (pod.metadata?.deletionTimestamp) await api.deletePod(namespace, podName);
  }
}

/** The object as the API server has it now, through the console's proxy. */
async function apiPod(api: ClusterApi, namespace: string, name: string): Promise<Pod> {
  return (await api.pod(namespace, name)) as unknown as Pod;
}

test.describe.configure({ timeout: 120_000 });

test('for every status rule, the row on the Pods page is what podListRow makes of the API object', async ({ page, api, namespace }) => {
  // Tall enough that every case's row is rendered at once (the table renders only the rows in view).
  await page.setViewportSize({ width: 1600, height: 3200 });
  try {
    await createCasePods(api, namespace);
    const pods = new PodsPage(page);
    await pods.open(namespace);
    await expect(pods.count()).toHaveText(`${cases.length} of ${cases.length}`);
    const compared: string[] = [];
    for (const c of cases) {
      const cells = async () => {
        const text = async (column: string) => ((await (await pods.cell(c.podName, column)).textContent()) ?? '').trim();
        const status = await pods.cell(c.podName, 'Status');
        return {
          ready: await text('Ready'),
          status: ((await status.textContent()) ?? '').trim(),
          detail: (await status.locator('p').count()) ? ((await status.locator('p').textContent()) ?? '').trim() : undefined,
          whyPending: await status.getByRole('link', { name: `Why pending? ${c.podName}` }).count(),
          restarts: await text('Restarts'),
          age: await text('Age'),
          node: await text('Node'),
          ip: await text('IP'),
        };
      };
      const expected = (object: Pod, now: Date) => {
        const r: PodListRow = podListRow(object);
        const detail = r.statusDetail ? podStatusDetailText(r.statusDetail) : undefined;
        return {
          ready: r.ready,
          // The badge, the preview's link for a pod not yet placed, and the reason under them.
          status: `${r.status}${r.unscheduled ? 'Why pending?' : ''}${detail ?? ''}`,
          detail,
          whyPending: r.unscheduled ? 1 : 0,
          restarts: r.restarts === 0 || !r.lastRestart ? String(r.restarts) : `${r.restarts} (${translateTimestampSince(r.lastRestart, now)} ago)`,
          age: translateTimestampSince(r.created, now),
          node: r.node || '<none>',
          ip: r.ip || '<none>',
        };
      };
      // Polled: the page follows the object (the scheduler may still write its condition), and AGE ticks.
      await expect
        .poll(async () => {
          const object = await apiPod(api, namespace, c.podName);
          const shown = await cells();
          const now = new Date();
          const want = expected(object, now);
          // AGE is a clock reading: the second it was read in, or the one before.
          if (shown.age === translateTimestampSince(object.metadata?.creationTimestamp, new Date(now.getTime() - 1000))) want.age = shown.age;
          return JSON.stringify(shown) === JSON.stringify(want) ? 'same' : JSON.stringify({ shown, want });
        }, { message: `${c.name} (${c.podName})`, timeout: 15_000 })
        .toBe('same');
      // The case's own expectation holds on the page too: the cluster kept the status it was given.
      if ('status' in c) {
        await expect(await pods.cell(c.podName, 'Status')).toHaveText(new RegExp(`^${c.status.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        await expect(await pods.cell(c.podName, 'Ready')).toHaveText(c.ready);
      }
      compared.push(c.podName);
    }
    expect(compared).toHaveLength(cases.length);
  } finally {
    for (const { pod, podName } of cases) if (pod.metadata?.deletionTimestamp) await api.patchPod(namespace, podName, { metadata: { finalizers: null } }).catch(() => undefined);
  }
});

/** The payloads of the socket's `watch:*` messages the page received (socket.io text frames `42[...]`). */
function watchMessages(frames: string[]): { event: string; payload: { events?: { type: string; object: Record<string, unknown> }[]; items?: Record<string, unknown>[] } }[] {
  return frames
    .filter((f) => f.startsWith('42'))
    .map((f) => JSON.parse(f.slice(2)) as [string, never])
    .filter(([event]) => event.startsWith('watch:'))
    .map(([event, payload]) => ({ event, payload }));
}

test('a pod created, relabelled and deleted outside the browser changes its row, and the socket carries rows', async ({ page, api, namespace }) => {
  const frames: string[] = [];
  page.on('websocket', (ws: WebSocket) => ws.on('framereceived', ({ payload }) => typeof payload === 'string' && frames.push(payload)));
  await api.createPods(namespace, [{ name: 'kubia-a', labels: { app: 'kubia' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace, { labelColumns: 'tier' });
  await pods.expectNames(['kubia-a']);

  await api.createPods(namespace, [{ name: 'kubia-b', labels: { app: 'kubia' } }]);
  await pods.expectNames(['kubia-a', 'kubia-b']);
  await expect(await pods.cell('kubia-b', 'Status')).toHaveText('Running');

  await api.patchPod(namespace, 'kubia-b', { metadata: { labels: { tier: 'front' } } });
  await expect(await pods.cell('kubia-b', 'tier')).toHaveText('front');
  await expect(await pods.cell('kubia-a', 'tier')).toHaveText('<none>');

  await api.deletePod(namespace, 'kubia-b');
  await pods.expectNames(['kubia-a']);

  // What came over the socket for this list were rows: no pod's spec or status, the row's fields instead.
  const messages = watchMessages(frames);
  const objects = messages.flatMap((m) => [...(m.payload.items ?? []), ...(m.payload.events ?? []).map((e) => e.object)]);
  const ours = objects.filter((o) => o.namespace === namespace);
  expect(ours.some((o) => o.name === 'kubia-b' && (o.labels as Record<string, string>).tier === 'front')).toBe(true);
  for (const row of ours) {
    expect(row.spec).toBeUndefined();
    expect(row.metadata).toBeUndefined();
    expect(typeof row.uid).toBe('string');
    expect(typeof row.status).toBe('string');
  }
  const types = new Set(messages.flatMap((m) => (m.payload.events ?? []).filter((e) => e.object.name === 'kubia-b').map((e) => e.type)));
  expect([...types].sort()).toEqual(['ADDED', 'DELETED', 'MODIFIED']);
});

test('rows carry no annotations: the annotation editor reads the pod when it opens, says so meanwhile, and says when it cannot', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-a', annotations: { 'example.com/first': 'one' } }]);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  await pods.expectNames(['kubia-a']);
  // Written after the page has its rows: only a read made when the editor opens can know it.
  await api.patchPod(namespace, 'kubia-a', { metadata: { annotations: { 'example.com/later': 'two' } } });

  // The read is held back, then answered: meanwhile the dialog says what it waits for and offers no form.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const podUrl = new RegExp(`/k8s/api/v1/namespaces/${namespace}/pods/kubia-a$`);
  await page.route(podUrl, async (route) => {
    await held;
    await route.continue();
  });
  let dialog = await pods.editAnnotations('kubia-a');
  await expect(dialog.root.getByRole('status')).toHaveText('Reading the current annotations…');
  await expect(dialog.root.getByRole('textbox')).toHaveCount(0);
  release();
  await expect(dialog.root.getByText('example.com/first=one')).toBeVisible();
  await expect(dialog.root.getByText('example.com/later=two')).toBeVisible();
  await dialog.set({ 'example.com/third': 'three' });
  await dialog.applyAndClose();
  await expect.poll(async () => (await api.pod(namespace, 'kubia-a'))?.metadata.annotations).toEqual({ 'example.com/first': 'one', 'example.com/later': 'two', 'example.com/third': 'three' });
  await page.unroute(podUrl);

  // A read that fails is said, with a retry, rather than an empty editor an edit would be judged against.
  let fail = true;
  await page.route(podUrl, (route) =>
    fail
      ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 503, reason: 'ServiceUnavailable', message: 'the cluster is away' }) })
      : route.continue(),
  );
  dialog = await pods.editAnnotations('kubia-a');
  await expect(dialog.root.getByRole('alert')).toContainText('Could not read the current annotations: the cluster is away');
  fail = false;
  await dialog.root.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.root.getByText('example.com/third=three')).toBeVisible();
});
