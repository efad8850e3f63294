// Measures the scale seed: `npx tsx --expose-gc server/embedded-cluster/seeds/scale-bench.ts [pods]`.
// Prints startup time, heap and RSS growth, and list latency through kubectl and over HTTP.
import https from 'node:https';
import { startEmbeddedCluster } from '../index';
import { createKubectl } from '../testing/kubectl';

const pods = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

gc();
const before = process.memoryUsage();
let t = performance.now();
const cluster = await startEmbeddedCluster({ seed: { name: 'scale', pods } });
console.log(`startEmbeddedCluster with ${pods} pods: ${ms(t)}`);
// Let the controllers' first syncs (statuses of every ReplicaSet and Deployment) finish.
let last = '';
while (last !== cluster.registry.store.currentResourceVersion()) {
  last = cluster.registry.store.currentResourceVersion();
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`settled (controllers idle): ${ms(t)}`);
gc();
const after = process.memoryUsage();
console.log(`heap +${Math.round((after.heapUsed - before.heapUsed) / 2 ** 20)} MiB, rss ${Math.round(after.rss / 2 ** 20)} MiB`);

const kubectl = await createKubectl(cluster);
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const out = await kubectl.ok(['get', 'pods', '-A', '--no-headers'], { timeoutMs: 120_000 });
  console.log(`kubectl get pods -A --no-headers: ${out.stdout.split('\n').filter(Boolean).length} rows in ${ms(t)}`);
}
await kubectl.dispose();

const agent = new https.Agent({ keepAlive: true, ca: cluster.caCert });
const get = (path: string, accept = 'application/json') =>
  new Promise<number>((resolve, reject) => {
    const url = new URL(path, cluster.url);
    const req = https.get(url, { agent, headers: { authorization: `Bearer ${cluster.tokens.admin}`, accept } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
  });
const table = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
for (const [label, path, accept] of [
  ['GET /api/v1/pods (JSON, all)', '/api/v1/pods', undefined],
  ['GET /api/v1/pods?limit=500 (Table, first page)', '/api/v1/pods?limit=500', table],
  ['GET one namespace by label', '/api/v1/namespaces/scale-3/pods?labelSelector=app%3Dapp-0003', undefined],
] as const) {
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const bytes = await get(path, accept);
    console.log(`${label}: ${Math.round(bytes / 1024)} KiB in ${ms(t)}`);
  }
}
agent.destroy();
await cluster.stop();
process.exit(0);
