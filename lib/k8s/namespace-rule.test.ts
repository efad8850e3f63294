import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveObjectNamespace } from '@/lib/k8s/namespace-rule';

const cases: [string, Parameters<typeof resolveObjectNamespace>[0], ReturnType<typeof resolveObjectNamespace>][] = [
  ['cluster-scoped kinds ignore namespaces', { namespaced: false, objectNamespace: 'a', requested: 'b', contextDefault: 'c' }, { ok: true }],
  ['the object namespace wins', { namespaced: true, objectNamespace: 'a', contextDefault: 'c' }, { ok: true, namespace: 'a' }],
  ['then the requested one', { namespaced: true, requested: 'b', contextDefault: 'c' }, { ok: true, namespace: 'b' }],
  ['then the context default', { namespaced: true, contextDefault: 'c' }, { ok: true, namespace: 'c' }],
  ['the same namespace twice is fine', { namespaced: true, objectNamespace: 'a', requested: 'a', contextDefault: 'c' }, { ok: true, namespace: 'a' }],
  [
    'a different one is kubectl\'s error',
    { namespaced: true, objectNamespace: 'a', requested: 'b', contextDefault: 'c' },
    { ok: false, message: 'the namespace from the provided object "a" does not match the namespace "b". You must pass \'--namespace=a\' to perform this operation.' },
  ],
];
for (const [title, input, want] of cases) test(`resolveObjectNamespace: ${title}`, () => assert.deepEqual(resolveObjectNamespace(input), want));
