import type { SelectHTMLAttributes } from 'react';

/** A labelled native select: keyboard and screen readers work without extra code. */
export function Select({ label, className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      <span>{label}</span>
      <select
        aria-label={label}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 disabled:opacity-70 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${className}`}
        {...props}
      />
    </label>
  );
}
