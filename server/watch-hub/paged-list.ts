import type { KubeConfig, KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import { isKubeStatusError } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';

/** client-go's pager page size (`pager.defaultPageSize`), which the reflector lists with. */
export const LIST_PAGE_SIZE = 500;

export interface PagedListOptions {
  kubeConfig: KubeConfig;
  /** List path, e.g. `/api/v1/pods`. */
  path: string;
  headers?: Record<string, string>;
  /** Applied to every item as it arrives (the lean cache, Secret redaction). */
  transform: (object: KubernetesObject) => KubernetesObject;
  /** Objects per page; client-go's 500 unless a test says otherwise. */
  pageSize?: number;
  /** Hears each page as it arrives. */
  onPage?: (page: ListPage) => void;
  /** Ends the list between pages and aborts the page in flight: nobody waits for it any more. */
  signal?: AbortSignal;
}

/** One page of a paged list, as `onPage` hears it. */
export interface ListPage {
  items: KubernetesObject[];
  /** The revision of the whole list (every page is read at the first page's). */
  resourceVersion: string;
  /** A 410 forced a full list: its items replace every page heard before. */
  restart: boolean;
  /** More pages follow (the page had a continue token). */
  more: boolean;
}

const isExpired = (error: unknown) => isKubeStatusError(error) && error.status.code === 410;

/**
 * Lists as client-go's pager does: `limit=500` pages chained by `continue`, every page at the revision of
 * the first, so the BFF never parses one 150 MB answer and can show the first page while the rest loads.
 * A continue token that expired meanwhile (410 Expired: the API server compacted its revision) falls back
 * to one full list, as the pager's `FullListIfExpired` does.
 */
export async function pagedList(options: PagedListOptions): Promise<KubernetesListObject<KubernetesObject>> {
  const { kubeConfig, path, headers, transform, onPage, signal } = options;
  const get = (query: string) => {
    signal?.throwIfAborted();
    return kubeJson<KubernetesListObject<KubernetesObject>>(kubeConfig, { method: 'GET', path: `${path}?${query}`, headers, signal });
  };
  let items: KubernetesObject[] = [];
  let token: string | undefined;
  let last: KubernetesListObject<KubernetesObject>;
  do {
    const query = new URLSearchParams({ limit: String(options.pageSize ?? LIST_PAGE_SIZE), ...(token ? { continue: token } : {}) });
    try {
      last = await get(query.toString());
    } catch (error) {
      if (!token || !isExpired(error)) throw error;
      last = await get('');
      items = (last.items ?? []).map(transform);
      onPage?.({ items, resourceVersion: last.metadata?.resourceVersion ?? '', restart: true, more: false });
      break;
    }
    const page = (last.items ?? []).map(transform);
    for (const item of page) items.push(item);
    // Raw JSON: the field is `continue` (client-node's typed models call it `_continue`).
    token = (last.metadata as { continue?: string } | undefined)?.continue || undefined;
    onPage?.({ items: page, resourceVersion: last.metadata?.resourceVersion ?? '', restart: false, more: token !== undefined });
  } while (token);
  return { ...last, items, metadata: { resourceVersion: last.metadata?.resourceVersion } };
}
