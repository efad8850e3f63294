'use client';

import { useCallback, useState } from 'react';
import { namespacesViewSpec } from '@/lib/contract/list-view';
import { namespacePodsTally, namespaceRowWithPods, sortNamespaceRows, type NamespaceListRow, type NamespaceRowWithPods, type NamespaceSortKey } from '@/lib/k8s/namespace-row';
import { namespaces } from '@/lib/k8s/resources';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { useDeniedReason } from '@/lib/client/access';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { usePodTallies } from '@/lib/client/use-pod-tallies';
import { ChangeNotice } from '@/components/resources/change-notice';
import { ListStatus, NoCluster, NoResources } from '@/components/resources/list-status';
import { ListToolbar } from '@/components/resources/list-toolbar';
import { liveDialog, ResourceDialogs, rowObject, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { RowActions } from '@/components/resources/row-actions';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { useReadOnly, WritesOnly } from '@/components/shell/read-only';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { CreateNamespace } from './create-namespace';
import { namespaceColumns } from './namespace-columns';
import { DeleteNamespacesDialog } from './namespace-delete-dialogs';

/** `kubectl get namespaces`, live, with each namespace's pods, create, label and delete. */
export function NamespacesWorkspace() {
  const scope = useClusterScope();
  const readOnly = useReadOnly();
  const context = scope.contextName;
  // Every pod's row, for the per-namespace counts (shared with a Pods view of all namespaces), counted as the pods change.
  const podsIn = usePodTallies(context, namespacePodsTally);
  // A new function when some namespace's count changed; `namespaceRowWithPods` keeps every other
  // namespace's row as it was.
  const toRow = useCallback((row: NamespaceListRow) => namespaceRowWithPods(row, podsIn(row.name)), [podsIn]);
  const list = useResourceList<NamespaceListRow, NamespaceRowWithPods, NamespaceSortKey>({ descriptor: namespaces, spec: namespacesViewSpec, context, view: 'rows', toRow, sortRows: sortNamespaceRows });
  const { rows, selectedRows } = list;
  const [dialog, setDialog] = useState<ResourceDialog>();
  const [deleting, setDeleting] = useState<string[]>();
  const labelDenied = useDeniedReason(context, accessAttributes(namespaces, 'patch'));
  const deleteDenied = useDeniedReason(context, accessAttributes(namespaces, 'delete'));

  const detailHref = (row: NamespaceListRow) => `/namespaces/${encodeURIComponent(row.name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  if (!scope.loading && !scope.context) return <NoCluster error={scope.error} />;

  return (
    <>
      <WritesOnly><CreateNamespace context={context} /></WritesOnly>
      <ListToolbar {...list.toolbarProps} fieldExample="status.phase=Active,metadata.name=default" />
      <div className="mb-3"><CommandLine command={list.command} disabledReason={list.selectorProblem} /></div>
      {selectedRows.length > 0 && !readOnly ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="mr-1 text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
          <Button disabledReason={labelDenied} onClick={() => setDialog({ kind: 'labels', objects: selectedRows.map(rowObject) })}>Label selected</Button>
          <Button variant="danger" disabledReason={deleteDenied} onClick={() => setDeleting(selectedRows.map((row) => row.name))}>Delete selected</Button>
        </div>
      ) : null}
      <ListStatus descriptor={namespaces} {...list.statusProps}>
        {rows.length === 0 ? (
          <NoResources descriptor={namespaces} filtered={list.filtered && list.total > 0} onClear={list.clearSelectors}>
            {readOnly ? null : <p className="mt-1">Create one above.</p>}
          </NoResources>
        ) : (
          <ResourceTable
            descriptor={namespaces}
            {...list.tableProps}
            columns={namespaceColumns}
            detailHref={detailHref}
            rowActions={(row) => (
              <RowActions
                name={row.name}
                access={{ context, descriptor: namespaces }}
                onLabels={() => setDialog({ kind: 'labels', objects: [rowObject(row)] })}
                onAnnotations={() => setDialog({ kind: 'annotations', objects: [rowObject(row)] })}
                onDelete={() => setDeleting([row.name])}
              />
            )}
          />
        )}
      </ListStatus>
      {list.state === 'error' && list.error?.code === 403 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">You can still type a namespace you may use into the header&apos;s Namespace box and work in it.</p>
      ) : null}
      <ResourceDialogs context={context} descriptor={namespaces} dialog={liveDialog(dialog, list.rowsByUid)} onClose={() => setDialog(undefined)} onDone={list.changed} />
      <ChangeNotice {...list.noticeProps} />
      {deleting ? <DeleteNamespacesDialog context={context} names={deleting} onClose={() => setDeleting(undefined)} onDone={(outcome) => { list.changed(outcome); setDeleting(undefined); }} /> : null}
    </>
  );
}
