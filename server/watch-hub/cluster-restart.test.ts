import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { startEmbeddedCluster, type EmbeddedCluster } from '../embedded-cluster';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from './socket-client';
import { podManifest } from './test-cluster';

const clusters: EmbeddedCluster[] = [];
let server: ConsoleProcess | undefined;
let socket: TestSocket | undefined;

after(async () => {
  socket?.close();
  await server?.stop('SIGKILL');
  await Promise.all(clusters.map((cluster) => cluster.stop()));
});

async function createPod(cluster: EmbeddedCluster, name: string): Promise<void> {
  const config = new KubeConfig();
  config.loadFromString(cluster.kubeconfigYaml);
  await kubeJson(config, { method: 'POST', path: '/api/v1/namespaces/default/pods', body: podManifest(name) });
}

/** The test is about what comes in which order, not how fast: on a busy machine each step may take a while. */
const STEP_MS = 30_000;

test('a watched list survives its cluster being stopped and started again: reconnecting, then a fresh snapshot', async () => {
  const first = await startEmbeddedCluster({ port: 0, seed: { name: 'empty' }, clock: { mode: 'test' } });
  clusters.push(first);
  await createPod(first, 'from-the-first-run');
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'pilothouse-restart-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, first.kubeconfigYaml);
  server = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  try {
    socket = await connectSocket(server.url);
    const watch = await recordWatch(socket, 'restart', { context: 'embedded', version: 'v1', resource: 'pods', namespace: 'default' });
    await watch.until((r) => r.names().join() === 'from-the-first-run', STEP_MS);

    // The same server (port, CA, tokens) comes back with fresh state, as an API server restarted on an empty etcd.
    const port = Number(new URL(first.url).port);
    await first.stop();
    await watch.until((r) => r.statuses.some((s) => s.state === 'reconnecting'), STEP_MS);
    const second = await startEmbeddedCluster({ port, identity: first.identity, seed: { name: 'empty' }, clock: { mode: 'test' } });
    clusters.push(second);
    await createPod(second, 'from-the-second-run');

    await watch.until((r) => r.names().join() === 'from-the-second-run', STEP_MS);
    assert.ok(watch.snapshots >= 2, 'the list after the restart came as a fresh snapshot');
  } catch (error) {
    // What the console logged (its watch's retries) is what tells a slow step from a wrong one.
    throw new Error(`${(error as Error).message}\nthe console's output:\n${server.output().slice(-4_000)}`, { cause: error });
  }
});
