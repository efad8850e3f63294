'use client';

import type { ChangeNotice as Notice } from './use-change-notice';

/**
 * The confirmation of a change, in kubectl's words, one line per object. The live region is always in the
 * page and holds only those lines, so a screen reader announces each new notice politely, and nothing else.
 */
export function ChangeNotice({ notice, onDismiss }: { notice?: Notice; onDismiss: () => void }) {
  return (
    <div className="pointer-events-none fixed bottom-4 right-4 z-40 flex max-w-md flex-col items-end">
      <div
        className={
          notice
            ? 'pointer-events-auto flex items-start gap-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 shadow-lg dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50'
            : ''
        }
      >
        {notice ? <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-300">✓</span> : null}
        <div role="status" aria-live="polite" aria-label="Change notice" className="min-w-0">
          {notice ? (
            <ul key={notice.id} className="max-h-40 overflow-auto font-mono text-xs leading-5">
              {notice.lines.map((line, index) => <li key={index} className="break-all">{line}</li>)}
            </ul>
          ) : null}
        </div>
        {notice ? (
          <button type="button" onClick={onDismiss} aria-label="Dismiss notice" className="-mr-1 shrink-0 rounded px-1 leading-5 text-emerald-800 hover:bg-emerald-100 dark:text-emerald-200 dark:hover:bg-emerald-900">
            ✕
          </button>
        ) : null}
      </div>
    </div>
  );
}
