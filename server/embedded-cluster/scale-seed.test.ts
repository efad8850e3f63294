import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startTestCluster, type TestCluster } from './test-helpers';
import { createKubectl } from './testing/kubectl';

const names = (items: { metadata?: { name?: string } }[]) => items.map((i) => i.metadata?.name ?? '');

describe('the scale seed', () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster({ seed: { name: 'scale', pods: 1234, nodes: 7, namespaces: 4 } });
  });
  after(() => t?.cluster.stop());

  it('holds the pods, nodes and namespaces it was asked for, every pod on one of the nodes', async () => {
    const pods = await t.core.listPodForAllNamespaces();
    assert.equal(pods.items.length, 1234);
    const nodes = names((await t.core.listNode()).items);
    assert.deepEqual(nodes, Array.from({ length: 7 }, (_, i) => `scale-node-000${i}`));
    const namespaces = names((await t.core.listNamespace()).items).filter((n) => n.startsWith('scale-'));
    assert.deepEqual(namespaces, ['scale-0', 'scale-1', 'scale-2', 'scale-3']);
    assert.deepEqual(new Set(pods.items.map((p) => p.metadata?.namespace)), new Set(namespaces));
    for (const pod of pods.items) assert.ok(nodes.includes(pod.spec?.nodeName ?? ''), `${pod.metadata?.name} is on ${pod.spec?.nodeName}`);
  });

  it('serves kubectl get pods -A --chunk-size=500: every pod once, in three pages', async () => {
    const kubectl = await createKubectl(t.cluster);
    try {
      const out = await kubectl.ok(['get', 'pods', '-A', '--chunk-size=500', '--no-headers', '-v=6'], { timeoutMs: 60_000 });
      const rows = out.stdout.split('\n').filter(Boolean);
      assert.equal(rows.length, 1234);
      assert.equal(new Set(rows.map((r) => r.split(/\s+/).slice(0, 2).join('/'))).size, 1234);
      // -v=6 logs each GET: the first page, then two with a continue token.
      const gets = out.stderr.split('\n').filter((l) => /GET https:\/\/\S+\/api\/v1\/pods\?\S*limit=500/.test(l));
      assert.equal(gets.length, 3, out.stderr);
      assert.equal(gets.filter((l) => l.includes('continue=')).length, 2);
    } finally {
      await kubectl.dispose();
    }
  });
});

describe('npm run cluster -- --seed scale --pods N --nodes N --namespaces N', () => {
  it('seeds those sizes', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'pilothouse-cli-'));
    const kubeconfigPath = join(dir, 'kubeconfig');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/embedded-cluster/cli.ts', '--port', '0', '--kubeconfig', kubeconfigPath, '--seed', 'scale', '--pods', '45', '--nodes', '3', '--namespaces', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    t.after(async () => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the CLI did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl+C to stop.')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}:\n${output}`)));
    });
    const kc = new KubeConfig();
    kc.loadFromString(await readFile(kubeconfigPath, 'utf8'));
    const core = kc.makeApiClient(CoreV1Api);
    assert.equal((await core.listPodForAllNamespaces()).items.length, 45);
    assert.equal((await core.listNode()).items.length, 3);
    assert.deepEqual(names((await core.listNamespace()).items).filter((n) => n.startsWith('scale-')), ['scale-0', 'scale-1']);
  });
});
