/**
 * The `demo` seed: a small cluster that looks like the one in Kubernetes in Action's "Pods" chapter.
 * Three GKE-style workers (the book labels `gke-kubia-85f6-node-0rrx` with gpu=true, so none has it
 * yet), the pod `kubia-zxzij` labelled `run=kubia` that `kubectl run kubia` left running, a
 * `kubernetes-bootcamp` Deployment, kube-system's CoreDNS Deployment and a kube-proxy per node, a
 * `team-a` namespace where the static users alice and bob have rights (team-access.ts), and one
 * Secret whose value is known, so tests can show that the console never lets it out unasked.
 */
import { findKind, resourceKey, type KindSpec } from '../kinds';
import type { Registry } from '../registry';
import type { KubeObject } from '../types';
import { workerNode } from './nodes';
import { seedTeamAccess } from './team-access';
import { backdate, SeedWriter, type SeedNode } from './workloads';

const NODES = findKind('', 'v1', 'nodes') as KindSpec;
const NAMESPACES = findKind('', 'v1', 'namespaces') as KindSpec;
const SERVICES = findKind('', 'v1', 'services') as KindSpec;
const SECRETS = findKind('', 'v1', 'secrets') as KindSpec;
const SYSTEM_SERVICES: [string, string][] = [
  ['default', 'kubernetes'],
  ['kube-system', 'kube-dns'],
];
const HOUR = 3_600_000;

/** The book's node names. */
export const DEMO_NODE_NAMES = ['gke-kubia-85f6-node-0rrx', 'gke-kubia-85f6-node-heo1', 'gke-kubia-85f6-node-vs9f'];

/** The demo seed's Secret: `kubectl create secret generic kubia-credentials --from-literal=...`. */
export const DEMO_SECRET = { namespace: 'default', name: 'kubia-credentials', data: { username: 'kubia', password: 'demo-password-7f3a9c' } } as const;

/** Seeds the demo cluster into a bootstrapped registry. */
export function seedDemo(registry: Registry, now = new Date()): void {
  const clusterStart = new Date(now.getTime() - 49 * HOUR);
  // The cluster has been up two days: the system namespaces are as old as it.
  for (const ns of registry.store.list(resourceKey(NAMESPACES))) registry.store.put(resourceKey(NAMESPACES), backdate(ns, clusterStart));
  const nodes: SeedNode[] = DEMO_NODE_NAMES.map((name, index) => {
    registry.create(NODES, '', workerNode({ name, index, zone: 'europe-west1-b', registeredAt: clusterStart, heartbeatAt: now }));
    registry.store.put(resourceKey(NODES), backdate(registry.get(NODES, '', name), clusterStart));
    return { name, hostIP: `10.132.0.${index + 2}`, podPrefix: `10.244.${index}.`, nextHost: 2 };
  });
  const seed = new SeedWriter(registry, nodes);
  const systemStart = new Date(clusterStart.getTime() + 60_000);

  seed.deployment({ namespace: 'kube-system', createdAt: systemStart, body: coreDns() });
  registry.create(SERVICES, 'kube-system', {
    metadata: { name: 'kube-dns', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  for (const [namespace, name] of SYSTEM_SERVICES) {
    registry.store.put(resourceKey(SERVICES), backdate(registry.get(SERVICES, namespace, name), clusterStart));
  }
  for (const node of nodes) {
    seed.pod({ namespace: 'kube-system', body: kubeProxy(node.name), startedAt: systemStart, hostNetwork: true, node });
  }

  seed.pod({
    namespace: 'default',
    startedAt: new Date(now.getTime() - 24 * HOUR),
    node: nodes[0],
    body: {
      metadata: { name: 'kubia-zxzij', labels: { run: 'kubia' } },
      spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
    },
  });
  registry.create(SECRETS, DEMO_SECRET.namespace, { metadata: { name: DEMO_SECRET.name }, type: 'Opaque', stringData: DEMO_SECRET.data });
  registry.store.put(resourceKey(SECRETS), backdate(registry.get(SECRETS, DEMO_SECRET.namespace, DEMO_SECRET.name), new Date(now.getTime() - 25 * HOUR)));
  seed.deployment({
    namespace: 'default',
    createdAt: new Date(now.getTime() - 26 * HOUR),
    body: {
      metadata: { name: 'kubernetes-bootcamp', labels: { app: 'kubernetes-bootcamp' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'kubernetes-bootcamp' } },
        template: {
          metadata: { labels: { app: 'kubernetes-bootcamp' } },
          spec: { containers: [{ name: 'kubernetes-bootcamp', image: 'gcr.io/google-samples/kubernetes-bootcamp:v1', ports: [{ containerPort: 8080 }] }] },
        },
      },
    },
  });
  seedTeamAccess(registry, new Date(now.getTime() - 25 * HOUR));
}

function coreDns(): KubeObject {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    metadata: { name: 'coredns', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: 'default',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
        },
      },
    },
  };
}

// kube-proxy runs as a DaemonSet, a kind this cluster does not serve, so its pods are seeded bare.
function kubeProxy(node: string): KubeObject {
  return {
    metadata: { generateName: 'kube-proxy-', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      hostNetwork: true,
      nodeName: node,
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'kube-proxy',
          image: 'registry.k8s.io/kube-proxy:v1.32.4',
          command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', `--hostname-override=${node}`],
          resources: { requests: { cpu: '100m' } },
          securityContext: { privileged: true },
        },
      ],
    },
  };
}
