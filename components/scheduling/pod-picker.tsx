'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { summarizePod } from '@/lib/k8s/pod-status';
import { previewCandidates } from '@/lib/k8s/scheduling/preview-subject';
import type { Pod } from '@/lib/k8s/types';

// Enough to hold every pending pod of a troubled cluster; a list of 50,000 options helps nobody.
const LIMIT = 200;
const podKey = (pod: Pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/** The existing pod to preview: pending pods first, at most 200 options, narrowed by typing. */
export function PodPicker({ pods, selected, onPick }: { pods: readonly Pod[]; selected?: Pod; onPick: (key: string | undefined) => void }) {
  const [filter, setFilter] = useState('');
  // Typing, and the watch events that change the pods, stay quick while the options are worked out again
  // over every pod of the cluster.
  const deferredFilter = useDeferredValue(filter);
  const deferredPods = useDeferredValue(pods);
  const candidates = useMemo(() => previewCandidates(deferredPods, { filter: deferredFilter, limit: LIMIT }), [deferredPods, deferredFilter]);
  const options = selected && !candidates.pods.includes(selected) ? [selected, ...candidates.pods] : candidates.pods;
  return (
    <>
      <label className="flex items-center gap-2">
        Find
        <input type="search" aria-label="Find a pod" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="namespace/name" spellCheck={false} className={`w-48 ${field}`} />
      </label>
      <label className="flex items-center gap-2">
        Pod
        <select aria-label="Pod" value={selected ? podKey(selected) : ''} onChange={(e) => onPick(e.target.value || undefined)} className={`max-w-md ${field}`}>
          <option value="">{candidates.matched === 0 && filter ? 'No pod matches' : 'Choose a pod (pending ones first)'}</option>
          {options.map((p) => <option key={podKey(p)} value={podKey(p)}>{`${podKey(p)} (${summarizePod(p).reason})`}</option>)}
        </select>
      </label>
      {candidates.matched > candidates.pods.length ? <span className="text-xs text-slate-600 dark:text-slate-400">{candidates.pods.length} of {candidates.matched} offered: type to narrow.</span> : null}
    </>
  );
}
