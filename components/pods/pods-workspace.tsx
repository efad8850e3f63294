'use client';

import { useMemo, useState } from 'react';
import { ALL_NAMESPACES } from '@/lib/contract/scope';
import { podsViewCommand } from '@/lib/contract/pods-view';
import type { WatchTarget } from '@/lib/contract/watch';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { parseLabelSelector, matchesLabels } from '@/lib/k8s/label-selector';
import { podListRow, sortPodRows, type PodListRow, type PodRowSortKey } from '@/lib/k8s/pod-list-row';
import { indexLabels } from '@/lib/k8s/selector-suggestions';
import type { Pod } from '@/lib/k8s/types';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { EmptyState } from '@/components/ui/empty-state';
import { PodsDialogs, type PodsDialog } from './pods-dialogs';
import { ListStatus, NoPods } from './pods-list-state';
import { PodsTable } from './pods-table';
import { PodsToolbar } from './pods-toolbar';
import { usePodsView } from './use-pods-view';

/** Adds `key=value` to a selector unless it is already there. */
function withLabel(selector: string, key: string, value: string): string {
  const clause = `${key}=${value}`;
  const clauses = selector.split(',').map((c) => c.trim()).filter(Boolean);
  return clauses.includes(clause) ? selector : [...clauses, clause].join(',');
}

/** The pods list: live, filtered by the URL's view, with label, annotation and delete actions. */
export function PodsWorkspace() {
  const scope = useClusterScope();
  const [view, setView] = usePodsView();
  const context = scope.context?.name;
  const namespace = scope.namespace ?? 'default';
  const allNamespaces = namespace === ALL_NAMESPACES;
  const target: WatchTarget | null = context
    ? { context, version: 'v1', resource: 'pods', namespace: allNamespaces ? undefined : namespace, fieldSelector: view.fieldSelector || undefined }
    : null;
  const { data, state, error } = useWatchedList<Pod>(target);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<PodsDialog>();
  const [copied, setCopied] = useState<'link' | 'command'>();

  const allRows = useMemo(() => (data?.items ?? []).map(podListRow), [data]);
  const rowsByUid = useMemo(() => new Map(allRows.map((row) => [row.uid, row])), [allRows]);
  const labelIndex = useMemo(() => indexLabels(allRows.map((row) => row.labels)), [allRows]);
  // The filter bar only passes valid selectors to the URL, but a hand-edited link may not be.
  const parsedSelector = useMemo(() => parseLabelSelector(view.labelSelector), [view.labelSelector]);
  const rows = useMemo(() => {
    const parsed = parsedSelector;
    const matching = parsed.ok ? allRows.filter((row) => matchesLabels(parsed.selector, row.labels)) : [];
    return sortPodRows(matching, view.sort.key, view.sort.descending);
  }, [allRows, parsedSelector, view.sort.key, view.sort.descending]);
  const selectedRows = rows.filter((row) => selected.has(row.uid));

  const command = kubectlCommand(podsViewCommand(view, namespace));
  const copy = async (what: 'link' | 'command') => {
    await navigator.clipboard.writeText(what === 'link' ? window.location.href : command);
    setCopied(what);
    setTimeout(() => setCopied(undefined), 1500);
  };
  const onSort = (key: PodRowSortKey) => setView({ sort: { key, descending: view.sort.key === key ? !view.sort.descending : false } });
  const onSelect = (uids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const uid of uids) if (on) next.add(uid); else next.delete(uid);
      return next;
    });
  // An editor acts on the pods as they are now, not as they were when it opened: the kubelet's status
  // updates change a pod's resourceVersion, and a stale one would be refused with 409 Conflict.
  const live = (open?: PodsDialog): PodsDialog | undefined =>
    open && open.kind !== 'delete' ? { ...open, rows: open.rows.map((row) => rowsByUid.get(row.uid) ?? row) } : open;
  const detailHref = (row: PodListRow) => `/pods/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  if (!scope.loading && !scope.context) {
    return (
      <EmptyState title="No cluster connected">
        {scope.error ? scope.error.message : 'No kubeconfig context was found and the embedded cluster is turned off (PILOTHOUSE_EMBEDDED=false).'}
      </EmptyState>
    );
  }

  const filtered = view.labelSelector !== '' || view.fieldSelector !== '';
  return (
    <>
      <PodsToolbar view={view} onChange={setView} labelIndex={labelIndex} matched={rows.length} total={allRows.length} onCopyLink={() => void copy('link')} onCopyCommand={() => void copy('command')} copied={copied} />
      <div className="mb-3"><CommandLine command={command} /></div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        {selectedRows.length > 0 ? (
          <>
            <span className="mr-1 text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
            <Button onClick={() => setDialog({ kind: 'labels', rows: selectedRows })}>Label selected</Button>
            <Button variant="danger" onClick={() => setDialog({ kind: 'delete', scope: { kind: 'pods', pods: selectedRows } })}>Delete selected</Button>
          </>
        ) : null}
        <div className="ml-auto flex gap-2">
          {view.labelSelector && parsedSelector.ok ? (
            <Button onClick={() => setDialog({ kind: 'delete', scope: { kind: 'selector', namespace: allNamespaces ? undefined : namespace, labelSelector: view.labelSelector, fieldSelector: view.fieldSelector } })}>
              Delete matching…
            </Button>
          ) : null}
          {!allNamespaces && allRows.length > 0 ? <Button onClick={() => setDialog({ kind: 'delete', scope: { kind: 'namespace', namespace } })}>Delete all in {namespace}…</Button> : null}
        </div>
      </div>
      <ListStatus state={state} error={error}>
        {rows.length === 0 ? (
          <NoPods namespace={namespace} filtered={filtered && allRows.length > 0} onClear={() => setView({ labelSelector: '', fieldSelector: '' })} />
        ) : (
          <PodsTable
            rows={rows}
            showNamespace={allNamespaces}
            showLabels={view.showLabels}
            labelColumns={view.labelColumns}
            sort={view.sort}
            onSort={onSort}
            selected={selected}
            onSelect={onSelect}
            onPickLabel={(key, value) => setView({ labelSelector: withLabel(view.labelSelector, key, value) })}
            detailHref={detailHref}
            rowActions={(row) => (
              <div className="flex justify-end gap-0.5 text-xs [&>button]:px-2 [&>button]:py-1 [&>button]:text-xs">
                <Button variant="ghost" aria-label={`Edit labels of ${row.name}`} onClick={() => setDialog({ kind: 'labels', rows: [row] })}>Labels</Button>
                <Button variant="ghost" aria-label={`Edit annotations of ${row.name}`} onClick={() => setDialog({ kind: 'annotations', rows: [row] })}>Annotations</Button>
                <Button variant="ghost" aria-label={`Delete ${row.name}`} onClick={() => setDialog({ kind: 'delete', scope: { kind: 'pods', pods: [row] } })}>Delete</Button>
              </div>
            )}
          />
        )}
      </ListStatus>
      <PodsDialogs context={context} dialog={live(dialog)} onClose={() => setDialog(undefined)} onDone={() => setSelected(new Set())} />
    </>
  );
}
