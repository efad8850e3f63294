import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isBffError } from '@/lib/server/errors';
import { createContextRegistry } from './registry';

const dir = mkdtempSync(join(tmpdir(), 'pilothouse-kubeconfig-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const kubeconfig = (contexts: { name: string; ns?: string }[], current?: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...contexts.map((c) => `- name: ${c.name}-cluster\n  cluster:\n    server: https://${c.name}.example:6443`),
    'users:',
    ...contexts.map((c) => `- name: ${c.name}-user\n  user:\n    token: secret-${c.name}`),
    'contexts:',
    ...contexts.map((c) => `- name: ${c.name}\n  context:\n    cluster: ${c.name}-cluster\n    user: ${c.name}-user${c.ns ? `\n    namespace: ${c.ns}` : ''}`),
    current ? `current-context: ${current}` : '',
  ].join('\n');

const neverStarts = async () => {
  throw new Error('not in this test');
};

test('kubeconfig contexts merge like kubectl: first file wins, missing files skipped, current from the first that sets it', () => {
  const a = file('a.yaml', kubeconfig([{ name: 'prod', ns: 'shop' }]));
  const b = file('b.yaml', kubeconfig([{ name: 'prod', ns: 'other' }, { name: 'dev' }], 'dev'));
  const registry = createContextRegistry({
    env: { KUBECONFIG: [a, join(dir, 'missing.yaml'), b].join(':'), PILOTHOUSE_EMBEDDED: 'false' },
    startEmbedded: neverStarts,
  });
  assert.deepEqual(registry.list(), [
    { name: 'prod', cluster: 'prod-cluster', namespace: 'shop', source: 'kubeconfig', isDefault: false },
    { name: 'dev', cluster: 'dev-cluster', namespace: 'default', source: 'kubeconfig', isDefault: true },
  ]);
  assert.equal(registry.defaultContext(), 'dev');
});

test('the embedded cluster is listed, is the default without a current context, and starts on first use only', async () => {
  let starts = 0;
  const registry = createContextRegistry({
    env: { KUBECONFIG: file('c.yaml', kubeconfig([{ name: 'x' }])), PILOTHOUSE_EMBEDDED_VIEWER: 'true' },
    startEmbedded: async () => {
      starts++;
      return { kubeconfigYaml: kubeconfig([{ name: 'embedded' }], 'embedded').replace('secret-embedded', 'A'), tokens: { viewer: 'V' }, stop: async () => {} };
    },
  });
  assert.deepEqual(registry.list().map((c) => [c.name, c.source, c.isDefault]), [
    ['x', 'kubeconfig', false],
    ['embedded', 'embedded', true],
    ['embedded-viewer', 'embedded', false],
  ]);
  assert.equal(starts, 0);
  const [admin, viewer] = await Promise.all([registry.resolve('embedded'), registry.resolve('embedded-viewer')]);
  assert.equal(starts, 1);
  const headers = async (ctx: typeof admin) => {
    const options: { headers?: Record<string, string> } = {};
    await ctx.kubeConfig.applyToHTTPSOptions(options);
    return options.headers;
  };
  assert.equal((await headers(admin))?.Authorization, 'Bearer A');
  assert.equal((await headers(viewer))?.Authorization, 'Bearer V');
});

test('PILOTHOUSE_EMBEDDED=false leaves no embedded context and no default', () => {
  const registry = createContextRegistry({ env: { KUBECONFIG: join(dir, 'none.yaml'), PILOTHOUSE_EMBEDDED: 'false' }, startEmbedded: neverStarts });
  assert.deepEqual(registry.list(), []);
  assert.equal(registry.defaultContext(), null);
});

test('an unknown context is a ContextNotFound error; a failed start is ContextUnavailable and retried', async () => {
  let attempts = 0;
  const registry = createContextRegistry({
    env: { KUBECONFIG: join(dir, 'none.yaml') },
    startEmbedded: async () => {
      attempts++;
      throw new Error('port in use');
    },
  });
  await assert.rejects(registry.resolve('nope'), (e) => isBffError(e) && e.code === 'ContextNotFound');
  await assert.rejects(registry.resolve('embedded'), (e) => isBffError(e) && e.code === 'ContextUnavailable');
  await assert.rejects(registry.resolve('embedded'), (e) => isBffError(e) && e.code === 'ContextUnavailable');
  assert.equal(attempts, 2);
});
