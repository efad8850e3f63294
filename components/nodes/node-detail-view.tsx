'use client';

import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import type { WatchTarget } from '@/lib/contract/watch';
import { describeNode, type AllocatedAmount } from '@/lib/k8s/describe-node';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';
import { nodeStatus } from '@/lib/k8s/node-list-row';
import { useClusterPlacement } from '@/lib/client/use-cluster-placement';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { EventsTable } from '@/components/pod-detail/describe-tables';
import { StatusBadge } from '@/components/pods/status-badge';
import { CommandLine } from '@/components/ui/command-line';
import { EmptyState } from '@/components/ui/empty-state';
import { useNow } from '@/components/ui/use-now';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { nodeTone } from './node-columns';
import { schedulingHref } from './node-links';

const th = 'px-3 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-1.5 align-top';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Table({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table aria-label={label} className="w-full border-collapse text-sm">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>{head.map((h) => <th key={h} scope="col" className={th}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i} className="border-t border-slate-100 dark:border-slate-800/70">{cells.map((cell, j) => <td key={j} className={td}>{cell}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pairs({ label, pairs }: { label: string; pairs: [string, string][] }) {
  if (pairs.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">&lt;none&gt;</p>;
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
      {pairs.map(([k, v]) => (
        <div key={k} className="contents"><dt className="text-slate-600 dark:text-slate-400">{k}</dt><dd className="break-all">{v}</dd></div>
      ))}
    </dl>
  );
}

const amount = (a: AllocatedAmount) => `${a.text} (${a.percent}%)`;

/** `kubectl describe node` as a page, live: the node, the pods bound to it and its events. */
export function NodeDetailView({ name }: { name: string }) {
  const scope = useClusterScope();
  const context = scope.context?.name;
  const now = useNow();
  const placement = useClusterPlacement(context);
  const node = placement.nodes.find((n) => n.metadata?.name === name);
  const eventsTarget: WatchTarget | null = context ? { context, version: 'v1', resource: 'events', fieldSelector: `involvedObject.kind=Node,involvedObject.name=${name}` } : null;
  const events = useWatchedList<CoreEvent>(eventsTarget);
  const podsOnNode = placement.podsByNode.get(name);
  const description = useMemo(() => (node ? describeNode({ node, pods: podsOnNode ?? [], events: events.data?.items.toArray() ?? [], now }) : undefined), [node, podsOnNode, events.data, now]);
  const listHref = `/nodes${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  const header = (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <Link href={listHref} className="text-sm text-sky-700 hover:underline dark:text-sky-300">← Nodes</Link>
      <h1 className="text-xl font-semibold tracking-tight">{name}</h1>
      {node ? <StatusBadge status={nodeStatus(node)} tone={nodeTone(nodeStatus(node))} /> : null}
      <Link href={schedulingHref({ context })} className="ml-auto text-sm text-sky-700 hover:underline dark:text-sky-300">Scheduling preview →</Link>
    </div>
  );
  if (placement.nodesState === 'error') return <>{header}<p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{placement.nodesError?.message}</p></>;
  if (!description) {
    return (
      <>
        {header}
        {placement.nodesState === 'live' ? <EmptyState title="Node not found">There is no node {name}.</EmptyState> : <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Loading node…</p>}
      </>
    );
  }
  const d = description;
  return (
    <div className="space-y-6">
      {header}
      <CommandLine command={kubectlCommand({ verb: 'describe', resource: 'node', name })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Node">
          <Pairs label="Node" pairs={[['Roles', d.roles], ['CreationTimestamp', d.created], ['Unschedulable', String(d.unschedulable)], ['Taints', d.taints.join(', ') || '<none>'], ['PodCIDRs', d.podCIDRs.join(',')], ['ProviderID', d.providerID]]} />
        </Section>
        <Section title="Addresses">
          <Pairs label="Addresses" pairs={d.addresses.map((a): [string, string] => [a.type, a.address])} />
        </Section>
        <Section title="Labels"><Pairs label="Labels" pairs={d.labels} /></Section>
        <Section title="Annotations"><Pairs label="Annotations" pairs={d.annotations} /></Section>
      </div>
      <Section title="Conditions">
        <Table label="Conditions" head={['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message']} rows={d.conditions.map((c) => [c.type, c.status, c.lastHeartbeat, c.lastTransition, c.reason, c.message])} />
      </Section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Section title="Capacity"><Pairs label="Capacity" pairs={d.capacity} /></Section>
        <Section title="Allocatable"><Pairs label="Allocatable" pairs={d.allocatable} /></Section>
        <Section title="System Info"><Pairs label="System Info" pairs={d.systemInfo} /></Section>
      </div>
      <Section title={`Non-terminated Pods (${d.pods.length} in total)`}>
        <Table
          label="Non-terminated Pods"
          head={['Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age']}
          rows={d.pods.map((p) => [
            p.namespace,
            <Link key="name" href={`/pods/${encodeURIComponent(p.namespace)}/${encodeURIComponent(p.name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`} className="text-sky-700 hover:underline dark:text-sky-300">{p.name}</Link>,
            amount(p.cpuRequests), amount(p.cpuLimits), amount(p.memoryRequests), amount(p.memoryLimits), p.age,
          ])}
        />
      </Section>
      <Section title="Allocated resources">
        <p className="text-xs text-slate-600 dark:text-slate-400">Total limits may be over 100 percent, i.e., overcommitted.</p>
        <Table label="Allocated resources" head={['Resource', 'Requests', 'Limits']} rows={d.allocated.map((a) => [a.resource, amount(a.requests), amount(a.limits)])} />
      </Section>
      <Section title="Events">
        <EventsTable events={d.events} state={events.state === 'error' ? 'error' : events.state === 'live' ? 'ready' : 'loading'} />
      </Section>
    </div>
  );
}
