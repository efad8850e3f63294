import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { DISCOVERY_ROOTS, resourcePath, splitApiVersion } from '@/lib/k8s/resource-path';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** One resource a cluster serves, as its discovery documents describe it. */
export interface DiscoveredResource extends Pick<ResourceDescriptor, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'> {
  singular: string;
  verbs: string[];
  categories: string[];
}

interface ApiVersions {
  versions?: string[];
}
interface ApiGroupList {
  groups?: { name: string; preferredVersion?: { groupVersion: string } }[];
}
interface ApiResourceList {
  resources?: { name: string; singularName?: string; kind: string; namespaced: boolean; verbs?: string[]; categories?: string[] }[];
}

/**
 * Every top-level resource the cluster serves, at each group's preferred version, found as kubectl and the
 * namespace controller find them: `/api`, `/apis`, then each group-version's resource list. On a real
 * cluster this includes CRDs and aggregated APIs; a group-version that fails to answer is left out, as
 * the namespace controller goes on with the groups it could discover.
 */
export async function fetchDiscovery(context: string, signal?: AbortSignal): Promise<DiscoveredResource[]> {
  const get = <T,>(path: string) => apiFetch<T>(k8sUrl(context, path), { signal });
  const [core, named] = await Promise.all([get<ApiVersions>(DISCOVERY_ROOTS.core), get<ApiGroupList>(DISCOVERY_ROOTS.groups)]);
  const groupVersions = [
    ...(core.versions ?? []).map((version) => ({ group: '', version })),
    ...(named.groups ?? []).flatMap((g) => (g.preferredVersion ? [splitApiVersion(g.preferredVersion.groupVersion)] : [])),
  ];
  const lists = await Promise.allSettled(groupVersions.map(({ group, version }) => get<ApiResourceList>(resourcePath({ group, version }))));
  return lists.flatMap((result, index) => {
    if (result.status === 'rejected') return [];
    const { group, version } = groupVersions[index];
    return (result.value.resources ?? [])
      // Subresources (`pods/log`) are not objects of their own.
      .filter((r) => !r.name.includes('/'))
      .map((r) => ({ group, version, resource: r.name, kind: r.kind, singular: r.singularName || r.kind.toLowerCase(), namespaced: r.namespaced, verbs: r.verbs ?? [], categories: r.categories ?? [] }));
  });
}

export function discoveryQueryOptions(context: string) {
  return queryOptions({
    queryKey: queryKeys.discovery(context),
    queryFn: ({ signal }) => fetchDiscovery(context, signal),
    // Discovery changes rarely (a CRD installed); a minute is what kubectl's memory cache keeps too.
    staleTime: 60_000,
  });
}

export function useDiscovery(context: string | undefined) {
  return useQuery({ ...discoveryQueryOptions(context ?? ''), enabled: Boolean(context) });
}
