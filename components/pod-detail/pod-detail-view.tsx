'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { WatchTarget } from '@/lib/contract/watch';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';
import type { Pod } from '@/lib/k8s/types';
import { sendPodRequest } from '@/lib/client/pod-request';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { LogViewer } from '@/components/logs/log-viewer';
import type { LogContainer, LogViewOptions } from '@/components/logs/log-types';
import { StatusBadge } from '@/components/pods/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { summarizePod } from '@/lib/k8s/pod-status';
import { isUnscheduled } from '@/lib/k8s/scheduling/preview-subject';
import { schedulingHref } from '@/components/nodes/node-links';
import { useReadOnly } from '@/components/shell/read-only';
import { DetailTabs, parsePodDetailTab, type PodDetailTab } from './detail-tabs';
import { PodActions } from './pod-actions';
import { PodManifest } from './pod-manifest';
import { PodOverview } from './pod-overview';
import { RequestPanel } from './request-panel';
import { ShellPanel } from './shell-panel';
import { usePodLogs } from './use-pod-logs';

function containersOf(pod: Pod | undefined): LogContainer[] {
  return [
    ...(pod?.spec?.initContainers ?? []).map((c) => ({ name: c.name, kind: 'init' as const })),
    ...(pod?.spec?.containers ?? []).map((c) => ({ name: c.name, kind: 'app' as const })),
  ];
}

/** One pod, live: overview with events, YAML, JSON, logs, requests and a shell, the tab kept in the URL. */
export function PodDetailView({ namespace, name }: { namespace: string; name: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const scope = useClusterScope();
  const context = scope.context?.name;
  const readOnly = useReadOnly();
  // A read-only console opens no shell (an exec is a write): a link to the Shell tab shows the overview.
  const asked = parsePodDetailTab(params.get('tab'));
  const tab = readOnly && asked === 'shell' ? 'overview' : asked;

  const podTarget: WatchTarget | null = context ? { context, version: 'v1', resource: 'pods', namespace, fieldSelector: `metadata.name=${name}` } : null;
  const eventsTarget: WatchTarget | null = context
    ? { context, version: 'v1', resource: 'events', namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${name}` }
    : null;
  const podList = useWatchedList<Pod>(podTarget);
  const eventList = useWatchedList<CoreEvent>(eventsTarget);
  const pod = podList.data?.items.at(0);
  const containers = containersOf(pod);

  const [logOptions, setLogOptions] = useState<LogViewOptions>({ follow: true, tailLines: 1000, timestamps: false, previous: false });
  const [attempt, setAttempt] = useState(0);
  const view = { ...logOptions, container: logOptions.container ?? pod?.spec?.containers?.[0]?.name };
  const logs = usePodLogs({ context, namespace, pod: name, view, enabled: tab === 'logs' && Boolean(pod), attempt });

  const selectTab = (next: PodDetailTab) => {
    const query = new URLSearchParams(params.toString());
    query.set('tab', next);
    // The History API keeps useSearchParams in step without a server render of this dynamic page per tab.
    window.history.replaceState(null, '', `${pathname}?${query.toString()}`);
  };
  const listHref = `/pods?${new URLSearchParams({ ...(context ? { context } : {}), namespace }).toString()}`;

  const header = (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <Link href={listHref} className="text-sm text-sky-700 hover:underline dark:text-sky-300">← Pods in {namespace}</Link>
      <h1 className="text-xl font-semibold tracking-tight">{name}</h1>
      {pod ? <StatusBadge status={summarizePod(pod).reason} /> : null}
      {pod && isUnscheduled(pod) ? (
        <Link href={schedulingHref({ context, namespace, pod: name })} className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-300">Why pending?</Link>
      ) : null}
      {pod ? <PodActions context={context} pod={pod} editHref={`${pathname}/edit${context ? `?context=${encodeURIComponent(context)}` : ''}`} /> : null}
    </div>
  );

  if (podList.state === 'error') {
    return (
      <>
        {header}
        <section role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          {podList.error?.message ?? 'The pod could not be read.'}
        </section>
      </>
    );
  }
  if (!pod) {
    return (
      <>
        {header}
        {podList.state === 'live' ? (
          <EmptyState title="Pod not found">
            There is no pod {name} in namespace {namespace}{' '}
            (it may have been deleted). <Link href={listHref} className="text-sky-700 hover:underline dark:text-sky-300">Back to the list</Link>
          </EmptyState>
        ) : (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Loading pod…</p>
        )}
      </>
    );
  }

  return (
    <>
      {header}
      <DetailTabs selected={tab} onSelect={selectTab} hidden={readOnly ? ['shell'] : []}>
        {tab === 'overview' ? <PodOverview pod={pod} events={eventList.data?.items.toArray() ?? []} eventsState={eventList.state === 'error' ? 'error' : eventList.state === 'live' ? 'ready' : 'loading'} /> : null}
        {tab === 'yaml' && context ? <PodManifest context={context} pod={pod} format="yaml" /> : null}
        {tab === 'json' && context ? <PodManifest context={context} pod={pod} format="json" /> : null}
        {tab === 'logs' ? (
          <LogViewer
            pod={name}
            namespace={namespace}
            containers={containers}
            options={view}
            onOptionsChange={setLogOptions}
            buffer={logs.buffer}
            status={logs.status}
            onRetry={() => setAttempt((n) => n + 1)}
            canShowPrevious={(pod.status?.containerStatuses ?? []).some((s) => s.name === view.container && (s.restartCount ?? 0) > 0)}
          />
        ) : null}
        {tab === 'request' ? (
          <RequestPanel pod={pod} readOnly={readOnly} send={(request) => (context ? sendPodRequest({ context, namespace, pod: name, ...request }) : Promise.resolve({ error: 'no cluster context' }))} />
        ) : null}
        {tab === 'shell' ? <ShellPanel pod={pod} context={context} /> : null}
      </DetailTabs>
    </>
  );
}
