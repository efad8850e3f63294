'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useDeferredValue, useMemo, useState } from 'react';
import { parseSchedulingView, schedulingViewSearch, type SchedulingView as View } from '@/lib/contract/scheduling-view';
import type { WatchTarget } from '@/lib/contract/watch';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';
import { summarizePod } from '@/lib/k8s/pod-status';
import { manifestPod } from '@/lib/k8s/scheduling/manifest-pod';
import { parseNodeChange } from '@/lib/k8s/scheduling/node-change-text';
import { PREVIEW_MODEL, previewScheduling } from '@/lib/k8s/scheduling/preview';
import { latestFailedScheduling, previewSubject } from '@/lib/k8s/scheduling/preview-subject';
import { quickFormErrors, quickFormPod } from '@/lib/k8s/scheduling/quick-form';
import { previewWhatIf } from '@/lib/k8s/scheduling/what-if';
import type { Pod } from '@/lib/k8s/types';
import { useClusterPlacement } from '@/lib/client/use-cluster-placement';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { StatusBadge } from '@/components/pods/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PodPicker } from './pod-picker';
import { PreviewTable, PreviewVerdict } from './preview-results';
import { QuickFormFields } from './quick-form-fields';
import { WhatIfPanel } from './what-if-panel';

const INPUTS: { value: View['input']; label: string }[] = [
  { value: 'pod', label: 'Existing pod' },
  { value: 'manifest', label: 'Pasted manifest' },
  { value: 'form', label: 'Quick form' },
];

