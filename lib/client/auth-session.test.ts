import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loginIfSessionEnded } from '@/lib/client/auth-session';
import { LOGIN_PAGE } from '@/lib/contract/auth';

const realFetch = globalThis.fetch;
after(() => {
  globalThis.fetch = realFetch;
  delete (globalThis as { window?: unknown }).window;
});

test('however many signals say the session ended, the tab navigates to the login page once, keeping its view as next', async () => {
  const assigned: string[] = [];
  (globalThis as { window?: unknown }).window = { location: { pathname: '/pods', search: '?labelSelector=run%3Dkubia', assign: (url: string) => assigned.push(url) } };
  let whoamis = 0;
  globalThis.fetch = (async () => {
    whoamis++;
    return new Response(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'no session', reason: 'Unauthorized', code: 401 }), { status: 401 });
  }) as typeof fetch;
  // The socket's close and the other tab's message arrive together; a failed reconnection follows.
  await Promise.all([loginIfSessionEnded(), loginIfSessionEnded()]);
  await loginIfSessionEnded();
  assert.deepEqual(assigned, [`${LOGIN_PAGE}?next=${encodeURIComponent('/pods?labelSelector=run%3Dkubia')}`]);
  assert.equal(whoamis, 2, 'once on its way, the tab asks no more');
});
