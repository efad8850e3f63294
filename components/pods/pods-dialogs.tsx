'use client';

import { useCallback } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import type { PodListRow } from '@/lib/k8s/pod-list-row';
import { Dialog } from '@/components/ui/dialog';
import { DeletePanel, type DeleteOptions } from './delete-panel';
import { MetadataEditor } from './metadata-editor';
import { usePodWrites, type DeleteScope } from './use-pod-writes';

export type PodsDialog = { kind: 'labels' | 'annotations'; rows: PodListRow[] } | { kind: 'delete'; scope: DeleteScope };

function deleteTitle(scope: DeleteScope): string {
  if (scope.kind === 'pods') return scope.pods.length === 1 ? `Delete pod ${scope.pods[0].name}` : `Delete ${scope.pods.length} pods`;
  if (scope.kind === 'selector') return `Delete pods matching ${scope.labelSelector}`;
  return `Delete all pods in ${scope.namespace}`;
}

function deleteCommand(scope: DeleteScope, options: DeleteOptions): string {
  const common = { verb: 'delete' as const, resource: 'pods', force: options.force || undefined, gracePeriodSeconds: options.gracePeriodSeconds };
  if (scope.kind === 'pods') {
    const namespace = scope.pods[0]?.namespace;
    return kubectlCommand({ ...common, names: scope.pods.map((pod) => pod.name), scope: namespace ? { namespace } : undefined });
  }
  if (scope.kind === 'selector') {
    return kubectlCommand({ ...common, labelSelector: scope.labelSelector, scope: scope.namespace ? { namespace: scope.namespace } : { allNamespaces: true } });
  }
  return kubectlCommand({ ...common, all: true, scope: { namespace: scope.namespace } });
}

/** The label/annotation editor and the delete confirmation, as modal dialogs over the pods list. */
export function PodsDialogs({ context, dialog, onClose, onDone }: { context?: string; dialog?: PodsDialog; onClose: () => void; onDone: () => void }) {
  const writes = usePodWrites(context);
  const { previewDelete } = writes;
  const scope = dialog?.kind === 'delete' ? dialog.scope : undefined;
  // DeletePanel asks for its preview once per function identity: one per opened dialog.
  const preview = useCallback(() => (scope ? previewDelete(scope) : Promise.resolve([])), [scope, previewDelete]);
  const finish = () => {
    onDone();
    onClose();
  };

  if (!dialog) return <Dialog title="" open={false} onClose={onClose}>{null}</Dialog>;

  if (dialog.kind === 'delete') {
    return (
      <Dialog title={deleteTitle(dialog.scope)} open onClose={onClose} wide>
        <DeletePanel
          preview={preview}
          confirmWord={dialog.scope.kind === 'namespace' ? dialog.scope.namespace : undefined}
          command={(options) => deleteCommand(dialog.scope, options)}
          onCancel={onClose}
          onDelete={async (options, names) => {
            await writes.deletePods(names, options);
            finish();
          }}
        />
      </Dialog>
    );
  }

  const noun = dialog.kind === 'labels' ? 'labels' : 'annotations';
  const title = dialog.rows.length === 1 ? `Edit ${noun} of ${dialog.rows[0].name}` : `Edit ${noun} of ${dialog.rows.length} pods`;
  return (
    <Dialog title={title} open onClose={onClose} wide>
      <MetadataEditor
        map={dialog.kind}
        targets={dialog.rows.map((row) => ({ name: row.name, namespace: row.namespace, values: row.pod.metadata?.[dialog.kind] ?? {}, resourceVersion: row.pod.metadata?.resourceVersion }))}
        onCancel={onClose}
        onApply={async (edits) => {
          await writes.editMetadata(dialog.kind, dialog.rows.map((row) => row.pod), edits);
          finish();
        }}
      />
    </Dialog>
  );
}
