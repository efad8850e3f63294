import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Watch } from '@kubernetes/client-node';
import { startTestCluster, type TestCluster } from './test-helpers';

interface Seen {
  type: string;
  name?: string;
  object: { metadata?: { name?: string; resourceVersion?: string }; code?: number; reason?: string; message?: string };
}

/** Collects watch events until `until` says stop (or the timeout passes), then aborts the watch. */
async function collect(options: {
  t: TestCluster;
  path: string;
  query: Record<string, string | number | boolean>;
  until: (events: Seen[]) => boolean;
  action?: () => Promise<void>;
  timeoutMs?: number;
}): Promise<{ events: Seen[]; ended: boolean }> {
  const events: Seen[] = [];
  let ended = false;
  let wake = () => {};
  const changed = () => wake();
  const controller = await new Watch(options.t.kc).watch(
    options.path,
    options.query,
    (type, object) => {
      events.push({ type, name: object?.metadata?.name, object });
      changed();
    },
    () => {
      ended = true;
      changed();
    },
  );
  await options.action?.();
  const deadline = Date.now() + (options.timeoutMs ?? 3000);
  while (!options.until(events) && !ended && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, 50);
    });
  }
  controller.abort();
  return { events, ended };
}

describe('embedded cluster: watch and pagination', () => {
  let t: TestCluster;
  const path = '/api/v1/namespaces/default/configmaps';
  const create = (name: string, labels: Record<string, string> = {}) =>
    t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels } } });
  before(async () => {
    t = await startTestCluster({ watchHistorySize: 20, bookmarkIntervalMs: 50 });
  });
  after(() => t.cluster.stop());

  it('starts with synthetic ADDED events, then streams MODIFIED and DELETED', async () => {
    await create('w-existing');
    const { events } = await collect({
      t,
      path,
      query: {},
      action: async () => {
        await t.core.patchNamespacedConfigMap({ name: 'w-existing', namespace: 'default', body: [{ op: 'add', path: '/data', value: { a: '1' } }] });
        await t.core.deleteNamespacedConfigMap({ name: 'w-existing', namespace: 'default' });
      },
      until: (e) => e.some((x) => x.type === 'DELETED'),
    });
    assert.deepEqual(
      events.filter((e) => e.name === 'w-existing').map((e) => e.type),
      ['ADDED', 'MODIFIED', 'DELETED'],
    );
  });

  it('resumes from a resourceVersion', async () => {
    const list = await t.core.listNamespacedConfigMap({ namespace: 'default' });
    const from = list.metadata?.resourceVersion ?? '';
    await create('w-after-1');
    await create('w-after-2');
    const { events } = await collect({ t, path, query: { resourceVersion: from }, until: (e) => e.length >= 2 });
    assert.deepEqual(events.map((e) => [e.type, e.name]), [
      ['ADDED', 'w-after-1'],
      ['ADDED', 'w-after-2'],
    ]);
  });

  it('answers 410 Expired as an ERROR event when the version left the history', async () => {
    const first = await create('w-old');
    const oldVersion = first.metadata?.resourceVersion ?? '';
    for (let i = 0; i < 25; i++) await create(`w-churn-${i}`);
    const { events } = await collect({ t, path, query: { resourceVersion: oldVersion }, until: (e) => e.length > 0 });
    assert.equal(events[0]?.type, 'ERROR');
    assert.equal(events[0]?.object.code, 410);
    assert.equal(events[0]?.object.reason, 'Expired');
    assert.match(events[0]?.object.message ?? '', new RegExp(`^too old resource version: ${oldVersion} \\(\\d+\\)$`));
  });

  it('applies label selectors: an object that stops matching is DELETED for the watcher', async () => {
    await create('w-sel', { tier: 'web' });
    const { events } = await collect({
      t,
      path,
      query: { labelSelector: 'tier=web' },
      action: async () => {
        await t.core.patchNamespacedConfigMap({
          name: 'w-sel',
          namespace: 'default',
          body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'db' }],
        });
      },
      until: (e) => e.some((x) => x.type === 'DELETED'),
    });
    assert.deepEqual(events.map((e) => [e.type, e.name]), [
      ['ADDED', 'w-sel'],
      ['DELETED', 'w-sel'],
    ]);
  });

  it('sends bookmarks when asked and ends at timeoutSeconds', async () => {
    const bookmarks = await collect({ t, path, query: { allowWatchBookmarks: true, resourceVersion: '0' }, until: (e) => e.some((x) => x.type === 'BOOKMARK') });
    const bookmark = bookmarks.events.find((e) => e.type === 'BOOKMARK');
    assert.match(bookmark?.object.metadata?.resourceVersion ?? '', /^\d+$/);
    const timed = await collect({ t, path, query: { timeoutSeconds: 1, labelSelector: 'none=none' }, until: () => false, timeoutMs: 3000 });
    assert.equal(timed.ended, true);
  });

  it('serves the legacy /watch/ path and counts long-running requests', async () => {
    await create('w-legacy');
    let during = 0;
    const { events } = await collect({
      t,
      path: '/api/v1/watch/namespaces/default/configmaps/w-legacy',
      query: {},
      action: async () => {
        during = t.cluster.metrics.longRunningRequests.get('watch/configmaps') ?? 0;
      },
      until: (e) => e.length > 0,
    });
    assert.deepEqual(events.map((e) => [e.type, e.name]), [['ADDED', 'w-legacy']]);
    assert.ok(during >= 1);
  });

  it('pages a list with limit and continue', async () => {
    for (const name of ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']) await create(name, { page: 'yes' });
    const names: string[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page = await t.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'page=yes', limit: 2, _continue: token });
      names.push(...page.items.map((i) => i.metadata?.name ?? ''));
      if (first) assert.ok(page.metadata?._continue);
      first = false;
      token = page.metadata?._continue || undefined;
    } while (token);
    assert.deepEqual(names, ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']);
    const unfiltered = await t.core.listNamespacedConfigMap({ namespace: 'default', limit: 1 });
    assert.ok((unfiltered.metadata?.remainingItemCount ?? 0) > 0);
  });

  it('serves every page of a paged list at the revision of its first page', async () => {
    for (const name of ['s-a', 's-b', 's-c', 's-d']) await create(name, { snap: 'yes' });
    const first = await t.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'snap=yes', limit: 2 });
    const listedAt = first.metadata?.resourceVersion;
    const [c, d] = await Promise.all(['s-c', 's-d'].map((name) => t.core.readNamespacedConfigMap({ namespace: 'default', name })));
    // Changes after the first page: a later item modified, another deleted, a new one created.
    await t.core.patchNamespacedConfigMap({ namespace: 'default', name: 's-c', body: [{ op: 'add', path: '/data', value: { changed: 'yes' } }] });
    await t.core.deleteNamespacedConfigMap({ namespace: 'default', name: 's-d' });
    await create('s-e', { snap: 'yes' });
    const rest = await t.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'snap=yes', limit: 10, _continue: first.metadata?._continue });
    assert.equal(rest.metadata?.resourceVersion, listedAt);
    assert.deepEqual(rest.items.map((i) => [i.metadata?.name, i.metadata?.resourceVersion, i.data]), [
      ['s-c', c?.metadata?.resourceVersion, undefined],
      ['s-d', d?.metadata?.resourceVersion, undefined],
    ]);
    // The same revision read again with resourceVersion and an exact match; a fresh list sees the changes.
    const exact = await t.request(`${path}?labelSelector=snap%3Dyes&resourceVersion=${listedAt}&resourceVersionMatch=Exact`);
    assert.deepEqual(exact.json<{ items: { metadata: { name: string } }[] }>().items.map((i) => i.metadata.name), ['s-a', 's-b', 's-c', 's-d']);
    const now = await t.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'snap=yes' });
    assert.deepEqual(now.items.map((i) => i.metadata?.name), ['s-a', 's-b', 's-c', 's-e']);
    const both = await t.request(`${path}?limit=1&resourceVersion=${listedAt}&continue=${encodeURIComponent(first.metadata?._continue ?? '')}`);
    assert.equal(both.status, 400);
    assert.equal(both.json<{ message: string }>().message, 'specifying resource version is not allowed when using continue');
  });

  it('expires a continue token older than the history with 410', async () => {
    const page = await t.core.listNamespacedConfigMap({ namespace: 'default', limit: 1 });
    for (let i = 0; i < 25; i++) await create(`c-churn-${i}`);
    const res = await t.request(`${path}?limit=1&continue=${encodeURIComponent(page.metadata?._continue ?? '')}`);
    assert.equal(res.status, 410);
    assert.equal(res.json<{ reason: string }>().reason, 'Expired');
  });

  it('lists across namespaces', async () => {
    await t.core.createNamespacedConfigMap({ namespace: 'kube-system', body: { metadata: { name: 'elsewhere' } } });
    const all = await t.core.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.name=elsewhere' });
    assert.deepEqual(all.items.map((i) => i.metadata?.namespace), ['kube-system']);
  });
});
