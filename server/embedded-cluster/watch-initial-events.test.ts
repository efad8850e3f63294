import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Watch, type V1Pod } from '@kubernetes/client-node';
import { startTestCluster, type TestCluster } from './test-helpers';

const PODS = 3000;

/** Watches `path` and hands each event to `onEvent`; resolves with the abort function. */
function watch(t: TestCluster, path: string, query: Record<string, string | number | boolean>, onEvent: (type: string, pod: V1Pod) => void) {
  const ended = new Promise<void>((resolve) => {
    void new Watch(t.kc).watch(path, query, onEvent, () => resolve()).then((controller) => (abort = () => controller.abort()));
  });
  let abort = () => {};
  return { ended, stop: () => abort() };
}

/** Resolves once `predicate` holds (checked every 10 ms), or rejects after `ms`. */
async function until(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(`a watch without resourceVersion over ${PODS} pods`, () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster({ seed: { name: 'scale', pods: PODS, nodes: 30, namespaces: 5 } });
  });
  after(() => t?.cluster.stop());

  it('streams every pod once as ADDED, as the list has them, then the changes that follow', async () => {
    const list = await t.core.listPodForAllNamespaces();
    assert.equal(list.items.length, PODS);
    const events: { type: string; pod: V1Pod }[] = [];
    const w = watch(t, '/api/v1/pods', {}, (type, pod) => events.push({ type, pod }));
    try {
      await until(() => events.length >= PODS, 60_000, 'the initial events');
      const initial = events.slice(0, PODS);
      assert.ok(initial.every((e) => e.type === 'ADDED'));
      const uids = new Set(initial.map((e) => e.pod.metadata?.uid));
      assert.equal(uids.size, PODS);
      assert.deepEqual(uids, new Set(list.items.map((p) => p.metadata?.uid)));
      // The same objects as a list reads (the watch carries TypeMeta, list items do not).
      const raw = (await t.request('/api/v1/namespaces/scale-0/pods?limit=1')).json<{ items: { metadata: { uid: string } }[] }>().items[0];
      const { kind, apiVersion, ...same } = initial.find((e) => e.pod.metadata?.uid === raw?.metadata.uid)?.pod ?? {};
      assert.deepEqual([kind, apiVersion], ['Pod', 'v1']);
      assert.deepEqual(same, raw);

      const target = list.items[0] as V1Pod;
      const patched = await t.request(`/api/v1/namespaces/${target.metadata?.namespace}/pods/${target.metadata?.name}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ metadata: { labels: { touched: 'yes' } } }),
      });
      assert.equal(patched.status, 200);
      await until(() => events.some((e, i) => i >= PODS && e.type === 'MODIFIED' && e.pod.metadata?.labels?.touched === 'yes'), 10_000, 'the MODIFIED event');
    } finally {
      w.stop();
    }
  });

  it('answers other requests while the initial events stream', async () => {
    let received = 0;
    let answeredAt: number | undefined;
    let asked = false;
    const w = watch(t, '/api/v1/pods', {}, () => {
      received++;
      if (asked) return;
      asked = true;
      // Asked as soon as streaming started; answered before the last initial event arrived.
      void Promise.all([t.request('/readyz'), t.core.listNamespacedPod({ namespace: 'scale-1', limit: 1 })]).then(([ready, page]) => {
        assert.equal(ready.status, 200);
        assert.equal(page.items.length, 1);
        answeredAt = received;
      });
    });
    try {
      await until(() => received >= PODS, 60_000, 'the initial events');
      await until(() => answeredAt !== undefined, 10_000, 'the other requests');
      assert.ok((answeredAt ?? PODS) < PODS, `answered after ${answeredAt} of ${PODS} initial events`);
    } finally {
      w.stop();
    }
  });

  it('sends a list longer than one page in slices that add up to the same list', async () => {
    const whole = await t.request('/api/v1/pods');
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['transfer-encoding'], 'chunked');
    const parsed = JSON.parse(whole.body) as { kind: string; apiVersion: string; metadata: { resourceVersion: string }; items: { metadata: { uid: string } }[] };
    assert.equal(parsed.kind, 'PodList');
    assert.equal(parsed.apiVersion, 'v1');
    assert.equal(parsed.items.length, PODS);
    const paged: unknown[] = [];
    let token = '';
    do {
      const page = await t.core.listPodForAllNamespaces({ limit: 500, _continue: token || undefined });
      paged.push(...page.items);
      token = page.metadata?._continue ?? '';
    } while (token);
    assert.deepEqual(
      parsed.items.map((p) => p.metadata.uid),
      paged.map((p) => (p as V1Pod).metadata?.uid),
    );
    // A short list keeps its Content-Length.
    const short = await t.request('/api/v1/pods?limit=500');
    assert.equal(short.headers['content-length'], String(Buffer.byteLength(short.body)));
  });
});