const podKey = (pod: Pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
const box = 'rounded-md border p-3 text-sm';

/**
 * The scheduling preview: a pod (existing, pasted or sketched) run through the very code the embedded
 * cluster's scheduler runs, against the live nodes and the pods bound to them, node by node; a what-if
 * change to one node previewed in memory, and applied in one click. The view lives in the URL.
 */
export function SchedulingView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const [view, setViewState] = useState(() => parseSchedulingView(new URLSearchParams(params.toString())));
  const setView = (changes: Partial<View>) => {
    const next = { ...view, ...changes };
    setViewState(next);
    const search = schedulingViewSearch(next);
    window.history.replaceState(null, '', `${pathname}${search ? `?${search}` : ''}`);
  };
  const [manifest, setManifest] = useState('');
  const scope = useClusterScope();
  const context = scope.context?.name;
  const placement = useClusterPlacement(context);

  const existing = useMemo(() => (view.input === 'pod' && view.pod ? placement.pods.find((p) => podKey(p) === view.pod) : undefined), [view.input, view.pod, placement.pods]);
  const pasted = useMemo(() => (view.input === 'manifest' && manifest.trim() ? manifestPod(manifest) : undefined), [view.input, manifest]);
  const formErrors = view.input === 'form' ? quickFormErrors(view.form) : [];
  const formPod = useMemo(() => quickFormPod(view.form), [view.form]);
  const pod = view.input === 'pod' ? existing : view.input === 'manifest' ? (pasted?.ok ? pasted.pod : undefined) : formErrors.length ? undefined : formPod;
  // The preview of 1,000 nodes renders after the input has: typing never waits for it.
  const previewed = useDeferredValue(pod);
  const podName = previewed?.metadata?.name ?? pod?.metadata?.name ?? 'the pod';

  const eventsTarget: WatchTarget | null =
    context && existing ? { context, version: 'v1', resource: 'events', namespace: existing.metadata?.namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${existing.metadata?.name}` } : null;
  const events = useWatchedList<CoreEvent>(eventsTarget);
  const failed = useMemo(() => latestFailedScheduling((events.data?.items.toArray() ?? []).filter((e) => !existing?.metadata?.uid || !e.involvedObject?.uid || e.involvedObject.uid === existing.metadata.uid)), [events.data, existing]);

  // Watch events too: the render they cause (a store update, never time-sliced) leaves the preview to the next.
  const podsByNode = useDeferredValue(placement.podsByNode);
  const nodes = useDeferredValue(placement.nodes);
  const subject = useMemo(() => (previewed && placement.loaded ? previewSubject(previewed, podsByNode) : undefined), [previewed, placement.loaded, podsByNode]);
  const preview = useMemo(() => (subject ? previewScheduling({ pod: subject.pod, nodes, podsByNode: subject.podsByNode }) : undefined), [subject, nodes]);
  const parsedChange = view.change ? parseNodeChange(view.change) : undefined;
  const change = parsedChange?.ok ? parsedChange.change : undefined;
  const whatIf = useMemo(
    () => (subject && view.node && change ? previewWhatIf({ pod: subject.pod, nodes, podsByNode: subject.podsByNode, nodeName: view.node, change }) : undefined),
    // `change` is derived from view.change on every render; its text is its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [subject, nodes, view.node, view.change],
  );
  const shown = whatIf ?? preview;

  if (!scope.loading && !scope.context) return <EmptyState title="No cluster connected">{scope.error?.message ?? 'No kubeconfig context was found.'}</EmptyState>;

  const status = existing ? summarizePod(existing).reason : undefined;
  const otherScheduler = pod?.spec?.schedulerName && pod.spec.schedulerName !== 'default-scheduler';
  const agrees = failed && preview?.summary ? failed.message?.trim() === preview.summary : undefined;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Models {PREVIEW_MODEL}: the filters NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts and NodeResourcesFit, then the scores
        of TaintToleration, NodeAffinity, NodeResourcesFit (least allocated), NodeResourcesBalancedAllocation and ImageLocality, against the live nodes and the pods bound to them.
      </p>

      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Preview input</legend>
        {INPUTS.map((input) => (
          <label key={input.value} className="flex items-center gap-2">
            <input type="radio" name="input" value={input.value} checked={view.input === input.value} onChange={() => setView({ input: input.value })} />
            {input.label}
          </label>
        ))}
      </fieldset>

      {view.input === 'pod' ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <PodPicker pods={placement.pods} selected={existing} onPick={(key) => setView({ pod: key, change: undefined })} />
          {existing ? (
            <span className="flex items-center gap-2" aria-label="Pod status">
              <StatusBadge status={status ?? ''} />
              {existing.spec?.nodeName ? <span>on {existing.spec.nodeName}</span> : <span>not scheduled</span>}
              <Link href={`/pods/${encodeURIComponent(existing.metadata?.namespace ?? '')}/${encodeURIComponent(existing.metadata?.name ?? '')}${context ? `?context=${encodeURIComponent(context)}` : ''}`} className="text-sky-700 hover:underline dark:text-sky-300">Open pod</Link>
            </span>
          ) : view.pod && placement.state === 'live' ? (
            <span role="alert" className="text-rose-700 dark:text-rose-300">There is no pod {view.pod}.</span>
          ) : null}
        </div>
      ) : null}
      {view.input === 'manifest' ? (
        <div className="space-y-1 text-sm">
          <textarea aria-label="Manifest" value={manifest} onChange={(e) => setManifest(e.target.value)} rows={10} spellCheck={false} placeholder="A Pod, or a Deployment / ReplicaSet (its pod template is previewed)" className="w-full rounded-md border border-slate-300 bg-transparent p-2 font-mono text-xs dark:border-slate-700" />
          {pasted && !pasted.ok ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{pasted.message}</p> : null}
          {pasted?.ok ? <p className="text-xs text-slate-600 dark:text-slate-400">Previewing {pasted.from}.</p> : null}
        </div>
      ) : null}
      {view.input === 'form' ? (
        <>
          <QuickFormFields form={view.form} onChange={(form) => setView({ form })} />
          {formErrors.length ? <ul role="alert" className="text-xs text-rose-700 dark:text-rose-300">{formErrors.map((e) => <li key={e}>{e}</li>)}</ul> : null}
        </>
      ) : null}

      {otherScheduler ? (
        <p role="alert" className={`${box} border-rose-300 bg-rose-50 font-medium text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100`}>
          This pod names the scheduler &quot;{pod?.spec?.schedulerName}&quot;. The default scheduler leaves it alone, and this preview only models {PREVIEW_MODEL}: whatever that scheduler does may differ.
        </p>
      ) : null}
      {existing?.spec?.nodeName ? <p className="text-xs text-slate-600 dark:text-slate-400">{podName} is bound already; the preview shows where the scheduler would place it now if it were pending (without itself on {existing.spec.nodeName}).</p> : null}

      {placement.state === 'error' ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{placement.error?.message ?? 'The nodes or pods could not be listed.'}</p> : null}
      {placement.state === 'connecting' ? <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Loading nodes and pods…</p> : null}

      {preview && shown ? (
        <>
          <WhatIfPanel context={context} nodes={placement.nodes} podName={podName} nodeName={view.node} changeText={view.change} before={preview} after={whatIf} onChange={(changes) => setView(changes)} />
          <div className="grid gap-3 lg:grid-cols-2">
            <PreviewVerdict preview={shown} podName={podName} />
            {existing && !existing.spec?.nodeName ? (
              <div aria-label="Cluster's FailedScheduling event" role="region" className={`${box} border-slate-200 dark:border-slate-800`}>
                {failed ? (
                  <>
                    <p className="mb-1">The cluster&apos;s latest FailedScheduling event for {podName}:</p>
                    <code aria-label="Latest FailedScheduling message" className="block whitespace-pre-wrap font-mono text-xs">{failed.message?.trim()}</code>
                    {agrees !== undefined && !whatIf ? (
                      <p className={`mt-2 text-xs font-medium ${agrees ? 'text-emerald-700 dark:text-emerald-300' : 'text-amber-700 dark:text-amber-300'}`}>
                        {agrees ? 'The prediction agrees with it, word for word.' : 'The prediction differs: the cluster has changed since the scheduler last tried (it tries again on node and pod changes).'}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p className="text-slate-600 dark:text-slate-400">No FailedScheduling event for {podName} yet.</p>
                )}
              </div>
            ) : null}
          </div>
          {shown.caveats.filter((c) => !otherScheduler || !c.includes('asks for the scheduler')).map((c) => <p key={c} className="text-xs text-amber-800 dark:text-amber-300">{c}</p>)}
          {whatIf ? <p className="text-xs font-medium text-sky-800 dark:text-sky-300">Showing the cluster with {view.change} on {view.node} (not applied).</p> : null}
          <PreviewTable preview={shown} />
        </>
      ) : null}
    </div>
  );
}
