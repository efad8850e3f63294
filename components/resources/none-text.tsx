/**
 * kubectl's `<none>` for an empty cell. Muted, but at slate-600/300 it keeps 4.5:1 against the row in both
 * themes (WCAG 1.4.3 for small text); slate-400/500 did not.
 */
export function NoneText() {
  return <span className="text-xs text-slate-600 dark:text-slate-300">&lt;none&gt;</span>;
}
