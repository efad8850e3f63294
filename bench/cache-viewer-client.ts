/**
 * One viewer of all pods, in a process of its own as a browser tab is (its parse and garbage are not the
 * BFF's): `socket <console url> [rows|objects]` subscribes through the watch channel (to rows, as the Pods
 * page does, unless `objects`) and waits for the whole snapshot;
 * `straight <kubeconfig>` lists them from the API server. Prints `{ "ms": ..., "count": ... }`: from the
 * request to the objects parsed. Started by bench/shared-cache-bench.ts.
 */
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import type { ListView } from '@/lib/contract/row-view';
import { SOCKET_PATH } from '@/lib/contract/socket-events';
import type { TestSocket } from '../server/watch-hub/socket-client';
import { directClient } from './direct-client';
import { since } from './stats';

async function viaSocket(url: string, view: ListView): Promise<{ ms: number; count: number }> {
  // `ws` refuses frames over 100 MiB by default; a browser has no such limit.
  const socket: TestSocket = io(url, { path: SOCKET_PATH, transports: ['websocket'], forceNew: true, maxPayload: 2 ** 31 } as never);
  try {
    await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
    const begun = performance.now();
    const count = await new Promise<number>((resolve, reject) => {
      socket.on('watch:snapshot', (snapshot) => !snapshot.partial && resolve(snapshot.items.length));
      socket.once('disconnect', (reason) => reject(new Error(`the socket closed: ${reason}`)));
      const target = { context: 'embedded', version: 'v1', resource: 'pods', view };
      socket.emit('watch:subscribe', { id: 'viewer', target }, (ack) => !ack.ok && reject(new Error(ack.status.message)));
    });
    return { ms: since(begun), count };
  } finally {
    socket.close();
  }
}

async function straight(kubeconfigPath: string): Promise<{ ms: number; count: number }> {
  const direct = directClient(readFileSync(kubeconfigPath, 'utf8'));
  try {
    const begun = performance.now();
    const count = (JSON.parse((await direct.request('GET', '/api/v1/pods')).text) as { items: unknown[] }).items.length;
    return { ms: since(begun), count };
  } finally {
    direct.close();
  }
}

const [mode, where = '', view = 'rows'] = process.argv.slice(2);
(mode === 'socket' ? viaSocket(where, view === 'objects' ? 'objects' : 'rows') : straight(where)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
