/** What the Create page keeps of an unfinished manifest, per cluster context. */
export interface ManifestDraft {
  text: string;
  namespace: string;
  savedAt: number;
}

const key = (scope: string) => `pilothouse.draft.${scope}`;

/**
 * Drafts live in the browser's localStorage, so a reload, a navigation or a failed create loses nothing.
 * `scope` is the page and context (`create:embedded`, `edit:embedded:pods/ns/name`). Storage can be
 * full or off (private windows): then drafts are simply not kept.
 */
export function loadDraft(scope: string): ManifestDraft | undefined {
  try {
    const raw = window.localStorage.getItem(key(scope));
    const draft = raw ? (JSON.parse(raw) as Partial<ManifestDraft>) : undefined;
    return typeof draft?.text === 'string' ? { text: draft.text, namespace: draft.namespace ?? '', savedAt: draft.savedAt ?? 0 } : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(scope: string, draft: Omit<ManifestDraft, 'savedAt'>): void {
  try {
    window.localStorage.setItem(key(scope), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // Quota or disabled storage: the text stays in the editor, only not across reloads.
  }
}

export function clearDraft(scope: string): void {
  try {
    window.localStorage.removeItem(key(scope));
  } catch {
    // As above.
  }
}
