'use client';

import { useState } from 'react';

/**
 * A command to copy, shown as text, with a Copy button that says when it worked. A long one wraps rather
 * than scrolls: a scrolling box would need its own tab stop, and the whole command stays readable.
 */
export function CommandLine({ command, label = 'kubectl equivalent' }: { command: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(command);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="flex items-center gap-2 rounded-md bg-slate-100 px-3 py-2 dark:bg-slate-800/70">
      <code aria-label={label} className="min-w-0 flex-1 whitespace-pre-wrap wrap-anywhere font-mono text-xs text-slate-800 dark:text-slate-200">
        {command}
      </code>
      <button type="button" onClick={copy} aria-label={`Copy ${label}`} className="shrink-0 text-xs text-sky-700 hover:underline dark:text-sky-300">
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
