import type { KubeConfig, KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import { BffError, isKubeStatusError } from '@/lib/server/errors';
import { kubeResponseError } from '@/lib/server/kube/kube-json';
import { readResponseBody, upstreamRequest } from '@/lib/server/kube/upstream-request';

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
  /** Ends the list between pages and aborts the pages in flight: nobody waits for it any more. */
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

type List = KubernetesListObject<KubernetesObject>;
const isExpired = (error: unknown) => isKubeStatusError(error) && error.status.code === 410;
/** The API server writes a list's metadata before its items; a continue token is in the first bytes. */
const CONTINUE = /"continue":"([^"\\]+)"/;
const HEAD_LIMIT = 4096;
const BODY_LIMIT = 256 * 1024 * 1024;

interface PageRequest {
  /** The page's continue token, once the start of its body shows it (undefined: none seen there). */
  token: Promise<string | undefined>;
  list: Promise<List>;
}

/** GETs one page, telling its continue token as soon as the metadata at the start of the body arrives. */
function requestPage(options: { kubeConfig: KubeConfig; path: string; headers?: Record<string, string>; signal: AbortSignal }): PageRequest {
  let tell: (token: string | undefined) => void = () => {};
  const token = new Promise<string | undefined>((resolve) => (tell = resolve));
  const read = async () => {
    const { kubeConfig, path, headers, signal } = options;
    signal.throwIfAborted();
    const res = await upstreamRequest(kubeConfig, { method: 'GET', path, headers: { accept: 'application/json', ...headers }, signal });
    const code = res.statusCode ?? 500;
    if (code < 200 || code >= 300) {
      const text = (await readResponseBody(res)).toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw kubeResponseError({ code, statusMessage: res.statusMessage, text, parsed });
    }
    const drop = () => res.destroy(new BffError('UpstreamUnreachable', 'the request was cancelled'));
    signal.addEventListener('abort', drop, { once: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let head: string | undefined = '';
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > BODY_LIMIT) throw new BffError('BodyTooLarge', `the API server's answer is larger than ${BODY_LIMIT} bytes`);
        chunks.push(chunk);
        if (head === undefined) continue;
        // The metadata is ASCII: latin1 cannot split a character across chunks.
        head += chunk.toString('latin1', 0, Math.min(chunk.length, HEAD_LIMIT));
        const items = head.indexOf('"items"');
        const found = CONTINUE.exec(items === -1 ? head : head.slice(0, items));
        if (found || items !== -1 || head.length >= HEAD_LIMIT) {
          tell(found?.[1]);
          head = undefined;
        }
      }
    } finally {
      signal.removeEventListener('abort', drop);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as List;
  };
  // However the page ends (a 410 before any body, too), whoever waits for its token hears.
  const list = read().finally(() => tell(undefined));
  // A page asked for ahead may be abandoned (an earlier one failed): its failure is nobody's.
  list.catch(() => undefined);
  return { token, list };
}

/**
 * Lists as client-go's pager does: `limit=500` pages chained by `continue`, every page at the revision of
 * the first, so the BFF never parses one 150 MB answer and can show the first page while the rest loads.
 * Unlike the pager, the next page is asked for as soon as the current one's token arrives (the metadata
 * comes before the items), so the API server serves page n+1 while the BFF parses page n. A continue token
 * that expired meanwhile (410 Expired: the API server compacted its revision) falls back to one full list,
 * as the pager's `FullListIfExpired` does.
 */
export async function pagedList(options: PagedListOptions): Promise<List> {
  const { kubeConfig, path, headers, transform, onPage } = options;
  // Aborts a page asked for ahead when the list ends otherwise (an error, the 410 fallback).
  const local = new AbortController();
  const stop = () => local.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  const get = (query: Record<string, string>) => requestPage({ kubeConfig, path: `${path}?${new URLSearchParams(query)}`, headers, signal: local.signal });
  const limit = String(options.pageSize ?? LIST_PAGE_SIZE);
  try {
    let items: KubernetesObject[] = [];
    let last: List | undefined;
    let token: string | undefined;
    let next: PageRequest | undefined = get({ limit });
    while (next) {
      const current: PageRequest = next;
      next = undefined;
      const early = await current.token;
      if (early) next = get({ limit, continue: early });
      try {
        last = await current.list;
      } catch (error) {
        if (!token || !isExpired(error)) throw error;
        last = await get({}).list;
        items = (last.items ?? []).map(transform);
        onPage?.({ items, resourceVersion: last.metadata?.resourceVersion ?? '', restart: true, more: false });
        break;
      }
      // Raw JSON: the field is `continue` (client-node's typed models call it `_continue`).
      token = (last.metadata as { continue?: string } | undefined)?.continue || undefined;
      if (token && !next) next = get({ limit, continue: token });
      const page = (last.items ?? []).map(transform);
      for (const item of page) items.push(item);
      onPage?.({ items: page, resourceVersion: last.metadata?.resourceVersion ?? '', restart: false, more: token !== undefined });
    }
    const whole = last as List;
    return { ...whole, items, metadata: { resourceVersion: whole.metadata?.resourceVersion } };
  } finally {
    options.signal?.removeEventListener('abort', stop);
    stop();
  }
}
