'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { NodePreview, SchedulingPreview } from '@/lib/k8s/scheduling/preview';
import { DEFAULT_SCORE_PLUGINS } from '@/lib/k8s/scheduling/score-plugins';

const PLUGINS = DEFAULT_SCORE_PLUGINS.map((p) => p.name);
const COLUMNS = 6 + PLUGINS.length;
// A one-line row; rows whose reasons wrap are measured as they render.
const ROW_HEIGHT = 33;

/** "Fits", or the plugin that rejected the node and why, in kube-scheduler's words. */
function FitCell({ preview }: { preview: NodePreview }) {
  if (preview.fit.fits) return <span className="font-medium text-emerald-700 dark:text-emerald-300">Fits</span>;
  return <span className="text-rose-800 dark:text-rose-300">Rejected</span>;
}

/** The preemption line of a preview with no feasible node. */
export function preemptionText(preview: SchedulingPreview): string | undefined {
  switch (preview.preemption.kind) {
    case 'not-needed':
      return undefined;
    case 'would-help':
      return `Preemption could help: evicting lower-priority pods would make room on ${preview.preemption.nodes.join(', ')}.`;
    case 'would-not-help':
      return 'Preemption would not help: evicting lower-priority pods frees no node for this pod.';
    case 'ineligible':
      return 'Preemption is off for this pod (preemptionPolicy: Never).';
  }
}

/** The verdict: the node picked (ties said), or the FailedScheduling message word for word. */
export function PreviewVerdict({ preview, podName }: { preview: SchedulingPreview; podName: string }) {
  if (preview.pick) {
    const others = preview.pick.tied.filter((n) => n !== preview.pick!.name);
    return (
      <div role="status" aria-label="Prediction" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        <p>
          {preview.feasibleCount} of {preview.nodes.length} nodes fit. The scheduler would bind {podName} to <strong>{preview.pick.name}</strong>.
        </p>
        {others.length ? (
          <p className="mt-1 text-xs">
            Tied with {others.join(', ')}: kube-scheduler picks one of the {preview.pick.tied.length} nodes with the top score at random, so the pod may land on any of them.
          </p>
        ) : null}
      </div>
    );
  }
  const preemption = preemptionText(preview);
  return (
    <div role="status" aria-label="Prediction" className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
      <p>No node fits. The scheduler would leave {podName} Pending with this FailedScheduling message:</p>
      <code aria-label="Predicted FailedScheduling message" className="block whitespace-pre-wrap font-mono text-xs">{preview.summary}</code>
      {preemption ? <p className="text-xs">{preemption}</p> : null}
    </div>
  );
}

/**
 * Every node: fits or not (plugin and reason), then for those that fit the rank and each plugin's weighted
 * score. Only the rows in view are rendered: a cluster of 1,000 nodes would otherwise cost every change of
 * the input a render of 13,000 cells.
 */
export function PreviewTable({ preview }: { preview: SchedulingPreview }) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render by design; nothing here is memoized on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: preview.nodes.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10, getItemKey: (i) => preview.nodes[i].name });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    // Focusable, as a scrolling region must be for keyboard users (WCAG 2.1.1): the table has no controls.
    <div ref={scroller} tabIndex={0} role="region" aria-label="Scheduling preview by node" className="max-h-[70vh] min-h-32 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table aria-label="Scheduling preview" aria-rowcount={preview.nodes.length + 1} className="w-full border-collapse whitespace-nowrap text-sm">
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 shadow-[0_1px_0] shadow-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:shadow-slate-800">
          <tr aria-rowindex={1}>
            <th scope="col" className="px-3 py-2 text-left font-medium">Node</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Result</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Plugin</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Reason</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Rank</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Score</th>
            {PLUGINS.map((p) => <th key={p} scope="col" className="px-3 py-2 text-left font-medium normal-case">{p}</th>)}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={COLUMNS} /></tr> : null}
          {items.map((item) => (
            <PreviewRow key={item.key} preview={preview} node={preview.nodes[item.index]} index={item.index} measure={virtualizer.measureElement} />
          ))}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={COLUMNS} /></tr> : null}
        </tbody>
      </table>
    </div>
  );
}

function PreviewRow({ preview, node, index, measure }: { preview: SchedulingPreview; node: NodePreview; index: number; measure: (element: HTMLTableRowElement | null) => void }) {
  const picked = preview.pick?.name === node.name;
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className={`border-t border-slate-100 dark:border-slate-800/70 ${picked ? 'bg-emerald-50/60 dark:bg-emerald-950/40' : ''}`}>
      <th scope="row" className="px-3 py-1.5 text-left font-medium">
        {node.name}
        {picked ? <span className="ml-2 rounded bg-emerald-700 px-1.5 py-0.5 text-[11px] text-white dark:bg-emerald-500 dark:text-slate-950">pick</span> : null}
        {!picked && preview.pick?.tied.includes(node.name) ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-[11px] dark:bg-slate-700">tied</span> : null}
      </th>
      <td className="px-3"><FitCell preview={node} /></td>
      <td className="px-3 font-mono text-xs">{node.fit.fits ? '' : node.fit.plugin}</td>
      <td className="min-w-56 whitespace-normal px-3 text-xs">{node.fit.fits ? '' : node.fit.reasons.join(', ')}</td>
      <td className="px-3 tabular-nums">{node.rank ?? ''}</td>
      <td className="px-3 font-medium tabular-nums">{node.score ? node.score.total : ''}</td>
      {PLUGINS.map((plugin) => {
        const score = node.score?.plugins.find((s) => s.plugin === plugin);
        return (
          <td key={plugin} className="px-3 text-xs tabular-nums text-slate-600 dark:text-slate-400" title={score && !score.skipped ? `raw ${score.raw}, normalized ${score.normalized}, weight ${score.weight}` : undefined}>
            {score ? (score.skipped ? 'skip' : score.weighted) : ''}
          </td>
        );
      })}
    </tr>
  );
}
