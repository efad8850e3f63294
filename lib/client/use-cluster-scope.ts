'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import type { ClusterContext } from '@/lib/contract/contexts';
import { useContexts } from '@/lib/client/contexts-query';

export interface ClusterScope {
  contexts: ClusterContext[];
  /** The context in effect: the URL's, else the default. Undefined while contexts load or when there are none. */
  context?: ClusterContext;
  /**
   * The name of the context in effect as soon as it is known: the URL's at once, before the contexts arrive,
   * so a live list subscribes without waiting for them (the BFF refuses a context it does not have, and the
   * page says so once the contexts are in); else the default, once they are in.
   */
  contextName?: string;
  /**
   * The namespace in effect: the URL's (`_all` for every namespace), known at once; else the context's
   * default, once the contexts are in.
   */
  namespace?: string;
  loading: boolean;
  error?: Error;
  /** The URL with these scope parameters changed (others kept), for links and navigation. */
  href: (changes: { context?: string; namespace?: string }) => string;
  setContext: (context: string) => void;
  setNamespace: (namespace: string) => void;
}

/** A namespaced object's page, `/{section}/{namespace}/{name}`, is in that namespace whatever the query says. */
function detailNamespace(pathname: string): string | undefined {
  const segments = pathname.split('/');
  return segments.length === 4 && segments[2] ? decodeURIComponent(segments[2]) : undefined;
}

/**
 * The cluster context and namespace a page works in. Both live in the URL (`?context=&namespace=`), so a
 * link carries them; the header pickers and every page read them through this one hook.
 */
export function useClusterScope(): ClusterScope {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const { data, isPending, error } = useContexts();
  const contexts = data?.contexts ?? [];
  const wanted = params.get('context') ?? data?.defaultContext ?? undefined;
  const context = contexts.find((c) => c.name === wanted);
  const namespace = detailNamespace(pathname) ?? params.get('namespace') ?? context?.namespace;

  const href = useCallback(
    (changes: { context?: string; namespace?: string }) => {
      // A detail page belongs to one object; a new scope goes back to the section's list.
      const section = `/${pathname.split('/')[1] ?? ''}`;
      const next = new URLSearchParams(changes.context !== undefined ? '' : params.toString());
      if (changes.context !== undefined) next.set('context', changes.context);
      else if (params.get('context')) next.set('context', params.get('context')!);
      if (changes.namespace !== undefined) next.set('namespace', changes.namespace);
      const path = changes.context !== undefined || changes.namespace !== undefined ? section : pathname;
      const qs = next.toString();
      return qs ? `${path}?${qs}` : path;
    },
    [params, pathname],
  );

  return {
    contexts,
    context,
    contextName: isPending ? (params.get('context') ?? undefined) : context?.name,
    namespace,
    loading: isPending,
    error: error ?? undefined,
    href,
    setContext: (name) => router.push(href({ context: name })),
    setNamespace: (name) => router.push(href({ namespace: name })),
  };
}
