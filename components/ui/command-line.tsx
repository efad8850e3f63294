'use client';

import { useState } from 'react';

/**
 * A command to copy, shown as text, with a Copy button that says when it worked. `disabledReason`: the
 * command does not stand for what the page shows now (it is struck through, and Copy says why it is off).
 * A long command wraps rather than scrolls: a scrolling box would need its own tab stop.
 */
export function CommandLine({ command, label = 'kubectl equivalent', disabledReason }: { command: string; label?: string; disabledReason?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (disabledReason) return;
    await navigator.clipboard.writeText(command);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="flex items-center gap-2 rounded-md bg-slate-100 px-3 py-2 dark:bg-slate-800/70">
      <code
        aria-label={label}
        aria-disabled={disabledReason ? true : undefined}
        title={disabledReason}
        className="min-w-0 flex-1 whitespace-pre-wrap wrap-anywhere font-mono text-xs text-slate-800 aria-disabled:text-slate-600 aria-disabled:line-through dark:text-slate-200 dark:aria-disabled:text-slate-400"
      >
        {command}
      </code>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        aria-disabled={disabledReason ? true : undefined}
        title={disabledReason}
        className="shrink-0 text-xs text-sky-700 hover:underline aria-disabled:cursor-not-allowed aria-disabled:text-slate-600 aria-disabled:no-underline dark:text-sky-300 dark:aria-disabled:text-slate-400"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
