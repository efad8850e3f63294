'use client';

import { useState } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { deleteOutcome, metadataOutcome } from '@/lib/k8s/kubectl-outcome';
import type { WireRow } from '@/lib/contract/row-view';
import type { ObjectMeta } from '@/lib/k8s/types';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { useDeletePreview, useDeleteTargets, type DeleteOptions, type DeleteScope } from '@/lib/client/delete-resources';
import { useCurrentObjects } from '@/lib/client/get-resource';
import { useMetadataPatch } from '@/lib/client/patch-metadata';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DeletePanel, type DeletePreviewState } from './delete-panel';
import { OwnedNotice, type OwnerDelete } from './owned-notice';
import { MetadataEditor } from './metadata-editor';
import type { ChangeOutcome } from './use-change-notice';

/** An object as the dialogs need it: its name, namespace and current metadata. */
export interface DialogObject {
  name: string;
  namespace?: string;
  object: { metadata?: ObjectMeta };
  /**
   * Built from a list row: the metadata holds the uid, resourceVersion and labels, not the annotations,
   * which the annotation editor reads from the API when it opens (see `rowObject`).
   */
  fromRow?: boolean;
}

/**
 * A list row as the dialogs take it. Rows leave annotations out: they are the largest part of many objects'
 * metadata (a `kubectl apply` annotation holds the whole manifest), wanted only when an editor opens, and
 * a read then is current by construction, where a copy on the wire would have to be kept up to date for
 * every row of 50,000.
 */
export function rowObject(row: WireRow): DialogObject {
  const { uid, resourceVersion, name, namespace, labels } = row;
  return { name, namespace, fromRow: true, object: { metadata: { uid, resourceVersion, name, namespace, labels } } };
}

export type ResourceDialog = { kind: 'labels' | 'annotations'; objects: DialogObject[] } | { kind: 'delete'; scope: DeleteScope };

/**
 * An editor acts on the objects as they are now, not as they were when it opened: their resourceVersion
 * guards the patch, and a stale one (a kubelet status update since) would be refused with 409 Conflict.
 */
export function liveDialog(dialog: ResourceDialog | undefined, rowsByUid: ReadonlyMap<string, WireRow>): ResourceDialog | undefined {
  if (!dialog || dialog.kind === 'delete') return dialog;
  return { ...dialog, objects: dialog.objects.map((o) => { const row = rowsByUid.get(o.object.metadata?.uid ?? ''); return row ? rowObject(row) : o; }) };
}

export function deleteTitle(descriptor: ResourceDescriptor, scope: DeleteScope): string {
  if (scope.kind === 'objects') return scope.objects.length === 1 ? `Delete ${descriptor.singular} ${scope.objects[0].name}` : `Delete ${scope.objects.length} ${descriptor.resource}`;
  if (scope.kind === 'selector') return `Delete ${descriptor.resource} matching ${scope.labelSelector}`;
  return scope.namespace ? `Delete all ${descriptor.resource} in ${scope.namespace}` : `Delete all ${descriptor.resource}`;
}

export function deleteCommand(descriptor: ResourceDescriptor, scope: DeleteScope, options: DeleteOptions): string {
  const common = { verb: 'delete' as const, resource: descriptor.resource, force: options.force || undefined, gracePeriodSeconds: options.gracePeriodSeconds };
  const namespaced = (namespace: string | undefined) => (descriptor.namespaced ? (namespace ? { namespace } : { allNamespaces: true as const }) : undefined);
  if (scope.kind === 'objects') {
    const namespace = scope.objects[0]?.namespace;
    return kubectlCommand({ ...common, names: scope.objects.map((o) => o.name), scope: descriptor.namespaced && namespace ? { namespace } : undefined });
  }
  if (scope.kind === 'selector') return kubectlCommand({ ...common, labelSelector: scope.labelSelector, scope: namespaced(scope.namespace) });
  return kubectlCommand({ ...common, all: true, scope: namespaced(scope.namespace) });
}

/** A query's answer as the delete panel shows it. */
export function previewState<T>(query: { isPending: boolean; error: Error | null; data?: T }, ready: (data: T) => DeletePreviewState): DeletePreviewState {
  if (query.error) return { state: 'error', message: query.error.message };
  if (query.isPending || query.data === undefined) return { state: 'loading' };
  return ready(query.data);
}

interface DeleteDialogProps {
  context?: string;
  descriptor: ResourceDescriptor;
  scope: DeleteScope;
  onClose: () => void;
  onDone: (outcome: ChangeOutcome) => void;
}

/** A delete, or, once the user chose it from the warning that owned objects come back, their owner's delete instead. */
function DeleteDialog(props: DeleteDialogProps) {
  const [instead, setInstead] = useState<OwnerDelete>();
  if (!instead) return <DeleteConfirm {...props} onDeleteOwner={setInstead} />;
  const { descriptor, namespace, owner, dependents } = instead;
  return (
    <DeleteConfirm
      key={owner.uid}
      {...props}
      descriptor={descriptor}
      scope={{ kind: 'objects', objects: [{ namespace: descriptor.namespaced ? namespace : undefined, name: owner.name }] }}
      note={`With it, the garbage collector deletes ${dependents}.`}
      onDeleteOwner={setInstead}
      back={{ label: `Back to deleting the ${props.descriptor.resource}`, onBack: () => setInstead(undefined) }}
    />
  );
}

interface DeleteConfirmProps extends DeleteDialogProps {
  /** Said under the previewed objects (what the garbage collector takes along). */
  note?: string;
  onDeleteOwner: (owner: OwnerDelete) => void;
  /** Return to the delete this one replaced. */
  back?: { label: string; onBack: () => void };
}

