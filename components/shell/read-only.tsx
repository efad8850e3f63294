'use client';

import { createContext, useContext, type ReactNode } from 'react';

const ReadOnlyContext = createContext(false);

/** `PILOTHOUSE_READ_ONLY=true`, as the server said when it rendered the shell. */
export function ReadOnlyProvider({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>;
}

/**
 * True when the console sends no writes: the UI then offers none (the server refuses them anyway, so this
 * only keeps buttons that could never work off the screen).
 */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/** Renders its children only when the console may write: wrap every write action in it. */
export function WritesOnly({ children }: { children: ReactNode }) {
  return useReadOnly() ? null : children;
}

/** Shown on every page of a read-only console, so nobody wonders where the actions went. */
export function ReadOnlyBanner() {
  return (
    <div role="status" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
      <strong className="font-semibold">Read-only:</strong> this console shows what is in the cluster and changes nothing
      (<code>PILOTHOUSE_READ_ONLY=true</code>).
    </div>
  );
}
