'use client';

import type { ReactNode } from 'react';
import { describePod } from '@/lib/k8s/describe-pod';
import type { CoreEvent, DescribablePod } from '@/lib/k8s/describe-pod-types';
import { translateTimestampSince } from '@/lib/k8s/duration';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { podRestarts, summarizePod } from '@/lib/k8s/pod-status';
import { StatusBadge } from '@/components/pods/status-badge';
import { NoneText } from '@/components/resources/none-text';
import { useNow } from '@/components/ui/use-now';
import { ContainerCard } from './container-card';
import { DescribeRows } from './describe-rows';
import { ConditionsTable, EventsTable } from './describe-tables';

export interface PodOverviewProps {
  pod: DescribablePod;
  /** Events whose involvedObject is this pod, kept live by the page. */
  events: readonly CoreEvent[];
  eventsState?: 'loading' | 'ready' | 'error';
}

/** Timestamps in the viewer's zone, as kubectl prints them in the user's terminal. */
const LOCAL_TIME = { offsetMinutes: (date: Date) => -date.getTimezoneOffset() };

function Section({ title, children, count }: { title: string; children: ReactNode; count?: number }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-200">
        {title}
        {count !== undefined ? <span className="ml-1.5 font-normal text-slate-600 dark:text-slate-400">({count})</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** One headline value; `title` gives the whole text where the card truncates it (long node names). */
function Fact({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
      <div className="text-xs text-slate-600 dark:text-slate-400">{label}</div>
      <div title={title} className="mt-0.5 truncate text-sm font-medium">{children}</div>
    </div>
  );
}

/**
 * The Overview tab: what `kubectl describe pod` prints, laid out in sections, with ages that tick and
 * events that arrive live.
 */
export function PodOverview({ pod, events, eventsState = 'ready' }: PodOverviewProps) {
  const now = useNow();
  const description = describePod({ pod, events, now, time: LOCAL_TIME });
  const summary = summarizePod(pod);
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const qos = description.footer.find((row) => row.label === 'QoS Class')?.value;

  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Status"><StatusBadge status={summary.reason || 'Unknown'} /></Fact>
        <Fact label="Ready">{`${summary.readyContainers}/${summary.totalContainers}`}</Fact>
        <Fact label="Restarts">{podRestarts(pod, now).text}</Fact>
        <Fact label="Age">{translateTimestampSince(pod.metadata?.creationTimestamp, now)}</Fact>
        <Fact label="Node" title={pod.spec?.nodeName}>{pod.spec?.nodeName || <NoneText />}</Fact>
        <Fact label="QoS Class">{typeof qos === 'string' ? qos : ''}</Fact>
      </div>

      <code className="block truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
        {kubectlCommand({ verb: 'describe', resource: 'pod', name, scope: { namespace } })}
      </code>

      <div className="grid gap-6 xl:grid-cols-2">
        <Section title="Pod">
          <DescribeRows rows={description.header} />
        </Section>
        <div className="space-y-6">
          {description.readinessGates.length ? (
            <Section title="Readiness Gates">
              <DescribeRows rows={description.readinessGates.map((gate) => ({ label: gate.type, value: gate.status }))} />
            </Section>
          ) : null}
          <Section title="Scheduling">
            <DescribeRows rows={description.footer} />
          </Section>
        </div>
      </div>

      <Section title="Conditions">
        <ConditionsTable conditions={description.conditions} />
      </Section>

      {description.initContainers.length ? (
        <Section title="Init Containers" count={description.initContainers.length}>
          <div className="grid items-start gap-3 xl:grid-cols-2">
            {description.initContainers.map((c) => <ContainerCard key={c.name} container={c} kind="Init container" />)}
          </div>
        </Section>
      ) : null}
      <Section title="Containers" count={description.containers.length}>
        <div className="grid items-start gap-3 xl:grid-cols-2">
          {description.containers.map((c) => <ContainerCard key={c.name} container={c} kind="Container" />)}
        </div>
      </Section>
      {description.ephemeralContainers.length ? (
        <Section title="Ephemeral Containers" count={description.ephemeralContainers.length}>
          <div className="grid items-start gap-3 xl:grid-cols-2">
            {description.ephemeralContainers.map((c) => <ContainerCard key={c.name} container={c} kind="Ephemeral container" />)}
          </div>
        </Section>
      ) : null}

      <Section title="Volumes" count={description.volumes.length}>
        {description.volumes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">&lt;none&gt;</p>
        ) : (
          <div className="grid items-start gap-3 md:grid-cols-2 xl:grid-cols-3">
            {description.volumes.map((volume) => (
              <div key={volume.name} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                <h4 className="mb-2 font-mono text-sm font-semibold">{volume.name}</h4>
                <DescribeRows rows={volume.rows} />
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section title="Events" count={eventsState === 'ready' ? description.events.length : undefined}>
        <EventsTable events={description.events} state={eventsState} />
      </Section>
    </div>
  );
}
