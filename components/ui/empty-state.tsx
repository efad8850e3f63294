import type { ReactNode } from 'react';

/** A section with nothing to show yet, saying why and what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section aria-label={title} className="mx-auto mt-16 max-w-lg rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <h2 className="text-base font-medium">{title}</h2>
      {children ? <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
    </section>
  );
}
