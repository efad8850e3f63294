import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { startEmbeddedCluster, type EmbeddedCluster } from '../embedded-cluster';
import { LAST_APPLIED } from './lean-object';
import { pagedList } from './paged-list';
import type { WatchSink } from './shared-watch';
import { WatchHub } from './watch-hub';

const PODS = 1_200; // three pages of 500
let cluster: EmbeddedCluster;
let hub: WatchHub;
let kubeConfig: KubeConfig;
/** Upstream list requests (each page is one) for pods, counted where the embedded API server reads them. */
let podLists = 0;

before(async () => {
  cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods: PODS, namespaces: 3 }, clock: { mode: 'test' }, logRate: 0 });
  kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(cluster.kubeconfigYaml);
  const store = cluster.registry.store;
  const listPage = store.listPage.bind(store);
  store.listPage = (options) => {
    if (options.resourceKey === 'pods') podLists++;
    return listPage(options);
  };
  // What a real API server keeps on every object and kubectl apply adds: bookkeeping no list shows.
  const [pod] = store.list('pods');
  assert.ok(pod);
  pod.metadata.managedFields = [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:metadata': {} } }];
  pod.metadata.annotations = { [LAST_APPLIED]: JSON.stringify({ big: 'manifest' }), kept: 'yes' };
  store.put('pods', pod);
  hub = new WatchHub({ resolveContext: async () => ({ kubeConfig }) as unknown as ResolvedContext, idleMs: 60_000 });
});

after(async () => {
  hub?.close();
  await cluster?.stop();
});

interface Heard {
  snapshots: { count: number; partial: boolean }[];
  /** Objects by uid, as the client's list reducer would hold them. */
  items: Map<string, KubernetesObject>;
  live: boolean;
  /** Every `watch:status` state heard. */
  states: string[];
}

function listen(): { heard: Heard; sink: Omit<WatchSink, 'filter'>; whole: () => Promise<void> } {
  const heard: Heard = { snapshots: [], items: new Map(), live: false, states: [] };
  let wake = () => {};
  const sink: Omit<WatchSink, 'filter'> = {
    snapshot: (items, _rv, partial) => {
      heard.snapshots.push({ count: items.length, partial });
      heard.items = new Map(items.map((o) => [o.metadata?.uid ?? '', o]));
      heard.live = !partial;
      wake();
    },
    events: (events) => {
      for (const e of events) heard.items.set(e.object.metadata?.uid ?? '', e.object as KubernetesObject);
      wake();
    },
    status: (state) => {
      heard.states.push(state);
      if (state === 'live') heard.live = true;
      wake();
    },
  };
  const whole = async () => {
    const deadline = Date.now() + 20_000;
    while (!heard.live && Date.now() < deadline) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 200)));
    assert.ok(heard.live, `never live: ${JSON.stringify(heard.snapshots)}`);
  };
  return { heard, sink, whole };
}

const target = { context: 'embedded', group: '', version: 'v1', resource: 'pods' };

test('the first page reaches a subscriber while the rest loads; a second viewer is served from the cache', async () => {
  const first = listen();
  const leave = await hub.subscribe({ target, sink: first.sink });
  await first.whole();
  assert.deepEqual(first.heard.snapshots[0], { count: 500, partial: true });
  assert.equal(first.heard.items.size, PODS);
  assert.equal(podLists, 3, 'paged by 500 as client-go');

  const second = listen();
  const leaveSecond = await hub.subscribe({ target: { ...target, labelSelector: 'tier=frontend' }, sink: second.sink });
  await second.whole();
  assert.equal(second.heard.snapshots.length, 1);
  assert.equal(second.heard.snapshots[0]?.partial, false);
  assert.ok(second.heard.items.size > 0 && second.heard.items.size < PODS);
  assert.equal(podLists, 3, 'no new upstream list for the second viewer');
  leave();
  leaveSecond();
});

