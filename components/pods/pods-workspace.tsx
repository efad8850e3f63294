'use client';

import { useState } from 'react';
import { podsViewSpec } from '@/lib/contract/list-view';
import { podRowComparator, type PodListRow } from '@/lib/k8s/pod-list-row';
import { pods } from '@/lib/k8s/resources';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { useDeniedReason } from '@/lib/client/access';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { ChangeNotice } from '@/components/resources/change-notice';
import { ListStatus, NoCluster, NoResources } from '@/components/resources/list-status';
import { ListToolbar } from '@/components/resources/list-toolbar';
import { liveDialog, ResourceDialogs, rowObject, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { RowActions } from '@/components/resources/row-actions';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { WritesOnly } from '@/components/shell/read-only';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { podColumns } from './pod-columns';

const refOf = (row: PodListRow) => ({ namespace: row.namespace, name: row.name });

/** The pods list: live, filtered by the URL's view, with label, annotation and delete actions. */
export function PodsWorkspace() {
  const scope = useClusterScope();
  // Before the contexts arrive only the URL's namespace is known: no list of `default` in the meantime.
  const namespace = scope.namespace ?? (scope.loading ? undefined : 'default');
  const context = namespace === undefined ? undefined : scope.contextName;
  // Rows from the BFF (the pods list's rows view), not pods: a tenth of the bytes, computed once on the server.
  const list = useResourceList<PodListRow, PodListRow, (typeof podsViewSpec.sortKeys)[number]>({ descriptor: pods, spec: podsViewSpec, context, namespace, view: 'rows', compareRows: podRowComparator });
  const { view, allNamespaces, rows, selectedRows } = list;
  const [dialog, setDialog] = useState<ResourceDialog>();
  // Hints for the toolbar's writes; across all namespaces a selection may span several, so only the server decides.
  const hintNamespace = allNamespaces ? undefined : namespace;
  const labelDenied = useDeniedReason(allNamespaces ? undefined : context, accessAttributes(pods, 'patch', hintNamespace));
  const deleteDenied = useDeniedReason(allNamespaces ? undefined : context, accessAttributes(pods, 'delete', hintNamespace));
  const deleteCollectionDenied = useDeniedReason(context, accessAttributes(pods, 'deletecollection', hintNamespace));

  const detailHref = (row: PodListRow) => `/pods/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`;

  if (!scope.loading && !scope.context) return <NoCluster error={scope.error} />;

  return (
    <>
      <ListToolbar {...list.toolbarProps} fieldExample="status.phase=Running,spec.nodeName=node-1" />
      <div className="mb-3"><CommandLine command={list.command} disabledReason={list.selectorProblem} /></div>
      <WritesOnly>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        {selectedRows.length > 0 ? (
          <>
            <span className="mr-1 text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
            <Button disabledReason={labelDenied} onClick={() => setDialog({ kind: 'labels', objects: selectedRows.map(rowObject) })}>Label selected</Button>
            <Button variant="danger" disabledReason={deleteDenied} onClick={() => setDialog({ kind: 'delete', scope: { kind: 'objects', objects: selectedRows.map(refOf) } })}>Delete selected</Button>
          </>
        ) : null}
        <div className="ml-auto flex gap-2">
          {view.labelSelector ? (
            <Button disabledReason={list.selectorProblem ?? deleteCollectionDenied} onClick={() => setDialog({ kind: 'delete', scope: { kind: 'selector', namespace: allNamespaces ? undefined : namespace, labelSelector: view.labelSelector, fieldSelector: view.fieldSelector || undefined } })}>
              Delete matching…
            </Button>
          ) : null}
          {!allNamespaces && list.total > 0 ? <Button disabledReason={deleteCollectionDenied} onClick={() => setDialog({ kind: 'delete', scope: { kind: 'all', namespace } })}>Delete all in {namespace}…</Button> : null}
        </div>
      </div>
      </WritesOnly>
      <ListStatus descriptor={pods} {...list.statusProps}>
        {rows.length === 0 ? (
          <NoResources descriptor={pods} namespace={namespace} filtered={list.filtered && list.total > 0} onClear={list.clearSelectors} />
        ) : (
          <ResourceTable
            descriptor={pods}
            {...list.tableProps}
            columns={podColumns(context)}
            showNamespace={allNamespaces}
            detailHref={detailHref}
            rowActions={(row) => (
              <RowActions
                name={row.name}
                access={{ context, descriptor: pods, namespace: row.namespace }}
                onLabels={() => setDialog({ kind: 'labels', objects: [rowObject(row)] })}
                onAnnotations={() => setDialog({ kind: 'annotations', objects: [rowObject(row)] })}
                onDelete={() => setDialog({ kind: 'delete', scope: { kind: 'objects', objects: [refOf(row)] } })}
              />
            )}
          />
        )}
      </ListStatus>
      <ResourceDialogs context={context} descriptor={pods} dialog={liveDialog(dialog, list.rowsByUid)} onClose={() => setDialog(undefined)} onDone={list.changed} />
      <ChangeNotice {...list.noticeProps} />
    </>
  );
}
