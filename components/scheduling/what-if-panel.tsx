'use client';

import { useMemo, useState } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { parseNodeChange } from '@/lib/k8s/scheduling/node-change-text';
import type { SchedulingPreview } from '@/lib/k8s/scheduling/preview';
import type { NodeChange } from '@/lib/k8s/scheduling/what-if';
import type { Node } from '@/lib/k8s/types';
import { useNodeChange } from '@/lib/client/node-change';
import { Button } from '@/components/ui/button';
import { WritesOnly } from '@/components/shell/read-only';
import { CommandLine } from '@/components/ui/command-line';
import { useDraft } from '@/components/ui/use-draft';
import { NoExecuteWarning } from '@/components/nodes/node-change-dialogs';

/** The kubectl line that makes the change for real. */
export function nodeChangeCommand(nodeName: string, change: NodeChange, overwrite: boolean): string {
  switch (change.kind) {
    case 'label':
      return kubectlCommand({ verb: 'label', resource: 'node', names: [nodeName], ...(change.value === null ? { remove: [change.key] } : { set: { [change.key]: change.value } }), overwrite: overwrite || undefined });
    case 'taint':
      return kubectlCommand({ verb: 'taint', names: [nodeName], taint: change.taint, remove: change.remove });
    case 'cordon':
      return kubectlCommand({ verb: change.unschedulable ? 'cordon' : 'uncordon', names: [nodeName] });
  }
}

/** "with gpu=true on X, kubia-gpu would fit there", comparing the node before and after the change. */
function outcome(options: { podName: string; nodeName: string; changeText: string; before: SchedulingPreview; after: SchedulingPreview }): string {
  const { podName, nodeName, changeText, before, after } = options;
  const was = before.nodes.find((n) => n.name === nodeName)?.fit;
  const now = after.nodes.find((n) => n.name === nodeName)?.fit;
  if (!now) return '';
  const head = `With ${changeText} on ${nodeName}, ${podName}`;
  let sentence: string;
  if (now.fits) sentence = was?.fits ? `${head} would still fit there` : `${head} would fit there`;
  else sentence = `${head} would ${was && !was.fits ? 'still ' : ''}not fit there (${now.plugin}: ${now.reasons.join(', ')})`;
  const pick = after.pick ? ` and the scheduler would pick ${after.pick.name}${after.pick.tied.length > 1 ? ` (one of ${after.pick.tied.length} tied nodes)` : ''}` : after.summary ? '; no node would fit' : '';
  return `${sentence}${pick}.`;
}

/**
 * What-if: a node and one change to it, previewed in memory (the caller renders the changed preview), then
 * applied to the cluster in one click.
 */
export function WhatIfPanel(props: {
  context?: string;
  nodes: readonly Node[];
  podName: string;
  nodeName?: string;
  changeText?: string;
  before?: SchedulingPreview;
  after?: SchedulingPreview;
  onChange: (changes: { node?: string; change?: string }) => void;
}) {
  const { context, nodes, podName, nodeName, changeText, before, after, onChange } = props;
  const [text, type] = useDraft({ value: changeText ?? '', onValue: (change) => onChange({ change: change || undefined }), isValid: (t) => t.trim() === '' || parseNodeChange(t).ok });
  const [overwrite, setOverwrite] = useState(false);
  const apply = useNodeChange(context);
  const parsed = text.trim() ? parseNodeChange(text) : undefined;
  const committed = changeText ? parseNodeChange(changeText) : undefined;
  const change = committed?.ok ? committed.change : undefined;
  const node = nodes.find((n) => n.metadata?.name === nodeName);
  // The same elements on every render until the nodes change: React then skips a thousand options.
  const options = useMemo(() => nodes.map((n) => <option key={n.metadata?.name} value={n.metadata?.name}>{n.metadata?.name}</option>), [nodes]);
  const existing = change?.kind === 'label' && change.value !== null ? node?.metadata?.labels?.[change.key] : undefined;
  const needsOverwrite = existing !== undefined && change?.kind === 'label' && existing !== change.value;

  return (
    <section aria-labelledby="what-if-heading" className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <h2 id="what-if-heading" className="text-sm font-semibold">What if</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2">
          Node
          <select aria-label="What-if node" value={nodeName ?? ''} onChange={(e) => onChange({ node: e.target.value || undefined })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900">
            <option value="">Choose a node</option>
            {options}
          </select>
        </label>
        <label className="flex min-w-72 flex-1 items-center gap-2">
          Change
          <input
            aria-label="What-if change"
            aria-invalid={parsed && !parsed.ok ? true : undefined}
            value={text}
            onChange={(e) => type(e.target.value)}
            placeholder="gpu=true · gpu- · taint dedicated=gpu:NoSchedule · cordon · uncordon"
            spellCheck={false}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs aria-invalid:border-rose-500 dark:border-slate-700"
          />
        </label>
      </div>
      {parsed && !parsed.ok ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{parsed.message}</p> : null}
      {change?.kind === 'taint' && change.taint.effect === 'NoExecute' && !change.remove ? <NoExecuteWarning /> : null}
      {nodeName && change && before && after ? (
        <>
          <p role="status" aria-label="What-if outcome" className="rounded-md bg-sky-50 p-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
            {outcome({ podName, nodeName, changeText: changeText ?? '', before, after })} Nothing is applied yet; the table below shows the cluster as it would be.
          </p>
          {needsOverwrite ? (
            <label className="flex items-center gap-2 text-xs">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
              {nodeName} has {change.kind === 'label' ? `${change.key}=${existing}` : ''}: overwrite it (<code className="font-mono">--overwrite</code>)
            </label>
          ) : null}
          <CommandLine command={nodeChangeCommand(nodeName, change, needsOverwrite && overwrite)} />
          {apply.error ? <p role="alert" aria-label="Server error" className="whitespace-pre-line rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">{apply.error.message}</p> : null}
          <WritesOnly>
            <div className="flex justify-end">
              <Button
                variant="primary"
                disabled={apply.isPending || (needsOverwrite && !overwrite)}
                onClick={() => apply.mutate({ nodeNames: [nodeName], change, overwrite: needsOverwrite && overwrite }, { onSuccess: () => onChange({ change: undefined }) })}
              >
                {apply.isPending ? 'Applying…' : `Apply to ${nodeName}`}
              </Button>
            </div>
          </WritesOnly>
        </>
      ) : null}
    </section>
  );
}
