import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';

/** One context taken from a kubeconfig or the pod's service account, with a KubeConfig of its own. */
export interface LoadedContext {
  name: string;
  cluster: string;
  namespace: string;
  kubeConfig: KubeConfig;
}

export interface LoadedKubeconfig {
  contexts: LoadedContext[];
  /** `current-context` when it names a context that exists. */
  currentContext?: string;
  /** Files that could not be read; the console starts anyway and logs them. */
  problems: string[];
}

/** The files kubectl reads: `KUBECONFIG` (a list, separated like PATH), else `~/.kube/config`. */
export function kubeconfigFiles(env: Record<string, string | undefined> = process.env, home = homedir()): string[] {
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((file) => file.length > 0);
  return [join(home, '.kube', 'config')];
}

/**
 * client-node refuses plain `http://` servers unless `insecure-skip-tls-verify` is set; kubectl talks to
 * them as they are. With no TLS there is nothing to verify, so the flag changes nothing but lets client-node
 * through.
 */
function plainHttpAllowed(cluster: Cluster): Cluster {
  return cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster;
}

/** A KubeConfig holding just one context, its cluster and its user, with that context current. */
export function singleContextConfig(options: { context: Context; cluster: Cluster; user?: User }): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [plainHttpAllowed(options.cluster)],
    users: options.user ? [options.user] : [],
    contexts: [options.context],
    currentContext: options.context.name,
  });
  return kubeConfig;
}

/**
 * Loads and merges kubeconfig files with kubectl's rules: missing files are skipped, the first file to
 * define a context, cluster or user wins, and `current-context` comes from the first file that sets it.
 * Each context gets its own KubeConfig so that concurrent requests to different clusters never share
 * mutable "current context" state.
 */
export function loadKubeconfigFiles(files: readonly string[]): LoadedKubeconfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  const problems: string[] = [];
  let currentContext: string | undefined;
  for (const file of files) {
    if (!existsSync(file)) continue;
    const config = new KubeConfig();
    try {
      config.loadFromFile(file);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    for (const c of config.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of config.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of config.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    currentContext ||= config.getCurrentContext() || undefined;
  }
  const loaded: LoadedContext[] = [];
  for (const context of contexts.values()) {
    const cluster = clusters.get(context.cluster);
    if (!cluster) {
      problems.push(`context ${JSON.stringify(context.name)} names the cluster ${JSON.stringify(context.cluster)}, which is not defined`);
      continue;
    }
    loaded.push({
      name: context.name,
      cluster: cluster.name,
      namespace: context.namespace || 'default',
      kubeConfig: singleContextConfig({ context, cluster, user: users.get(context.user) }),
    });
  }
  return {
    contexts: loaded,
    currentContext: currentContext && loaded.some((c) => c.name === currentContext) ? currentContext : undefined,
    problems,
  };
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The name the in-cluster context is listed under. */
export const IN_CLUSTER_CONTEXT = 'in-cluster';

/**
 * The pod's own service account, when the console runs inside a cluster: detected as client-go's
 * `rest.InClusterConfig` does, from `KUBERNETES_SERVICE_HOST`/`_PORT` and the mounted token.
 */
export function loadInClusterContext(env: Record<string, string | undefined> = process.env, root = SERVICE_ACCOUNT_DIR): LoadedContext | undefined {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT || !existsSync(join(root, 'token'))) return undefined;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster(root.replace(SERVICE_ACCOUNT_DIR, ''));
  const namespaceFile = join(root, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : 'default';
  return { name: IN_CLUSTER_CONTEXT, cluster: kubeConfig.getCurrentCluster()?.name ?? IN_CLUSTER_CONTEXT, namespace, kubeConfig };
}
