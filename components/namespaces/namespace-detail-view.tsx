'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { namespaceListRow, PROTECTED_NAMESPACES } from '@/lib/k8s/namespace-row';
import { namespaces } from '@/lib/k8s/resources';
import type { Namespace } from '@/lib/k8s/types';
import { useNamespaceContents, type ContentGroup } from '@/lib/client/namespace-contents';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { StatusBadge } from '@/components/pods/status-badge';
import { LabelChip } from '@/components/resources/label-chip';
import { ResourceDialogs, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { WritesOnly } from '@/components/shell/read-only';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { EmptyState } from '@/components/ui/empty-state';
import { DeleteAllInNamespaceDialog, DeleteNamespacesDialog } from './namespace-delete-dialogs';

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <div className="mb-2 flex items-center gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        <div className="ml-auto flex gap-2">{actions}</div>
      </div>
      {children}
    </section>
  );
}

const none = <p className="text-sm text-slate-600 dark:text-slate-400">&lt;none&gt;</p>;

function Pairs({ values }: { values: Record<string, string> }) {
  const entries = Object.entries(values);
  if (!entries.length) return none;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([key, value]) => <li key={key}><LabelChip name={key} value={value} /></li>)}
    </ul>
  );
}

/** For every namespaced resource found through discovery: how many objects the namespace holds. */
function Contents({ groups, namespace, context }: { groups: ContentGroup[]; namespace: string; context?: string }) {
  const shown = groups.filter((g) => g.items.length > 0 || g.error);
  const total = groups.reduce((sum, g) => sum + g.items.length, 0);
  const podsHref = `/pods?${new URLSearchParams({ ...(context ? { context } : {}), namespace }).toString()}`;
  return (
    <>
      <p className="mb-2 text-sm" role="status">{total === 0 ? 'Nothing inside.' : `${total} ${total === 1 ? 'object' : 'objects'} inside.`}</p>
      {shown.length ? (
        <table aria-label="What is inside" className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
            <tr><th scope="col" className="py-1 pr-4">Resource</th><th scope="col" className="pr-4">Count</th><th scope="col">List</th></tr>
          </thead>
          <tbody>
            {shown.map((group) => (
              <tr key={`${group.resource.group}/${group.resource.resource}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-4 font-mono text-xs">{group.resource.group ? `${group.resource.resource}.${group.resource.group}` : group.resource.resource}</td>
                <td className="pr-4 tabular-nums">{group.error ? <span className="text-rose-700 dark:text-rose-300">{group.error}</span> : group.items.length}</td>
                <td>
                  {group.resource.resource === 'pods' && !group.resource.group ? (
                    <Link href={podsHref} className="text-sky-700 hover:underline dark:text-sky-300">Pods in {namespace}</Link>
                  ) : (
                    <code className="font-mono text-xs">{kubectlCommand({ verb: 'get', resource: group.resource.resource, scope: { namespace } })}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function names(groups: ContentGroup[] | undefined, resource: string): string[] {
  return groups?.find((g) => g.resource.resource === resource && !g.resource.group)?.items.map((i) => i.name) ?? [];
}

/** One namespace, live: `kubectl describe namespace` as a page, what is inside, and its deletes. */
export function NamespaceDetailView({ name }: { name: string }) {
  const scope = useClusterScope();
  const context = scope.context?.name;
  const watched = useWatchedList<Namespace>(context ? { context, version: 'v1', resource: 'namespaces', fieldSelector: `metadata.name=${name}` } : null);
  const namespace = watched.data?.items.at(0);
  const terminating = namespace ? namespaceListRow(namespace).status === 'Terminating' : false;
  // Counted again every few seconds, and every second while it terminates, until the namespace is gone.
  const contents = useNamespaceContents({ context, namespace: namespace ? name : undefined, selection: 'namespaced', refetchMs: terminating ? 1000 : 5000 });
  const [dialog, setDialog] = useState<ResourceDialog>();
  const [deleting, setDeleting] = useState<'namespace' | 'all'>();
  const listHref = `/namespaces${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  const header = (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <Link href={listHref} className="text-sm text-sky-700 hover:underline dark:text-sky-300">← Namespaces</Link>
      <h1 className="text-xl font-semibold tracking-tight">{name}</h1>
      {namespace ? <StatusBadge status={namespaceListRow(namespace).status} /> : null}
      {namespace && !terminating ? (
        <WritesOnly>
          <div className="ml-auto flex gap-2">
            <Button onClick={() => setDeleting('all')}>Delete all in {name}…</Button>
            <Button variant="danger" onClick={() => setDeleting('namespace')}>Delete namespace…</Button>
          </div>
        </WritesOnly>
      ) : null}
    </div>
  );

  if (watched.state === 'error') {
    return (
      <>
        {header}
        <section role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">{watched.error?.message}</section>
      </>
    );
  }
  if (!namespace) {
    return (
      <>
        {header}
        {watched.state === 'live' ? (
          <EmptyState title="Namespace not found">
            There is no namespace {name} (it may have been deleted). <Link href={listHref} className="text-sky-700 hover:underline dark:text-sky-300">Back to the list</Link>
          </EmptyState>
        ) : (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Loading namespace…</p>
        )}
      </>
    );
  }

  const conditions = namespace.status?.conditions ?? [];
  const finalizers = [...(namespace.spec?.finalizers ?? []), ...(namespace.metadata?.finalizers ?? [])];
  const object = { name, object: namespace };
  return (
    <>
      {header}
      <div className="mb-3"><CommandLine command={kubectlCommand({ verb: 'describe', resource: 'namespace', name })} /></div>
      {PROTECTED_NAMESPACES.includes(name) ? <p role="note" className="mb-3 text-sm text-slate-600 dark:text-slate-400">The API server never deletes {name}: it answers Forbidden, &quot;this namespace may not be deleted&quot;.</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Status">
          <p className="mb-2 text-sm">{terminating ? 'Terminating: the namespace controller is deleting what is inside.' : 'Active'}</p>
          {conditions.length ? (
            <table aria-label="Conditions" className="w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400"><tr><th scope="col" className="pr-3">Type</th><th scope="col" className="pr-3">Status</th><th scope="col" className="pr-3">Reason</th><th scope="col">Message</th></tr></thead>
              <tbody>
                {conditions.map((c) => (
                  <tr key={c.type} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="py-1 pr-3 font-mono text-xs">{c.type}</td><td className="pr-3">{c.status}</td><td className="pr-3">{c.reason}</td><td className="text-xs">{c.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h3 className="mt-3 text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Finalizers</h3>
          {finalizers.length ? <ul className="font-mono text-xs">{finalizers.map((f) => <li key={f}>{f}</li>)}</ul> : none}
        </Section>
        <Section title="What is inside">
          {contents.error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{contents.error.message}</p> : null}
          {contents.data ? <Contents groups={contents.data} namespace={name} context={context} /> : contents.isPending ? <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Looking through discovery…</p> : null}
        </Section>
        <Section title="Labels" actions={<WritesOnly><Button onClick={() => setDialog({ kind: 'labels', objects: [object] })} aria-label={`Edit labels of ${name}`}>Edit</Button></WritesOnly>}>
          <Pairs values={namespace.metadata?.labels ?? {}} />
        </Section>
        <Section title="Annotations" actions={<WritesOnly><Button onClick={() => setDialog({ kind: 'annotations', objects: [object] })} aria-label={`Edit annotations of ${name}`}>Edit</Button></WritesOnly>}>
          <Pairs values={namespace.metadata?.annotations ?? {}} />
        </Section>
        <Section title="Resource quotas">{names(contents.data, 'resourcequotas').length ? <ul className="font-mono text-xs">{names(contents.data, 'resourcequotas').map((n) => <li key={n}>{n}</li>)}</ul> : none}</Section>
        <Section title="Limit ranges">{names(contents.data, 'limitranges').length ? <ul className="font-mono text-xs">{names(contents.data, 'limitranges').map((n) => <li key={n}>{n}</li>)}</ul> : none}</Section>
      </div>
      <ResourceDialogs context={context} descriptor={namespaces} dialog={dialog ? (dialog.kind === 'delete' ? dialog : { ...dialog, objects: [object] }) : undefined} onClose={() => setDialog(undefined)} onDone={() => undefined} />
      {deleting === 'namespace' ? <DeleteNamespacesDialog context={context} names={[name]} onClose={() => setDeleting(undefined)} onDone={() => setDeleting(undefined)} /> : null}
      {deleting === 'all' ? <DeleteAllInNamespaceDialog context={context} namespace={name} onClose={() => setDeleting(undefined)} onDone={() => { setDeleting(undefined); void contents.refetch(); }} /> : null}
    </>
  );
}
