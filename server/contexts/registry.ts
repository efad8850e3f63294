import type { ClusterContext, ContextSource } from '@/lib/contract/contexts';
import type { ContextRegistry, ResolvedContext } from '@/lib/server/contexts/registry-types';
import { withIdentity } from '@/lib/server/contexts/with-identity';
import { nameContext } from '@/lib/server/kube/context-name';
import { BffError } from '@/lib/server/errors';
import { EMBEDDED_CONTEXT, EMBEDDED_VIEWER_CONTEXT, embeddedContexts, type EmbeddedHandle } from './embedded-contexts';
import { kubeconfigFiles, loadInClusterContext, loadKubeconfigFiles, type LoadedContext } from './kubeconfig-sources';

export interface RegistryOptions {
  env?: Record<string, string | undefined>;
  /** Starts the embedded cluster; called once, on the first request for an embedded context. */
  startEmbedded: () => Promise<EmbeddedHandle>;
  log?: Pick<Console, 'warn'>;
}

interface Entry {
  info: Omit<ClusterContext, 'isDefault'>;
  /** Loaded up front, or (embedded) on first use. */
  load: () => Promise<LoadedContext>;
}

/**
 * The contexts of this console: the kubeconfig's (as kubectl finds it), the pod's service account when
 * running in a cluster, and the embedded cluster unless `PILOTHOUSE_EMBEDDED=false`. The default is the
 * kubeconfig's current context, else the in-cluster one, else the embedded cluster.
 */
export function createContextRegistry(options: RegistryOptions): ContextRegistry {
  const env = options.env ?? process.env;
  const kubeconfig = loadKubeconfigFiles(kubeconfigFiles(env));
  for (const problem of kubeconfig.problems) options.log?.warn(`kubeconfig: ${problem}`);
  const entries = new Map<string, Entry>();
  const add = (loaded: LoadedContext, source: ContextSource) => {
    if (entries.has(loaded.name)) return;
    entries.set(loaded.name, {
      info: { name: loaded.name, cluster: loaded.cluster, namespace: loaded.namespace, source },
      load: async () => loaded,
    });
  };
  kubeconfig.contexts.forEach((loaded) => add(loaded, 'kubeconfig'));
  const inCluster = loadInClusterContext(env);
  if (inCluster) add(inCluster, 'in-cluster');

  let embedded: Promise<EmbeddedHandle> | undefined;
  const withViewer = env.PILOTHOUSE_EMBEDDED_VIEWER === 'true';
  const startEmbedded = () => {
    embedded ??= options.startEmbedded().catch((error: unknown) => {
      embedded = undefined; // the next request tries again
      throw new BffError('ContextUnavailable', `the embedded cluster did not start: ${(error as Error).message}`, { cause: error });
    });
    return embedded;
  };
  if (env.PILOTHOUSE_EMBEDDED !== 'false') {
    const names = withViewer ? [EMBEDDED_CONTEXT, EMBEDDED_VIEWER_CONTEXT] : [EMBEDDED_CONTEXT];
    names.forEach((name, i) => {
      if (entries.has(name)) {
        options.log?.warn(`a kubeconfig context is named ${JSON.stringify(name)}; the embedded cluster's context of that name is hidden`);
        return;
      }
      entries.set(name, {
        info: { name, cluster: EMBEDDED_CONTEXT, namespace: 'default', source: 'embedded' },
        load: async () => embeddedContexts(await startEmbedded(), withViewer)[i],
      });
    });
  }

  const defaultName = kubeconfig.currentContext ?? inCluster?.name ?? (entries.has(EMBEDDED_CONTEXT) ? EMBEDDED_CONTEXT : null);
  const resolved = new Map<string, Promise<ResolvedContext>>();

  return {
    list: () => [...entries.values()].map((entry) => ({ ...entry.info, isDefault: entry.info.name === defaultName })),
    defaultContext: () => defaultName,
    async resolve(name, identity) {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new BffError('ContextNotFound', `context ${JSON.stringify(name)} not found`));
      let promise = resolved.get(name);
      if (!promise) {
        promise = entry.load().then((loaded) => ({ info: { ...entry.info, isDefault: name === defaultName }, kubeConfig: nameContext(loaded.kubeConfig, name) }));
        promise.catch(() => resolved.delete(name));
        resolved.set(name, promise);
      }
      if (!identity) return promise;
      const context = await promise;
      return { info: context.info, kubeConfig: nameContext(withIdentity(context.kubeConfig, identity), name) };
    },
    async close() {
      const handle = embedded;
      embedded = undefined;
      await (await handle?.catch(() => undefined))?.stop();
    },
  };
}
