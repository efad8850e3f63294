import { findKind, type KindSpec } from './kinds';
import type { Registry } from './registry';
import { resourceKey } from './kinds';

/** The namespaces every cluster starts with. */
export const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * What a fresh kube-apiserver and its controllers create on their own: the four system namespaces,
 * each with its `default` ServiceAccount, and the `kubernetes` Service in `default`.
 */
export function bootstrap(registry: Registry): void {
  const namespaces = findKind('', 'v1', 'namespaces') as KindSpec;
  for (const name of INITIAL_NAMESPACES) {
    if (!registry.store.get(resourceKey(namespaces), '', name)) registry.create(namespaces, '', { metadata: { name } });
  }
  const services = findKind('', 'v1', 'services') as KindSpec;
  registry.create(services, 'default', kubernetesService());
}

/** The `kubernetes` Service body the API server keeps in `default` (its bootstrap controller recreates it). */
export function kubernetesService(): { metadata: Record<string, unknown>; spec: Record<string, unknown> } {
  return {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
}
