import type { Cluster, Context, User } from '@kubernetes/client-node';
import { singleContextConfig, type LoadedContext } from './kubeconfig-sources';

/** The embedded cluster as the registry needs it: where it listens and its two tokens. */
export interface EmbeddedHandle {
  url: string;
  tokens: { admin: string; viewer: string };
  stop(): Promise<void>;
}

export const EMBEDDED_CONTEXT = 'embedded';
export const EMBEDDED_VIEWER_CONTEXT = 'embedded-viewer';

/**
 * Contexts for a started embedded cluster: `embedded` with the admin token and, when asked for,
 * `embedded-viewer` with the read-only one. From here on it is a cluster like any other, reached over HTTP.
 */
export function embeddedContexts(handle: EmbeddedHandle, withViewer: boolean): LoadedContext[] {
  const cluster: Cluster = { name: EMBEDDED_CONTEXT, server: handle.url, skipTLSVerify: false };
  const make = (name: string, token: string): LoadedContext => {
    const user: User = { name, token };
    const context: Context = { name, cluster: cluster.name, user: name, namespace: 'default' };
    return { name, cluster: cluster.name, namespace: 'default', kubeConfig: singleContextConfig({ context, cluster, user }) };
  };
  const contexts = [make(EMBEDDED_CONTEXT, handle.tokens.admin)];
  if (withViewer) contexts.push(make(EMBEDDED_VIEWER_CONTEXT, handle.tokens.viewer));
  return contexts;
}
