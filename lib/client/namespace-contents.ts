import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { controllerRef, type ControllerRef } from '@/lib/k8s/owner-references';
import type { ObjectMeta } from '@/lib/k8s/types';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { discoveryQueryOptions, type DiscoveredResource } from '@/lib/client/discovery';
import { queryKeys } from '@/lib/client/query-keys';

/** One object found in a namespace. */
export interface ContentItem {
  namespace: string;
  name: string;
  uid?: string;
  finalizers: string[];
  /** Its controller (`ownerReferences[].controller`), which recreates it if it is deleted alone. */
  owner?: ControllerRef;
}

/** The objects of one resource in a namespace, or why they could not be listed (Forbidden, say). */
export interface ContentGroup {
  resource: DiscoveredResource;
  items: ContentItem[];
  error?: string;
}

/**
 * Which resources: `namespaced`, every namespaced resource that can be listed and deleted (what the
 * namespace controller deletes with the namespace); `all`, the `all` category (`kubectl delete all`).
 */
export type ContentSelection = 'namespaced' | 'all';

export function selectResources(resources: readonly DiscoveredResource[], selection: ContentSelection): DiscoveredResource[] {
  return resources.filter((r) => r.namespaced && r.verbs.includes('list') && r.verbs.includes('delete') && (selection === 'namespaced' || r.categories.includes('all')));
}

function itemOf(meta: ObjectMeta | undefined, namespace: string): ContentItem {
  const owner = controllerRef(meta);
  return { namespace, name: meta?.name ?? '', ...(meta?.uid ? { uid: meta.uid } : {}), finalizers: meta?.finalizers ?? [], ...(owner ? { owner } : {}) };
}

/** Lists each resource in the namespace; a resource that cannot be listed keeps its error beside the others. */
export async function fetchNamespaceContents(options: { context: string; namespace: string; resources: readonly DiscoveredResource[]; signal?: AbortSignal }): Promise<ContentGroup[]> {
  const { context, namespace, resources, signal } = options;
  const lists = await Promise.allSettled(resources.map((resource) => apiFetch<{ items?: { metadata?: ObjectMeta }[] }>(k8sUrl(context, resourcePath({ ...resource, namespace })), { signal })));
  return lists.map((result, index) =>
    result.status === 'fulfilled'
      ? { resource: resources[index], items: (result.value.items ?? []).map((item) => itemOf(item.metadata, namespace)) }
      : { resource: resources[index], items: [], error: (result.reason as Error).message },
  );
}

export function namespaceContentsQueryOptions(queryClient: QueryClient, options: { context: string; namespace: string; selection: ContentSelection }) {
  const { context, namespace, selection } = options;
  return queryOptions({
    queryKey: [...queryKeys.cluster(context), 'namespace-contents', namespace, selection] as const,
    queryFn: async ({ signal }) => {
      const discovered = await queryClient.ensureQueryData(discoveryQueryOptions(context));
      return fetchNamespaceContents({ context, namespace, resources: selectResources(discovered, selection), signal });
    },
    staleTime: 0,
  });
}

/** What is in a namespace; `refetchMs` keeps it current (while the namespace terminates, say). */
export function useNamespaceContents(options: { context?: string; namespace?: string; selection: ContentSelection; refetchMs?: number | false }) {
  const queryClient = useQueryClient();
  const { context, namespace, selection, refetchMs } = options;
  return useQuery({
    ...namespaceContentsQueryOptions(queryClient, { context: context ?? '', namespace: namespace ?? '', selection }),
    enabled: Boolean(context && namespace),
    refetchInterval: refetchMs,
  });
}