function DeleteConfirm({ context, descriptor, scope, onClose, onDone, note, onDeleteOwner, back }: DeleteConfirmProps) {
  const preview = useDeletePreview(context, descriptor, scope);
  const remove = useDeleteTargets(context, descriptor);
  return (
    <Dialog title={deleteTitle(descriptor, scope)} open onClose={onClose} wide>
      <DeletePanel
        preview={previewState(preview, (targets) => ({ state: 'ready', deleted: [{ resource: descriptor.resource, singular: descriptor.singular, targets, note }] }))}
        notice={
          <>
            {preview.data ? <OwnedNotice context={context} descriptor={descriptor} targets={preview.data} onDeleteOwner={onDeleteOwner} /> : null}
            {back ? (
              <Button variant="ghost" className="mt-2" onClick={back.onBack}>
                ← {back.label}
              </Button>
            ) : null}
          </>
        }
        confirm={scope.kind === 'all' && scope.namespace ? { word: scope.namespace, label: 'Type the namespace name to confirm' } : undefined}
        timing={descriptor.gracefulDeletion}
        command={(options) => deleteCommand(descriptor, scope, options)}
        onCancel={onClose}
        pending={remove.isPending}
        error={remove.error?.message}
        onDelete={(deleteOptions) => {
          const targets = preview.data ?? [];
          remove.mutate(
            // kubectl ignores what is already gone when it deletes by selector or --all, never by name.
            { targets, deleteOptions, ignoreNotFound: scope.kind !== 'objects' },
            { onSuccess: (deleted) => onDone({ lines: deleted.map((target) => deleteOutcome(descriptor, target.name)), objects: deleted }) },
          );
        }}
      />
    </Dialog>
  );
}

interface MetadataDialogProps {
  context?: string;
  descriptor: ResourceDescriptor;
  map: 'labels' | 'annotations';
  objects: DialogObject[];
  onClose: () => void;
  onDone: (outcome: ChangeOutcome) => void;
}

/**
 * The editor over the objects' current metadata. What a row lacks (annotations) is read first: the form
 * appears only once every object is read, so nothing typed is lost to values that arrive later, and a
 * failed read is said instead of showing an empty map that an edit would then be judged against.
 */
function MetadataDialog(props: MetadataDialogProps) {
  const { context, descriptor, map, objects, onClose } = props;
  const needsRead = map === 'annotations' && objects.some((o) => o.fromRow);
  const reads = useCurrentObjects<{ metadata?: ObjectMeta }>(context, descriptor, objects, needsRead);
  const title = objects.length === 1 ? `Edit ${map} of ${objects[0].name}` : `Edit ${map} of ${objects.length} ${descriptor.resource}`;
  const failed = reads.find((read) => read.error);
  const current = !needsRead ? objects : reads.every((r) => r.data) ? objects.map((o, i) => ({ ...o, fromRow: false, object: reads[i]!.data! })) : undefined;
  return (
    <Dialog title={title} open onClose={onClose} wide>
      {current ? (
        <MetadataForm {...props} objects={current} />
      ) : failed ? (
        <p role="alert" className="whitespace-pre-line rounded-md bg-rose-50 p-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          Could not read the current {map}: {failed.error?.message}
        </p>
      ) : (
        <p role="status" className="text-sm">Reading the current {map}…</p>
      )}
      {current ? null : (
        <div className="mt-4 flex justify-end gap-2">
          {failed ? <Button onClick={() => reads.forEach((r) => r.error && void r.refetch())}>Retry</Button> : null}
          <Button onClick={onClose}>Cancel</Button>
        </div>
      )}
    </Dialog>
  );
}

function MetadataForm({ context, descriptor, map, objects, onClose, onDone }: MetadataDialogProps) {
  const patch = useMetadataPatch(context, descriptor);
  return (
    <MetadataEditor
      descriptor={descriptor}
      map={map}
      targets={objects.map((o) => ({ name: o.name, namespace: o.namespace, values: o.object.metadata?.[map] ?? {}, resourceVersion: o.object.metadata?.resourceVersion }))}
      onCancel={onClose}
      pending={patch.isPending}
      error={patch.error?.message}
      onApply={(edits) => {
        const outcome = {
          lines: objects.map((o) => metadataOutcome({ kind: descriptor, name: o.name, map, current: o.object.metadata?.[map], edits })),
          objects: objects.map(({ name, namespace }) => ({ name, namespace })),
        };
        patch.mutate({ map, objects: objects.map((o) => o.object), edits }, { onSuccess: () => onDone(outcome) });
      }}
    />
  );
}

/**
 * The label/annotation editor and the delete confirmation of one kind, as modal dialogs over its list.
 * `onDone` runs after a write succeeded, with what kubectl would print (the dialog closes with it).
 */
export function ResourceDialogs({ context, descriptor, dialog, onClose, onDone }: { context?: string; descriptor: ResourceDescriptor; dialog?: ResourceDialog; onClose: () => void; onDone: (outcome: ChangeOutcome) => void }) {
  const done = (outcome: ChangeOutcome) => {
    onDone(outcome);
    onClose();
  };
  if (!dialog) return <Dialog title="" open={false} onClose={onClose}>{null}</Dialog>;
  if (dialog.kind === 'delete') return <DeleteDialog context={context} descriptor={descriptor} scope={dialog.scope} onClose={onClose} onDone={done} />;
  return <MetadataDialog context={context} descriptor={descriptor} map={dialog.kind} objects={dialog.objects} onClose={onClose} onDone={done} />;
}
