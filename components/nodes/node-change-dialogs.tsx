'use client';

import { useState } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { taintText, type NodeRow } from '@/lib/k8s/node-list-row';
import { TAINT_EFFECTS, type TaintEffect } from '@/lib/k8s/scheduling/node-change-text';
import type { Taint } from '@/lib/k8s/types';
import { useNodeChange } from '@/lib/client/node-change';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';

/** Node-only dialogs: cordon / uncordon of some nodes, the taints of one. */
/** The node a taints dialog edits: its row's name, uid and current taints (each write reads the node again). */
export type TaintedNode = Pick<NodeRow, 'uid' | 'name' | 'taints'>;
export type NodeDialog = { kind: 'cordon'; names: string[]; unschedulable: boolean } | { kind: 'taints'; node: TaintedNode };

const errorBox = 'whitespace-pre-line rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200';

/** NoExecute evicts the pods already running that do not tolerate it, not only new ones. */
export function NoExecuteWarning() {
  return (
    <p role="note" className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      NoExecute evicts the pods already running on the node that do not tolerate the taint, besides keeping new ones away.
    </p>
  );
}

function CordonDialog({ context, names, unschedulable, onClose }: { context?: string; names: string[]; unschedulable: boolean; onClose: () => void }) {
  const change = useNodeChange(context);
  const verb = unschedulable ? 'cordon' : 'uncordon';
  const title = `${unschedulable ? 'Cordon' : 'Uncordon'} ${names.length === 1 ? names[0] : `${names.length} nodes`}`;
  return (
    <Dialog title={title} open onClose={onClose}>
      <div className="space-y-3 text-sm">
        <p>
          {unschedulable
            ? 'The scheduler places no new pods on a cordoned node (spec.unschedulable); the pods already there keep running.'
            : 'The scheduler may place pods on the node again.'}
        </p>
        <CommandLine command={kubectlCommand({ verb, names })} />
        {change.error ? <p role="alert" aria-label="Server error" className={errorBox}>{change.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={change.isPending} onClick={() => change.mutate({ nodeNames: names, change: { kind: 'cordon', unschedulable } }, { onSuccess: onClose })}>
            {change.isPending ? 'Applying…' : unschedulable ? 'Cordon' : 'Uncordon'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function TaintsDialog({ context, node, onClose }: { context?: string; node: TaintedNode; onClose: () => void }) {
  const name = node.name;
  const change = useNodeChange(context);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [effect, setEffect] = useState<TaintEffect>('NoSchedule');
  const taints = node.taints;
  const adding: Taint = { key: key.trim(), ...(value ? { value } : {}), effect };
  const replaces = taints.some((t) => t.key === adding.key && t.effect === adding.effect);
  const remove = (taint: Taint) => change.mutate({ nodeNames: [name], change: { kind: 'taint', taint, remove: true } });
  return (
    <Dialog title={`Taints of ${name}`} open onClose={onClose} wide>
      <div className="space-y-4 text-sm">
        <section aria-label="Current taints">
          <h3 className="mb-2 font-medium">Current taints</h3>
          {taints.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No taints.</p> : null}
          <ul className="space-y-1">
            {taints.map((taint) => (
              <li key={taintText(taint)} className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate font-mono text-xs">{taintText(taint)}</code>
                <code className="hidden font-mono text-[11px] text-slate-600 dark:text-slate-400 md:inline">{kubectlCommand({ verb: 'taint', names: [name], taint, remove: true })}</code>
                <Button variant="ghost" aria-label={`Remove taint ${taintText(taint)}`} disabled={change.isPending} onClick={() => remove(taint)}>Remove</Button>
              </li>
            ))}
          </ul>
        </section>
        <form
          aria-label="Add a taint"
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding.key) change.mutate({ nodeNames: [name], change: { kind: 'taint', taint: adding } }, { onSuccess: () => { setKey(''); setValue(''); } });
          }}
        >
          <h3 className="font-medium">Add a taint</h3>
          <div className="flex flex-wrap items-center gap-2">
            <input aria-label="Taint key" value={key} onChange={(e) => setKey(e.target.value)} placeholder="key" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700" />
            <span aria-hidden="true">=</span>
            <input aria-label="Taint value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="value (optional)" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700" />
            <Select label="Effect" value={effect} onChange={(e) => setEffect(e.target.value as TaintEffect)}>
              {TAINT_EFFECTS.map((e) => <option key={e} value={e}>{e}</option>)}
            </Select>
          </div>
          {effect === 'NoExecute' ? <NoExecuteWarning /> : null}
          {replaces ? <p className="text-xs text-slate-600 dark:text-slate-400">The node has a taint with this key and effect; adding replaces it (--overwrite).</p> : null}
          {adding.key ? <CommandLine command={kubectlCommand({ verb: 'taint', names: [name], taint: adding, overwrite: replaces || undefined })} /> : null}
          {change.error ? <p role="alert" aria-label="Server error" className={errorBox}>{change.error.message}</p> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" type="submit" disabled={!adding.key || change.isPending}>{change.isPending ? 'Applying…' : 'Add taint'}</Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}

export function NodeDialogs({ context, dialog, onClose }: { context?: string; dialog?: NodeDialog; onClose: () => void }) {
  if (!dialog) return null;
  if (dialog.kind === 'cordon') return <CordonDialog context={context} names={dialog.names} unschedulable={dialog.unschedulable} onClose={onClose} />;
  return <TaintsDialog context={context} node={dialog.node} onClose={onClose} />;
}
