/**
 * The `scale` seed for benchmarks: `pods` Running pods spread over `namespaces` namespaces and `nodes`
 * nodes, as Deployments of ten replicas (plus a remainder Deployment), written in process so startup
 * takes seconds rather than ten thousand HTTP round trips.
 */
import { findKind, type KindSpec } from '../kinds';
import type { Registry } from '../registry';
import { workerNode } from './nodes';
import { SeedWriter, type SeedNode } from './workloads';

const NODES = findKind('', 'v1', 'nodes') as KindSpec;
const NAMESPACES = findKind('', 'v1', 'namespaces') as KindSpec;
const ZONES = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
const REPLICAS_PER_DEPLOYMENT = 10;
// A node takes 110 pods (the kubelet's default maxPods); seeds leave headroom for new ones.
const PODS_PER_NODE = 100;

/** Sizes of the scale seed. */
export interface ScaleSeedOptions {
  /** Default 10,000. */
  pods?: number;
  /** Default 10 (named `scale-0` ... `scale-9`). */
  namespaces?: number;
  /** Default: enough for 100 pods per node, at least 3. */
  nodes?: number;
}

/** Seeds the scale cluster into a bootstrapped registry. */
export function seedScale(registry: Registry, options: ScaleSeedOptions = {}, now = new Date()): void {
  const podCount = Math.max(0, options.pods ?? 10_000);
  const namespaceCount = Math.max(1, options.namespaces ?? 10);
  const nodeCount = Math.max(1, options.nodes ?? Math.max(3, Math.ceil(podCount / PODS_PER_NODE)));
  const startedAt = new Date(now.getTime() - 3_600_000);
  const nodes: SeedNode[] = [];
  for (let index = 0; index < nodeCount; index++) {
    const name = `scale-node-${String(index).padStart(4, '0')}`;
    registry.create(NODES, '', workerNode({ name, index, zone: ZONES[index % ZONES.length] ?? 'europe-west1-b', registeredAt: startedAt, heartbeatAt: now }));
    // 10.<244 + i/256>.<i%256>.0/24 keeps every node's pod range distinct past 256 nodes.
    nodes.push({ name, hostIP: `10.132.${index >> 8}.${(index & 255) + 2}`, podPrefix: `10.${244 + (index >> 8)}.${index & 255}.`, nextHost: 2 });
  }
  const seed = new SeedWriter(registry, nodes);
  const namespaces = Array.from({ length: namespaceCount }, (_, i) => `scale-${i}`);
  for (const name of namespaces) registry.create(NAMESPACES, '', { metadata: { name } });
  let remaining = podCount;
  for (let d = 0; remaining > 0; d++) {
    const replicas = Math.min(REPLICAS_PER_DEPLOYMENT, remaining);
    remaining -= replicas;
    const app = `app-${String(d).padStart(4, '0')}`;
    seed.deployment({
      namespace: namespaces[d % namespaces.length] ?? 'default',
      createdAt: startedAt,
      body: {
        metadata: { name: app, labels: { app } },
        spec: {
          replicas,
          selector: { matchLabels: { app } },
          template: {
            metadata: { labels: { app, tier: d % 3 === 0 ? 'frontend' : 'backend' } },
            spec: { containers: [{ name: 'main', image: 'luksa/kubia', ports: [{ containerPort: 8080 }], resources: { requests: { cpu: '5m', memory: '16Mi' } } }] },
          },
        },
      },
    });
  }
}
