import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError, apiFetch, k8sUrl } from '@/lib/client/api-fetch';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});
const answer = (status: number, body: string, seen?: (init: RequestInit) => void) => {
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    seen?.(init);
    return new Response(body, { status });
  }) as typeof fetch;
};

test('every request carries the console header; bodies go as JSON', async () => {
  let headers: Record<string, string> = {};
  answer(201, '{"ok":1}', (init) => (headers = init.headers as Record<string, string>));
  assert.deepEqual(await apiFetch('/x', { method: 'POST', body: { a: 1 } }), { ok: 1 });
  assert.equal(headers['X-Pilothouse-Request'], '1');
  assert.equal(headers['Content-Type'], 'application/json');
});

test("a Status answer becomes an ApiError with the server's message", async () => {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "x" not found', reason: 'NotFound', code: 404 };
  answer(404, JSON.stringify(status));
  await assert.rejects(apiFetch('/x'), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.message, 'pods "x" not found');
    assert.equal(error.code, 404);
    assert.equal(error.reason, 'NotFound');
    assert.deepEqual(error.status, status);
    return true;
  });
});

test('a non-Status failure still becomes an ApiError', async () => {
  answer(502, 'Bad Gateway');
  await assert.rejects(apiFetch('/x'), (error: unknown) => error instanceof ApiError && error.code === 502);
});

test('k8sUrl encodes the context', () => {
  assert.equal(k8sUrl('arn:aws:eks:x/y', '/api/v1/pods?limit=10'), '/api/clusters/arn%3Aaws%3Aeks%3Ax%2Fy/k8s/api/v1/pods?limit=10');
});
