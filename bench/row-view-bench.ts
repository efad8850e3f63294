/**
 * What a list page receives over socket.io for the scale seed, objects against rows: the JSON bytes of
 * the `watch:snapshot` of all pods, and how long it takes a viewer to get it (the shared watch already
 * open, so the time is the BFF's, not the upstream list's). Run on its own:
 * `npx tsx bench/row-view-bench.ts [pods] [consolePort] [clusterPort]`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole } from '../server/testing/console-process';
import { connectSocket, type TestSocket } from '../server/watch-hub/socket-client';
import { median } from './stats';

const pods = Number(process.argv[2] ?? 10_000);
const consolePort = process.argv[3] ?? '34210';
const clusterPort = Number(process.argv[4] ?? 34211);
const RUNS = 3;

async function snapshotOf(socket: TestSocket, id: string, target: object): Promise<{ bytes: number; ms: number; items: number }> {
  const start = performance.now();
  const snapshot = new Promise<{ items: unknown[] }>((resolve) => {
    const on = (s: { id: string; items: unknown[] }) => {
      if (s.id !== id) return;
      socket.off('watch:snapshot', on as never);
      resolve(s);
    };
    socket.on('watch:snapshot', on as never);
  });
  const ack = await socket.timeout(120_000).emitWithAck('watch:subscribe', { id, target } as never);
  if (!(ack as { ok: boolean }).ok) throw new Error(`refused: ${JSON.stringify(ack)}`);
  const got = await snapshot;
  const ms = performance.now() - start;
  socket.emit('watch:unsubscribe', { id });
  return { bytes: Buffer.byteLength(JSON.stringify(got)), ms, items: got.items.length };
}

const cluster = await startEmbeddedCluster({ port: clusterPort, seed: { name: 'scale', pods } });
const kubeconfig = join(mkdtempSync(join(tmpdir(), 'pilothouse-rows-')), 'kubeconfig');
writeFileSync(kubeconfig, cluster.kubeconfigYaml);
const context = (cluster.kubeconfig as { contexts: { name: string }[] }).contexts[0].name;
const server = await startConsole({ KUBECONFIG: kubeconfig, PILOTHOUSE_EMBEDDED: 'false', PORT: consolePort });
try {
  const target = { context, version: 'v1', resource: 'pods' };
  // One viewer holds the shared watch open; the measured ones join it, as a second viewer does.
  const holder = await connectSocket(server.url);
  await snapshotOf(holder, 'hold', target).then(() => holder.emit('watch:subscribe', { id: 'held', target } as never, () => undefined));
  const socket = await connectSocket(server.url);
  const rows: { view: string; items: number; bytes: number; ms: number }[] = [];
  for (const view of ['objects', 'rows'] as const) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await snapshotOf(socket, `${view}-${run}`, view === 'rows' ? { ...target, view } : target));
    rows.push({ view, items: runs[0].items, bytes: runs[0].bytes, ms: Math.round(median(runs.map((r) => r.ms))) });
  }
  console.table(rows.map((r) => ({ ...r, 'bytes/item': Math.round(r.bytes / r.items), MB: (r.bytes / 1e6).toFixed(2) })));
  console.log(`rows/objects bytes: ${(rows[1].bytes / rows[0].bytes).toFixed(3)}`);
  socket.close();
  holder.close();
} finally {
  await server.stop('SIGTERM');
  await cluster.stop();
}
