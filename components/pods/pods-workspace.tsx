'use client';

import { useState } from 'react';
import { podsViewSpec } from '@/lib/contract/list-view';
import { podListRow, sortPodRows, type PodListRow } from '@/lib/k8s/pod-list-row';
import { pods } from '@/lib/k8s/resources';
import type { Pod } from '@/lib/k8s/types';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { ListStatus, NoResources } from '@/components/resources/list-status';
import { ListToolbar } from '@/components/resources/list-toolbar';
import { ResourceDialogs, type DialogObject, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { EmptyState } from '@/components/ui/empty-state';
import { podColumns } from './pod-columns';

const asObject = (row: PodListRow): DialogObject => ({ name: row.name, namespace: row.namespace, object: row.pod });
const refOf = (row: PodListRow) => ({ namespace: row.namespace, name: row.name });

/** The pods list: live, filtered by the URL's view, with label, annotation and delete actions. */
export function PodsWorkspace() {
  const scope = useClusterScope();
  const context = scope.context?.name;
  const namespace = scope.namespace ?? 'default';
  const list = useResourceList<Pod, PodListRow, (typeof podsViewSpec.sortKeys)[number]>({ descriptor: pods, spec: podsViewSpec, context, namespace, toRow: podListRow, sortRows: sortPodRows });
  const { view, setView, allNamespaces, rows, allRows, selectedRows } = list;
  const [dialog, setDialog] = useState<ResourceDialog>();

  // An editor acts on the pods as they are now, not as they were when it opened: the kubelet's status
  // updates change a pod's resourceVersion, and a stale one would be refused with 409 Conflict.
  const live = (open?: ResourceDialog): ResourceDialog | undefined =>
    open && open.kind !== 'delete'
      ? { ...open, objects: open.objects.map((o) => { const row = list.rowsByUid.get(o.object.metadata?.uid ?? ''); return row ? asObject(row) : o; }) }
      : open;
  const detailHref = (row: PodListRow) => `/pods/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  if (!scope.loading && !scope.context) {
    return (
      <EmptyState title="No cluster connected">
        {scope.error ? scope.error.message : 'No kubeconfig context was found and the embedded cluster is turned off (PILOTHOUSE_EMBEDDED=false).'}
      </EmptyState>
    );
  }

  return (
    <>
      <ListToolbar view={view} onChange={setView} labelIndex={list.labelIndex} matched={rows.length} total={allRows.length} fieldExample="status.phase=Running,spec.nodeName=node-1" onCopyLink={() => void list.copy('link')} onCopyCommand={() => void list.copy('command')} copied={list.copied} />
      <div className="mb-3"><CommandLine command={list.command} /></div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        {selectedRows.length > 0 ? (
          <>
            <span className="mr-1 text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
            <Button onClick={() => setDialog({ kind: 'labels', objects: selectedRows.map(asObject) })}>Label selected</Button>
            <Button variant="danger" onClick={() => setDialog({ kind: 'delete', scope: { kind: 'objects', objects: selectedRows.map(refOf) } })}>Delete selected</Button>
          </>
        ) : null}
        <div className="ml-auto flex gap-2">
          {view.labelSelector && list.selectorValid ? (
            <Button onClick={() => setDialog({ kind: 'delete', scope: { kind: 'selector', namespace: allNamespaces ? undefined : namespace, labelSelector: view.labelSelector, fieldSelector: view.fieldSelector || undefined } })}>
              Delete matching…
            </Button>
          ) : null}
          {!allNamespaces && allRows.length > 0 ? <Button onClick={() => setDialog({ kind: 'delete', scope: { kind: 'all', namespace } })}>Delete all in {namespace}…</Button> : null}
        </div>
      </div>
      <ListStatus descriptor={pods} state={list.state} error={list.error}>
        {rows.length === 0 ? (
          <NoResources descriptor={pods} namespace={namespace} filtered={list.filtered && allRows.length > 0} onClear={list.clearSelectors} />
        ) : (
          <ResourceTable
            descriptor={pods}
            rows={rows}
            columns={podColumns(context)}
            showNamespace={allNamespaces}
            showLabels={view.showLabels}
            labelColumns={view.labelColumns}
            sort={view.sort}
            onSort={list.onSort}
            selected={list.selected}
            onSelect={list.onSelect}
            onPickLabel={list.pickLabel}
            detailHref={detailHref}
            rowActions={(row) => (
              <div className="flex justify-end gap-0.5 text-xs [&>button]:px-2 [&>button]:py-1 [&>button]:text-xs">
                <Button variant="ghost" aria-label={`Edit labels of ${row.name}`} onClick={() => setDialog({ kind: 'labels', objects: [asObject(row)] })}>Labels</Button>
                <Button variant="ghost" aria-label={`Edit annotations of ${row.name}`} onClick={() => setDialog({ kind: 'annotations', objects: [asObject(row)] })}>Annotations</Button>
                <Button variant="ghost" aria-label={`Delete ${row.name}`} onClick={() => setDialog({ kind: 'delete', scope: { kind: 'objects', objects: [refOf(row)] } })}>Delete</Button>
              </div>
            )}
          />
        )}
      </ListStatus>
      <ResourceDialogs context={context} descriptor={pods} dialog={live(dialog)} onClose={() => setDialog(undefined)} onDone={list.clearSelection} />
    </>
  );
}
