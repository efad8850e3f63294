import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { deleteTargets } from '@/lib/client/delete-resources';
import { pods } from '@/lib/k8s/resources';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const notFound = (name: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `pods "${name}" not found`, reason: 'NotFound', code: 404 });

/** The API server: `gone` were collected before our DELETE reached them, `refused` may not be deleted. */
function cluster({ gone = [], refused = [] }: { gone?: string[]; refused?: string[] }) {
  globalThis.fetch = (async (url: string) => {
    const name = decodeURIComponent(url.split('/').pop() ?? '');
    if (gone.includes(name)) return new Response(JSON.stringify(notFound(name)), { status: 404 });
    if (refused.includes(name)) return new Response(JSON.stringify({ ...notFound(name), reason: 'Forbidden', code: 403, message: `pods "${name}" is forbidden` }), { status: 403 });
    return new Response(JSON.stringify({ kind: 'Pod', metadata: { name, namespace: 'ns' } }), { status: 200 });
  }) as typeof fetch;
}

const targets = ['a', 'b', 'c'].map((name) => ({ namespace: 'ns', name }));

test('by name, an object already gone is a failure, said with the server\'s message (kubectl delete pod a b c)', async () => {
  cluster({ gone: ['b'] });
  await assert.rejects(deleteTargets({ context: 'x', descriptor: pods, targets, deleteOptions: {} }), { message: 'ns/b: pods "b" not found' });
});

test('with ignoreNotFound (kubectl delete --all, -l) an object already gone is no failure and is not said to be deleted', async () => {
  cluster({ gone: ['b'] });
  const deleted = await deleteTargets({ context: 'x', descriptor: pods, targets, deleteOptions: {}, ignoreNotFound: true });
  assert.deepEqual(deleted.map((ref) => ref.name), ['a', 'c']);
});

test('ignoreNotFound ignores nothing but NotFound: a refusal still fails the delete', async () => {
  cluster({ gone: ['a'], refused: ['c'] });
  await assert.rejects(deleteTargets({ context: 'x', descriptor: pods, targets, deleteOptions: {}, ignoreNotFound: true }), { message: 'ns/c: pods "c" is forbidden' });
});