test('the cache keeps no managedFields and no last-applied annotation', async () => {
  const viewer = listen();
  const leave = await hub.subscribe({ target, sink: viewer.sink });
  await viewer.whole();
  const objects = [...viewer.heard.items.values()];
  assert.equal(objects.filter((o) => o.metadata?.managedFields).length, 0);
  const annotated = objects.filter((o) => o.metadata?.annotations?.kept === 'yes');
  assert.equal(annotated.length, 1);
  assert.deepEqual(annotated[0]?.metadata?.annotations, { kept: 'yes' });
  // A change arriving over the watch is kept lean too.
  const name = annotated[0]?.metadata?.name ?? '';
  const namespace = annotated[0]?.metadata?.namespace ?? '';
  const stored = cluster.registry.store.get('pods', namespace, name);
  assert.ok(stored?.metadata.managedFields);
  cluster.registry.store.put('pods', { ...stored, metadata: { ...stored.metadata, labels: { ...stored.metadata.labels, changed: 'yes' } } });
  const deadline = Date.now() + 10_000;
  const changed = () => [...viewer.heard.items.values()].find((o) => o.metadata?.labels?.changed === 'yes');
  while (!changed() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(changed());
  assert.equal(changed()?.metadata?.managedFields, undefined);
  assert.deepEqual(changed()?.metadata?.annotations, { kept: 'yes' });
  leave();
});

test('a shared watch closed while its initial list pages reads no further page', async () => {
  const quick = new WatchHub({ resolveContext: async () => ({ kubeConfig }) as unknown as ResolvedContext, idleMs: 0 });
  try {
    const listsBefore = podLists;
    const viewer = listen();
    const snapshot = viewer.sink.snapshot;
    // The watch closes on its first page (as it does once its last viewer has left and the idle time passed).
    viewer.sink.snapshot = (...args) => (snapshot(...args), quick.close());
    await quick.subscribe({ target, sink: viewer.sink });
    const deadline = Date.now() + 10_000;
    while (viewer.heard.snapshots.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(quick.stats().upstreamWatches, 0);
    // Time for the pages a list that went on would read.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(viewer.heard.snapshots, [{ count: 500, partial: true }]);
    assert.ok(podLists - listsBefore < 3, `${podLists - listsBefore} of 3 pages read for nobody`);
  } finally {
    quick.close();
  }
});

test('a watch that fails as it opens after the paged list resumes from the list: no outage, no second list', async () => {
  const store = cluster.registry.store;
  const eventsSince = store.eventsSince.bind(store);
  let refused = 0;
  // The first watch of pods fails before it is open (a 500), as when the line drops while it is opened.
  store.eventsSince = (since, resourceKey, namespace) => {
    if (resourceKey === 'pods' && refused++ === 0) throw new Error('the watch could not be opened (test)');
    return eventsSince(since, resourceKey, namespace);
  };
  const fresh = new WatchHub({ resolveContext: async () => ({ kubeConfig }) as unknown as ResolvedContext, idleMs: 60_000 });
  try {
    const listsBefore = podLists;
    const viewer = listen();
    const leave = await fresh.subscribe({ target, sink: viewer.sink });
    await viewer.whole();
    assert.ok(refused >= 2, 'the watch was opened again');
    // As client-go's reflector: the list stands, the watch resumes from its resourceVersion.
    assert.deepEqual(viewer.heard.states, ['live']);
    assert.deepEqual(viewer.heard.snapshots, [{ count: 500, partial: true }]);
    assert.equal(viewer.heard.items.size, PODS);
    assert.equal(podLists - listsBefore, 3);
    leave();
  } finally {
    store.eventsSince = eventsSince;
    fresh.close();
  }
});

test('a continue token that expired during the paged list falls back to one full list, as client-go', async () => {
  const small = await startEmbeddedCluster({ port: 0, seed: { name: 'scale', pods: 1_000, namespaces: 2 }, clock: { mode: 'test' }, logRate: 0, watchHistorySize: 5 });
  try {
    const config = new KubeConfig();
    config.loadFromString(small.kubeconfigYaml);
    for (let i = 0; i < 5; i++) small.registry.store.put('configmaps', { metadata: { namespace: 'default', name: `listed-${i}` } });
    const pages: { count: number; restart: boolean }[] = [];
    const list = await pagedList({
      kubeConfig: config,
      path: '/api/v1/configmaps',
      transform: (o) => o,
      onPage: ({ items, restart }) => {
        pages.push({ count: items.length, restart });
        // Enough writes after the first page to compact its revision out of the history.
        if (pages.length === 1) for (let i = 0; i < 10; i++) small.registry.store.put('configmaps', { metadata: { namespace: 'default', name: `churn-${i}` } });
      },
      pageSize: 2,
    });
    // The page after the first may have been read before the churn (it is asked for as soon as the first
    // page's token arrives): then the expired token is the next one.
    assert.ok(pages.length >= 2);
    assert.deepEqual(pages.map((p) => p.restart), [...pages.slice(0, -1).map(() => false), true]);
    assert.equal(list.items.length, pages[1]?.count);
    assert.ok(list.items.some((o) => o.metadata?.name === 'churn-9'));
  } finally {
    await small.stop();
  }
});
