import { KubeConfig } from '@kubernetes/client-node';
import { singleContextConfig, type LoadedContext } from './kubeconfig-sources';

/** The embedded cluster as the registry needs it: its kubeconfig, its read-only token, and a way to stop it. */
export interface EmbeddedHandle {
  kubeconfigYaml: string;
  tokens: { viewer: string };
  stop(): Promise<void>;
}

export const EMBEDDED_CONTEXT = 'embedded';
export const EMBEDDED_VIEWER_CONTEXT = 'embedded-viewer';

/**
 * Contexts for a started embedded cluster, from its kubeconfig like any other cluster's: `embedded` as the
 * kubeconfig's user and, when asked for, `embedded-viewer` with the same cluster (server and CA) and the
 * read-only token. From here on it is reached over HTTPS like any cluster.
 */
export function embeddedContexts(handle: EmbeddedHandle, withViewer: boolean): LoadedContext[] {
  const source = new KubeConfig();
  source.loadFromString(handle.kubeconfigYaml);
  const cluster = source.getCurrentCluster();
  const user = source.getCurrentUser();
  if (!cluster || !user) throw new Error('the embedded cluster kubeconfig has no current cluster or user');
  const make = (name: string, token: string | undefined): LoadedContext => {
    const context = { name, cluster: cluster.name, user: name, namespace: 'default' };
    const kubeConfig = singleContextConfig({ context, cluster, user: { ...user, name, token } });
    return { name, cluster: EMBEDDED_CONTEXT, namespace: 'default', kubeConfig };
  };
  const contexts = [make(EMBEDDED_CONTEXT, user.token)];
  if (withViewer) contexts.push(make(EMBEDDED_VIEWER_CONTEXT, handle.tokens.viewer));
  return contexts;
}
