/**
 * The pure rules behind a list page's URL view. The URL is the state; two things make that subtle:
 *
 * 1. Next brings `useSearchParams` in step with `history.replaceState` only in a later transition, and may
 *    hand back an older URL of ours meanwhile. A view change must show in the same render, and a late
 *    echo must not undo it; any other URL (back button, a link, a picker) wins.
 * 2. A text box may hold what the URL cannot (an invalid selector being typed). Its draft is derived: kept
 *    only while the URL still holds the value it was typed against, so a change made elsewhere (Clear, a
 *    clicked label, back) replaces it.
 */

/** The view as last decided, and the search string (without `?`) it was decided from. */
export interface UrlViewState<V> {
  url: string;
  view: V;
}

/**
 * The one echo rule. `search` is what Next reports now, `addressBar` what the browser shows: when they
 * differ, Next is catching up with a URL of ours and the view stands; when `search` is our own view's
 * URL, the view stands too. Returns the same object when nothing changes.
 */
export function followUrl<V>(
  state: UrlViewState<V>,
  urls: { search: string; addressBar: string },
  codec: { parse: (search: string) => V; serialize: (view: V) => string },
): UrlViewState<V> {
  if (urls.search === state.url) return state;
  const stale = urls.search !== urls.addressBar;
  const ours = stale || codec.serialize(state.view) === urls.search;
  return { url: urls.search, view: ours ? state.view : codec.parse(urls.search) };
}

/** Text typed into a box, and the URL value it was typed against. */
export interface Draft {
  text: string;
  basis: string;
}

/** What a box shows: its draft while the URL still holds the draft's basis, else the URL's value. */
export function shownText(draft: Draft | undefined, value: string): string {
  return draft && draft.basis === value ? draft.text : value;
}

/**
 * Typing `text` into a box whose URL value is `value`: the draft to keep, and the value to send to the URL
 * when the text is valid and says something new (`send` absent otherwise). `normalize` turns text into
 * the URL's form (trimmed, say); `valid` says whether it may go there.
 */
export function typeDraft(options: { text: string; value: string; valid: boolean; normalize?: (text: string) => string }): { draft: Draft; send?: string } {
  const { text, value, valid } = options;
  const normalized = (options.normalize ?? ((t: string) => t.trim()))(text);
  if (!valid || normalized === value) return { draft: { text, basis: value } };
  return { draft: { text, basis: normalized }, send: normalized };
}
