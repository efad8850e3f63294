import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SchemaLookup } from '@/lib/k8s/manifest-validation';
import type { OpenApiSchemas } from '@/lib/k8s/openapi-types';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** `GET /openapi/v3`: each served group-version and the URL of its document (with a content hash). */
interface OpenApiIndex {
  paths?: Record<string, { serverRelativeURL?: string }>;
}

/** `api/v1` for `v1`, `apis/apps/v1` for `apps/v1`: the index's key of a group-version. */
export const openApiDocPath = (apiVersion: string) => (apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`);

/** The group-versions an index lists, as `apiVersion` spells them (`v1`, `apps/v1`). */
export const servedApiVersions = (index: OpenApiIndex | undefined) =>
  Object.keys(index?.paths ?? {})
    .filter((path) => /^apis?\//.test(path))
    .map((path) => path.replace(/^apis?\//, ''));

export function openApiIndexQueryOptions(context: string) {
  return queryOptions({
    queryKey: [...queryKeys.cluster(context), 'openapi'] as const,
    queryFn: ({ signal }) => apiFetch<OpenApiIndex>(k8sUrl(context, '/openapi/v3'), { signal }),
    // A CRD installed later shows up on the next visit; within a page the schemas hold still.
    staleTime: 5 * 60_000,
  });
}

/** One group-version's component schemas. The URL carries the document's hash, so a cached one never goes stale. */
export function groupVersionSchemasQueryOptions(context: string, url: string) {
  return queryOptions({
    queryKey: [...queryKeys.cluster(context), 'openapi', url] as const,
    queryFn: async ({ signal }) => (await apiFetch<{ components?: { schemas?: OpenApiSchemas } }>(k8sUrl(context, url), { signal })).components?.schemas ?? {},
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

export interface ClusterSchemas {
  /** The schemas of a group-version: `null` when not served, `undefined` while loading. */
  lookup: SchemaLookup;
  /** Every group-version the cluster serves, once the index is in. */
  apiVersions: string[];
  /** The index failed to load (the cluster or the proxy refused): checks are syntax-only. */
  error?: Error;
  indexReady: boolean;
}

/**
 * The selected context's own OpenAPI v3, through the console's proxy and cached per context: the index at
 * once, then the documents of the group-versions the manifest uses (on a real cluster, CRDs included).
 */
export function useClusterSchemas(context: string | undefined, apiVersions: readonly string[]): ClusterSchemas {
  const index = useQuery({ ...openApiIndexQueryOptions(context ?? ''), enabled: Boolean(context) });
  const urls = apiVersions.map((v) => index.data?.paths?.[openApiDocPath(v)]?.serverRelativeURL);
  const docs = useQueries({
    queries: urls.map((url) => ({ ...groupVersionSchemasQueryOptions(context ?? '', url ?? ''), enabled: Boolean(context && url) })),
  });
  const byVersion = new Map(apiVersions.map((v, i) => [v, docs[i]?.data]));
  const key = apiVersions.map((v, i) => `${v}=${urls[i] ?? '-'}:${docs[i]?.dataUpdatedAt ?? 0}`).join(',');
  const indexData = index.data;
  const lookup = useCallback<SchemaLookup>(
    (apiVersion) => {
      if (!indexData) return undefined;
      if (!indexData.paths?.[openApiDocPath(apiVersion)]) return null;
      return byVersion.get(apiVersion);
    },
    // The map is rebuilt each render; `key` says when its content changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [indexData, key],
  );
  return { lookup, apiVersions: servedApiVersions(indexData), error: index.error ?? undefined, indexReady: Boolean(indexData) };
}
