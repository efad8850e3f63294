import type { KubeConfig } from '@kubernetes/client-node';
import { failureStatus } from '@/lib/contract/status';
import { KubeStatusError } from '@/lib/server/errors';
import { resourcePath, splitApiVersion } from '@/lib/k8s/resource-path';
import { kubeJson } from '@/lib/server/kube/kube-json';

/** Where a kind lives in the API: its plural resource and whether it is namespaced. */
export interface ResourceMapping {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

const CACHE_TTL_MS = 60_000;
// Per KubeConfig (one per context) so clusters never share answers; discovery changes rarely, and a miss
// refetches at once so a CRD installed a moment ago is still found.
const cache = new WeakMap<KubeConfig, Map<string, { at: number; list: ApiResourceList }>>();


async function resourceList(kubeConfig: KubeConfig, apiVersion: string, fresh: boolean): Promise<ApiResourceList> {
  let perContext = cache.get(kubeConfig);
  if (!perContext) cache.set(kubeConfig, (perContext = new Map()));
  const hit = perContext.get(apiVersion);
  if (hit && !fresh && Date.now() - hit.at < CACHE_TTL_MS) return hit.list;
  const { group, version } = splitApiVersion(apiVersion);
  const list = await kubeJson<ApiResourceList>(kubeConfig, { method: 'GET', path: resourcePath({ group, version }) });
  perContext.set(apiVersion, { at: Date.now(), list });
  return list;
}

/**
 * Finds the resource for a kind through the API server's discovery, as kubectl's RESTMapper does. An
 * unknown kind or version is a 404 Status with kubectl's "no matches for kind" wording.
 */
export async function findResource(kubeConfig: KubeConfig, apiVersion: string, kind: string): Promise<ResourceMapping> {
  const { group, version } = splitApiVersion(apiVersion);
  const notFound = () =>
    new KubeStatusError(failureStatus({ code: 404, reason: 'NotFound', message: `no matches for kind "${kind}" in version "${apiVersion}"` }));
  for (const fresh of [false, true]) {
    let list: ApiResourceList;
    try {
      list = await resourceList(kubeConfig, apiVersion, fresh);
    } catch (error) {
      if ((error as KubeStatusError).status?.code === 404) throw notFound();
      throw error;
    }
    // Subresources (`pods/log`) share the kind of their parent; only top-level resources can be created.
    const match = list.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    if (match) return { group, version, resource: match.name, namespaced: match.namespaced };
  }
  throw notFound();
}
