'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { useSubmit } from '@/components/ui/use-submit';

export interface DeleteOptions {
  /** Absent: each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  force: boolean;
}

interface DeletePanelProps {
  /** A server dry-run: resolves with exactly the names that would be deleted. */
  preview: () => Promise<string[]>;
  /** When set, the user must type this (the namespace) to confirm. */
  confirmWord?: string;
  /** Deletes exactly the previewed names. */
  onDelete: (options: DeleteOptions, names: string[]) => Promise<void>;
  onCancel: () => void;
  command: (options: DeleteOptions) => string;
}

type Preview = { state: 'loading' } | { state: 'ready'; names: string[] } | { state: 'error'; message: string };

/** Confirms a delete after showing, from a server dry-run, exactly what will go. */
export function DeletePanel({ preview, confirmWord, onDelete, onCancel, command }: DeletePanelProps) {
  const [listing, setListing] = useState<Preview>({ state: 'loading' });
  const [grace, setGrace] = useState('');
  const [force, setForce] = useState(false);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    let cancelled = false;
    preview().then(
      (names) => !cancelled && setListing({ state: 'ready', names }),
      (error: unknown) => !cancelled && setListing({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [preview]);

  const graceValid = grace === '' || /^\d+$/.test(grace);
  const options: DeleteOptions = { force, gracePeriodSeconds: grace === '' ? (force ? 0 : undefined) : Number(grace) };
  const confirmed = !confirmWord || typed === confirmWord;
  const count = listing.state === 'ready' ? listing.names.length : 0;

  const submit = useSubmit(() => onDelete(options, listing.state === 'ready' ? listing.names : []));

  return (
    <form
      className="space-y-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
    >
      <section aria-label="What will be deleted">
        {listing.state === 'loading' ? <p role="status">Asking the server what would be deleted (dry run)…</p> : null}
        {listing.state === 'error' ? <p role="alert" className="text-rose-700 dark:text-rose-300">{listing.message}</p> : null}
        {listing.state === 'ready' ? (
          <>
            <p className="mb-2 font-medium">
              {count === 0 ? 'Nothing matches: no pod would be deleted.' : `${count} ${count === 1 ? 'pod' : 'pods'} will be deleted:`}
            </p>
            <ul className="max-h-48 overflow-auto rounded-md border border-slate-200 p-2 font-mono text-xs dark:border-slate-700">
              {listing.names.map((name) => <li key={name}>{name}</li>)}
            </ul>
          </>
        ) : null}
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          Grace period (seconds)
          <input aria-label="Grace period (seconds)" aria-invalid={!graceValid || undefined} inputMode="numeric" value={grace} onChange={(event) => setGrace(event.target.value)} placeholder="default" className="w-24 rounded-md border border-slate-300 bg-transparent px-2 py-1 aria-invalid:border-rose-500 dark:border-slate-700" />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
          Force
        </label>
      </div>
      {force ? (
        <p role="note" className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Force deletion removes the pods from the API at once without waiting for their containers to stop. The processes may keep running on their nodes for a while.
        </p>
      ) : null}

      {confirmWord ? (
        <label className="block">
          <span className="mb-1 block">
            Type <strong className="font-mono">{confirmWord}</strong> to confirm
          </span>
          <input aria-label="Type the namespace name to confirm" data-autofocus value={typed} onChange={(event) => setTyped(event.target.value)} className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono dark:border-slate-700" />
        </label>
      ) : null}

      {submit.error ? <p role="alert" className="rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">{submit.error}</p> : null}

      <CommandLine command={command(options)} />

      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" type="submit" disabled={submit.busy || !graceValid || !confirmed || listing.state !== 'ready' || count === 0}>
          {submit.busy ? 'Deleting…' : `Delete ${count || ''}`.trim()}
        </Button>
      </div>
    </form>
  );
}
