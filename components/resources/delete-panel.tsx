'use client';

import { useState, type ReactNode } from 'react';
import type { DeleteOptions, DeleteTarget } from '@/lib/client/delete-resources';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';

/** Objects of one kind in a preview: those the Delete button removes, or those that go with them. */
export interface DeleteGroup {
  /** The plural resource (`pods`), and its singular for counts. */
  resource: string;
  singular: string;
  targets: DeleteTarget[];
  /** Shown under the group, e.g. that an owner will recreate these. */
  note?: string;
}

export type DeletePreviewState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** `deleted`: what the Delete button deletes; `contained`: what goes with them (a namespace's content). */
  | { state: 'ready'; deleted: DeleteGroup[]; contained?: DeleteGroup[] };

interface DeletePanelProps {
  /** From a server dry-run: exactly what would be deleted. */
  preview: DeletePreviewState;
  /** When set, the user must type `word` to confirm; `label` names the box. */
  confirm?: { word: string; label: string };
  /** Offer a grace period and force (pods: the kubelet's graceful termination). */
  timing?: boolean;
  /** Deletes exactly the previewed objects. */
  onDelete: (options: DeleteOptions) => void;
  pending: boolean;
  /** The server's message when a delete failed. */
  error?: string;
  onCancel: () => void;
  command: (options: DeleteOptions) => string;
  /** Said before the user tries, when the server is known to refuse (a protected namespace). */
  refusal?: string;
  /** Shown under the preview once it is ready, e.g. that an owner will recreate some of the objects. */
  notice?: ReactNode;
}

const qualified = (target: DeleteTarget) => (target.namespace ? `${target.namespace}/${target.name}` : target.name);
const count = (group: Pick<DeleteGroup, 'resource' | 'singular'>, n: number) => `${n} ${n === 1 ? group.singular : group.resource}`;

function GroupList({ group, heading }: { group: DeleteGroup; heading: boolean }) {
  return (
    <section aria-label={heading ? group.resource : undefined} className="mb-2">
      {heading ? <h3 className="mb-1 font-medium">{count(group, group.targets.length)}</h3> : null}
      <ul className="max-h-48 overflow-auto rounded-md border border-slate-200 p-2 font-mono text-xs dark:border-slate-700">
        {group.targets.map((target) => (
          <li key={qualified(target)}>
            {qualified(target)}
            {target.finalizers.length ? <span className="ml-2 text-amber-800 dark:text-amber-300">(finalizers: {target.finalizers.join(', ')})</span> : null}
          </li>
        ))}
      </ul>
      {group.note ? <p role="note" className="mt-1 text-xs text-slate-600 dark:text-slate-400">{group.note}</p> : null}
    </section>
  );
}

/** Confirms a delete after showing, from a server dry-run, exactly what will go. */
export function DeletePanel({ preview, confirm, timing = false, onDelete, pending, error, onCancel, command, refusal, notice }: DeletePanelProps) {
  const [grace, setGrace] = useState('');
  const [force, setForce] = useState(false);
  const [typed, setTyped] = useState('');

  const graceValid = grace === '' || /^\d+$/.test(grace);
  const options: DeleteOptions = timing ? { force, gracePeriodSeconds: grace === '' ? (force ? 0 : undefined) : Number(grace) } : {};
  const confirmed = !confirm || typed === confirm.word;
  const deleted = preview.state === 'ready' ? preview.deleted : [];
  const total = deleted.reduce((sum, group) => sum + group.targets.length, 0);
  const contained = preview.state === 'ready' ? (preview.contained ?? []).filter((group) => group.targets.length > 0) : [];
  const several = deleted.length > 1;

  return (
    <form
      className="space-y-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onDelete(options);
      }}
    >
      {refusal ? <p role="note" className="rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200">{refusal}</p> : null}
      <section aria-label="What will be deleted">
        {preview.state === 'loading' ? <p role="status">Asking the server what would be deleted (dry run)…</p> : null}
        {preview.state === 'error' ? <p role="alert" className="whitespace-pre-line text-rose-700 dark:text-rose-300">{preview.message}</p> : null}
        {preview.state === 'ready' ? (
          <>
            <p className="mb-2 font-medium">
              {total === 0
                ? `Nothing matches: no ${deleted[0]?.singular ?? 'object'} would be deleted.`
                : several
                  ? `${total} ${total === 1 ? 'object' : 'objects'} will be deleted:`
                  : `${count(deleted[0], total)} will be deleted:`}
            </p>
            {deleted.filter((group) => !several || group.targets.length > 0).map((group) => <GroupList key={group.resource} group={group} heading={several} />)}
            {contained.length ? (
              <section aria-label="What goes with it" className="mt-3">
                <p className="mb-2 font-medium">With {deleted[0]?.targets.length === 1 ? 'it' : 'them'} goes everything inside:</p>
                {contained.map((group) => <GroupList key={group.resource} group={group} heading />)}
              </section>
            ) : null}
            {notice}
          </>
        ) : null}
      </section>

      {timing ? (
        <>
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
        </>
      ) : null}

      {confirm ? (
        <label className="block">
          <span className="mb-1 block">
            Type <strong className="font-mono">{confirm.word}</strong> to confirm
          </span>
          <input aria-label={confirm.label} data-autofocus value={typed} onChange={(event) => setTyped(event.target.value)} className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono dark:border-slate-700" />
        </label>
      ) : null}

      {error ? <p role="alert" className="whitespace-pre-line rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">{error}</p> : null}

      <CommandLine command={command(options)} />

      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" type="submit" disabled={pending || !graceValid || !confirmed || preview.state !== 'ready' || total === 0}>
          {pending ? 'Deleting…' : `Delete ${total || ''}`.trim()}
        </Button>
      </div>
    </form>
  );
}
