'use client';

import { useState } from 'react';

/**
 * Runs a form's async action and keeps what the form shows meanwhile: `busy` while it runs, and the
 * failure's message (the server's, for an API error) until the next attempt. The form keeps its input.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (...args: Args) => {
    setBusy(true);
    setError(undefined);
    try {
      await action(...args);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
