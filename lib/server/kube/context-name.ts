import type { KubeConfig } from '@kubernetes/client-node';

// A registered symbol: the KubeConfig objects are made by the custom server and used by the Next-bundled copy
// of these modules as well, and both must read the same key.
const CONTEXT_NAME = Symbol.for('pilothouse.contextName');

type Named = KubeConfig & { [CONTEXT_NAME]?: string };

/**
 * Marks `kubeConfig` as the console's context `name`. A session's KubeConfig (`withIdentity`) has a context
 * of its own name, so the console's name travels on the object, for what is counted by context.
 */
export function nameContext<T extends KubeConfig>(kubeConfig: T, name: string): T {
  (kubeConfig as Named)[CONTEXT_NAME] = name;
  return kubeConfig;
}

/** The console's name for the context of `kubeConfig`; `unknown` for one the registry did not make. */
export function contextNameOf(kubeConfig: KubeConfig): string {
  return (kubeConfig as Named)[CONTEXT_NAME] ?? 'unknown';
}
