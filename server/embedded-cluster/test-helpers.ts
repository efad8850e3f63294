import { CoreV1Api, KubeConfig, KubernetesObjectApi, type V1Pod } from '@kubernetes/client-node';
import { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from './index';
import { rawRequest, type RawResponse } from './testing/raw-request';

/** A fresh cluster and client-node clients configured from its kubeconfig, as an app would build them. */
export interface TestCluster {
  cluster: EmbeddedCluster;
  kc: KubeConfig;
  core: CoreV1Api;
  objects: KubernetesObjectApi;
  /** A raw HTTPS request with the admin token (or another via `token`, none with `null`). */
  request(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer; token?: string | null },
  ): Promise<RawResponse>;
}

/** Starts a cluster on a free port; stop it with `cluster.stop()`. */
export async function startTestCluster(options: EmbeddedClusterOptions = {}): Promise<TestCluster> {
  const cluster = await startEmbeddedCluster({ port: 0, ...options });
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfigYaml);
  return {
    cluster,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
    request: (path, init = {}) => {
      const { token = cluster.tokens.admin, ...rest } = init;
      return rawRequest(cluster, { ...rest, path, token: token ?? undefined });
    },
  };
}

/** The metav1.Status of a failed client-node call (its ApiException carries the body as text). */
export async function statusOf(promise: Promise<unknown>): Promise<{ code: number; reason: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { code?: number; body?: unknown };
    const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
    return body as { code: number; reason: string; message: string };
  }
  throw new Error('expected the call to fail');
}

/** A minimal valid pod body. */
export function podBody(name: string, extra: Partial<V1Pod> = {}): V1Pod {
  return { metadata: { name }, spec: { containers: [{ name: 'main', image: 'luksa/kubia' }] }, ...extra };
}
