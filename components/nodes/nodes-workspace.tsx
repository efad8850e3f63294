'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { nodesViewSpec } from '@/lib/contract/list-view';
import { nodeListRow, nodeRequestsTally, sortNodeRows, type NodeListRow, type NodeRow } from '@/lib/k8s/node-list-row';
import { nodes } from '@/lib/k8s/resources';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { useDeniedReason } from '@/lib/client/access';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { usePodTallies } from '@/lib/client/use-pod-tallies';
import { ChangeNotice } from '@/components/resources/change-notice';
import { ListStatus, NoCluster, NoResources } from '@/components/resources/list-status';
import { ListToolbar } from '@/components/resources/list-toolbar';
import { liveDialog, ResourceDialogs, rowObject, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { RowActionsMenu } from '@/components/resources/row-actions';
import { useReadOnly } from '@/components/shell/read-only';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { NodeDialogs, type NodeDialog, type TaintedNode } from './node-change-dialogs';
import { nodeColumns } from './node-columns';
import { nodeHref, schedulingHref } from './node-links';

/** The nodes list: `kubectl get nodes` live, with what placement depends on, labels, cordon and taints. */
export function NodesWorkspace() {
  const scope = useClusterScope();
  const readOnly = useReadOnly();
  const context = scope.contextName;
  // Rows of nodes and of every pod (shared with the Pods and Namespaces pages), not objects: the
  // allocation bars need only each pod's node, phase and requests, added up as the pods change.
  const requestedOn = usePodTallies(context, nodeRequestsTally);
  // A new function when some node's sums changed; `nodeListRow` keeps every other node's row as it was.
  const toRow = useCallback((row: NodeRow) => nodeListRow(row, requestedOn(row.name)), [requestedOn]);
  const list = useResourceList<NodeRow, NodeListRow, (typeof nodesViewSpec.sortKeys)[number]>({ descriptor: nodes, spec: nodesViewSpec, context, view: 'rows', toRow, sortRows: sortNodeRows });
  const { view, setView, rows, selectedRows } = list;
  const [dialog, setDialog] = useState<ResourceDialog>();
  const [nodeDialog, setNodeDialog] = useState<NodeDialog>();
  // Labels, taints and cordon are all patches of a cluster-scoped Node: one answer serves every row.
  const patchDenied = useDeniedReason(context, accessAttributes(nodes, 'patch'));

  // Dialogs act on the nodes as they are now: kubelet heartbeats move a node's resourceVersion on.
  const liveNode = (node: TaintedNode) => list.rowsByUid.get(node.uid) ?? node;
  const liveNodeDialog = nodeDialog?.kind === 'taints' ? { ...nodeDialog, node: liveNode(nodeDialog.node) } : nodeDialog;

  if (!scope.loading && !scope.context) return <NoCluster error={scope.error} />;

  return (
    <>
      <ListToolbar {...list.toolbarProps} fieldExample="spec.unschedulable=true,metadata.name=node-1" />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1"><CommandLine command={list.command} disabledReason={list.selectorProblem} /></div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" role="switch" aria-checked={Boolean(view.wide)} checked={Boolean(view.wide)} onChange={(event) => setView({ wide: event.target.checked })} />
          <span>Wide columns (<code className="font-mono text-xs">-o wide</code>)</span>
        </label>
        <Link href={schedulingHref({ context })} className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-300">Scheduling preview →</Link>
      </div>
      {selectedRows.length > 0 && !readOnly ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="mr-1 text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
          <Button disabledReason={patchDenied} onClick={() => setDialog({ kind: 'labels', objects: selectedRows.map(rowObject) })}>Label selected</Button>
          <Button disabledReason={patchDenied} onClick={() => setNodeDialog({ kind: 'cordon', names: selectedRows.map((r) => r.name), unschedulable: true })}>Cordon selected</Button>
          <Button disabledReason={patchDenied} onClick={() => setNodeDialog({ kind: 'cordon', names: selectedRows.map((r) => r.name), unschedulable: false })}>Uncordon selected</Button>
        </div>
      ) : null}
      <ListStatus descriptor={nodes} {...list.statusProps}>
        {rows.length === 0 ? (
          <NoResources descriptor={nodes} filtered={list.filtered && list.total > 0} onClear={list.clearSelectors}>
            <p className="mt-1">Nodes register themselves: a cluster without nodes runs no pods.</p>
          </NoResources>
        ) : (
          <ResourceTable
            descriptor={nodes}
            {...list.tableProps}
            columns={nodeColumns(Boolean(view.wide))}
            detailHref={(row) => nodeHref(row.name, context)}
            rowActions={(row) => (
              <RowActionsMenu
                name={row.name}
                actions={[
                  { label: 'Edit labels…', onSelect: () => setDialog({ kind: 'labels', objects: [rowObject(row)] }), disabledReason: patchDenied },
                  { label: 'Edit taints…', onSelect: () => setNodeDialog({ kind: 'taints', node: row }), disabledReason: patchDenied },
                  row.unschedulable
                    ? { label: 'Uncordon…', onSelect: () => setNodeDialog({ kind: 'cordon', names: [row.name], unschedulable: false }), disabledReason: patchDenied }
                    : { label: 'Cordon…', onSelect: () => setNodeDialog({ kind: 'cordon', names: [row.name], unschedulable: true }), disabledReason: patchDenied },
                ]}
              />
            )}
          />
        )}
      </ListStatus>
      <ResourceDialogs context={context} descriptor={nodes} dialog={liveDialog(dialog, list.rowsByUid)} onClose={() => setDialog(undefined)} onDone={list.changed} />
      <ChangeNotice {...list.noticeProps} />
      <NodeDialogs context={context} dialog={liveNodeDialog} onClose={() => setNodeDialog(undefined)} />
    </>
  );
}
