import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterContext } from '@/lib/contract/contexts';
import type { Identity } from '@/lib/server/auth/identity';

/** A context ready to use: what it is, and a KubeConfig whose current context is this one. */
export interface ResolvedContext {
  info: ClusterContext;
  kubeConfig: KubeConfig;
}

/**
 * Every cluster the console can reach. Built by the custom server (which alone may start the embedded
 * cluster) and shared with route handlers through the runtime registry.
 */
export interface ContextRegistry {
  list(): ClusterContext[];
  defaultContext(): string | null;
  /**
   * The context named `name`, started if it needs to be (the embedded cluster starts on first use).
   * Throws `BffError('ContextNotFound')` for an unknown name. With `identity` (a team mode), the context's
   * KubeConfig acts as that user (`withIdentity`); without it, with the context's own credentials.
   */
  resolve(name: string, identity?: Identity): Promise<ResolvedContext>;
  /** Stops what the registry started (the embedded cluster). */
  close(): Promise<void>;
}
