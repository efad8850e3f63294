/**
 * The scheduling preview's cost on a large cluster, in Node (the logic is the same code the browser
 * runs): one pod previewed against `nodes` nodes carrying `pods` pods, pods grouped by node first as the
 * preview's caller once did on every change (it now keeps a PodsByNodeIndex). The browser: scheduling-browser-bench.ts.
 */
import { groupPodsByNode } from '../lib/k8s/scheduling/pods-by-node';
import { previewScheduling } from '../lib/k8s/scheduling/preview';
import type { Node, Pod } from '../lib/k8s/types';
import { median, since } from './stats';

function cluster(nodeCount: number, podCount: number): { nodes: Node[]; pods: Pod[] } {
  const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => ({
    metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, zone: `zone-${i % 3}`, ...(i % 10 === 0 ? { disk: 'ssd' } : {}) } },
    spec: i % 50 === 0 ? { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } : {},
    status: {
      allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      images: [{ names: ['docker.io/luksa/kubia:latest', 'luksa/kubia:latest'], sizeBytes: 250_000_000 }],
    },
  }));
  const pods: Pod[] = Array.from({ length: podCount }, (_, i) => ({
    metadata: { name: `pod-${i}`, namespace: `ns-${i % 10}` },
    spec: {
      nodeName: `node-${i % nodeCount}`,
      containers: [{ name: 'app', image: 'luksa/kubia', resources: { requests: { cpu: `${50 + (i % 7) * 10}m`, memory: `${64 + (i % 5) * 32}Mi` } }, ports: i % 100 === 0 ? [{ containerPort: 8080, hostPort: 8080 }] : undefined }],
    },
    status: { phase: 'Running' },
  }));
  return { nodes, pods };
}

/**
 * Milliseconds of grouping + preview, medians over `runs` runs after one warm-up: `warm` with the same
 * pod objects (a watch event changed one pod: the others keep their remembered requests), `cold` with
 * fresh copies of every pod (after a relist).
 */
export function benchSchedulingPreview(options: { nodes: number; pods: number; runs: number }): { warmMs: number; coldMs: number; coldMaxMs: number; feasible: number } {
  const { nodes, pods } = cluster(options.nodes, options.pods);
  const pod: Pod = {
    metadata: { name: 'kubia-ssd', namespace: 'default' },
    spec: {
      containers: [{ name: 'kubia', image: 'luksa/kubia', resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } },
    },
  };
  const run = () => previewScheduling({ pod, nodes, podsByNode: groupPodsByNode(pods) });
  const feasible = run().feasibleCount;
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    let start = performance.now();
    run();
    warm.push(since(start));
    const fresh = pods.map((p) => ({ ...p }));
    start = performance.now();
    previewScheduling({ pod, nodes, podsByNode: groupPodsByNode(fresh) });
    cold.push(since(start));
  }
  return { warmMs: median(warm), coldMs: median(cold), coldMaxMs: Math.max(...cold), feasible };
}

if (process.argv[1]?.endsWith('scheduling-bench.ts')) {
  const result = benchSchedulingPreview({ nodes: 1_000, pods: 50_000, runs: 10 });
  process.stdout.write(`scheduling preview, 1,000 nodes / 50,000 pods: warm ${result.warmMs} ms, cold ${result.coldMs} ms (max ${result.coldMaxMs}), ${result.feasible} nodes fit\n`);
}
