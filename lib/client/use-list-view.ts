'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { listViewSearch, parseListView, type ListView, type ListViewSpec } from '@/lib/contract/list-view';
import { followUrl } from '@/lib/client/url-view-state';

/**
 * A list page's view and its setter; the URL is the state. A change shows in the same render and is
 * written with the History API (a view change asks the server for nothing); `followUrl` decides whether a
 * URL Next reports is a late echo of ours or real navigation.
 */
export function useListView<S extends string>(spec: ListViewSpec<S>): [ListView<S>, (changes: Partial<ListView<S>>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const search = params.toString();
  const [state, setState] = useState(() => ({ url: search, view: parseListView(spec, params) }));

  const next = followUrl(state, { search, addressBar: typeof window === 'undefined' ? search : window.location.search.replace(/^\?/, '') }, {
    parse: (text) => parseListView(spec, new URLSearchParams(text)),
    serialize: (view) => listViewSearch(spec, view),
  });
  // React renders again at once with the new state.
  if (next !== state) setState(next);

  const setView = (changes: Partial<ListView<S>>) => {
    const view = { ...next.view, ...changes };
    setState({ url: next.url, view });
    const query = listViewSearch(spec, view);
    window.history.replaceState(null, '', `${pathname}${query ? `?${query}` : ''}`);
  };
  return [next.view, setView];
}
