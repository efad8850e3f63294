'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { parsePodsView, podsViewSearch, type PodsView } from '@/lib/contract/pods-view';

/**
 * The pods view and its setter. The URL is the source of truth, but a change made here shows in the same
 * render: Next brings `useSearchParams` in step with `history.replaceState` only in a later transition, and
 * until then a controlled checkbox would snap back to its old state. The History API rather than
 * router.replace, because a view change asks the server for nothing.
 */
export function usePodsView(): [PodsView, (changes: Partial<PodsView>) => void] {
  const params = useSearchParams();
  const search = params.toString();
  // `url` is the search string last seen, so a new one can be told apart from a URL still catching up.
  const [current, setCurrent] = useState(() => ({ url: search, view: parsePodsView(params) }));

  if (search !== current.url) {
    // Next may hand us an older URL of ours while it catches up (the address bar already holds a newer
    // one): that keeps the view, as does our latest change arriving. Any other URL (back button, a link,
    // a picker) wins. React renders again at once with the new state.
    const stale = search !== new URLSearchParams(window.location.search).toString();
    const ours = stale || podsViewSearch(current.view).slice(1) === search;
    setCurrent({ url: search, view: ours ? current.view : parsePodsView(params) });
  }

  const setView = (changes: Partial<PodsView>) => {
    const view = { ...current.view, ...changes };
    setCurrent({ url: current.url, view });
    window.history.replaceState(null, '', `/pods${podsViewSearch(view)}`);
  };
  return [current.view, setView];
}
