import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import type { ParsedWatchTarget } from '@/lib/contract/watch';
import type { Identity } from '@/lib/server/auth/identity';
import type { WatchHub } from './watch-hub';
import { warmPageWatches } from './warm-page';

function fakeHub(outcome: 'opens' | 'refuses' = 'opens') {
  const warmed: { target: ParsedWatchTarget; identity?: Identity }[] = [];
  const hub = {
    warm: async (target: ParsedWatchTarget, identity?: Identity) => {
      warmed.push({ target, identity });
      if (outcome === 'refuses') throw new Error('unknown context');
    },
  } as unknown as WatchHub;
  return { hub, warmed };
}

const request = (url: string, headers: Record<string, string>, method = 'GET') => ({ method, url, headers }) as unknown as IncomingMessage;
const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };

describe('warmPageWatches', () => {
  it('starts the watches of a list page the browser navigates to, as the user', () => {
    const { hub, warmed } = fakeHub();
    const identity = { key: 'alice' } as Identity;
    warmPageWatches(hub, request('/pods?context=prod&namespace=_all', NAVIGATION), identity);
    assert.deepEqual(warmed.map((w) => [w.target.resource, w.target.namespace, w.target.view]), [['pods', undefined, 'rows'], ['namespaces', undefined, 'rows']]);
    assert.ok(warmed.every((w) => w.identity === identity && w.target.context === 'prod' && w.target.group === ''));
  });

  it('starts nothing for what is not a navigation: Next’s RSC fetches and prefetches, HEAD, a script', () => {
    const { hub, warmed } = fakeHub();
    warmPageWatches(hub, request('/pods?context=prod&namespace=_all', { rsc: '1', 'next-router-prefetch': '1', 'sec-fetch-dest': 'empty' }), undefined);
    warmPageWatches(hub, request('/pods?context=prod&namespace=_all', { rsc: '1' }), undefined);
    warmPageWatches(hub, request('/pods?context=prod&namespace=_all', NAVIGATION, 'HEAD'), undefined);
    warmPageWatches(hub, request('/_next/static/chunks/app.js', { 'sec-fetch-dest': 'script' }), undefined);
    assert.deepEqual(warmed, []);
  });

  it('skips a target the URL makes invalid, and a refusal does not escape', async () => {
    const { hub, warmed } = fakeHub('refuses');
    warmPageWatches(hub, request('/pods?context=prod&namespace=Not_A_Namespace', NAVIGATION), undefined);
    // The namespace is no DNS label: only the header's namespaces list is warmed, and its refusal is swallowed.
    assert.deepEqual(warmed.map((w) => w.target.resource), ['namespaces']);
    await new Promise((resolve) => setImmediate(resolve));
  });
});
