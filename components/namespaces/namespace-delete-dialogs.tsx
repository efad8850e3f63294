'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { deleteOutcome } from '@/lib/k8s/kubectl-outcome';
import { PROTECTED_NAMESPACES, protectedNamespaceMessage } from '@/lib/k8s/namespace-row';
import { describeChain, groupByController, willBeRecreated } from '@/lib/k8s/owner-references';
import { namespaces } from '@/lib/k8s/resources';
import { useDeleteGroups, useDeletePreview, useDeleteTargets } from '@/lib/client/delete-resources';
import { namespaceContentsQueryOptions, useNamespaceContents, type ContentGroup } from '@/lib/client/namespace-contents';
import { DeletePanel, type DeleteGroup } from '@/components/resources/delete-panel';
import { previewState } from '@/components/resources/resource-dialogs';
import type { ChangeOutcome } from '@/components/resources/use-change-notice';
import { Dialog } from '@/components/ui/dialog';

/** Content groups of one or several namespaces, merged by resource, as the preview lists them. */
function mergeContents(lists: ContentGroup[][], note?: (group: ContentGroup) => string | undefined): DeleteGroup[] {
  const byResource = new Map<string, DeleteGroup>();
  for (const group of lists.flat()) {
    const key = `${group.resource.group}/${group.resource.resource}`;
    const merged = byResource.get(key) ?? { resource: group.resource.resource, singular: group.resource.singular, targets: [] };
    merged.targets.push(...group.items.map((item) => ({ namespace: item.namespace, name: item.name, finalizers: item.finalizers })));
    const text = [merged.note, group.error ? `could not be listed: ${group.error}` : undefined, note?.(group)].filter(Boolean).join(' ');
    merged.note = text || undefined;
    byResource.set(key, merged);
  }
  return [...byResource.values()].filter((group) => group.targets.length > 0 || group.note);
}

/**
 * `kubectl delete namespace a [b ...]`: the namespaces from a server dry run (which already carries the
 * server's refusal of a protected one), and everything inside each, found through discovery.
 */
export function DeleteNamespacesDialog({ context, names, onClose, onDone }: { context?: string; names: string[]; onClose: () => void; onDone: (outcome: ChangeOutcome) => void }) {
  const queryClient = useQueryClient();
  const preview = useDeletePreview(context, namespaces, { kind: 'objects', objects: names.map((name) => ({ name })) });
  const contents = useQueries({
    queries: names.map((namespace) => ({ ...namespaceContentsQueryOptions(queryClient, { context: context ?? '', namespace, selection: 'namespaced' }), enabled: Boolean(context) })),
  });
  const remove = useDeleteTargets(context, namespaces);
  const refused = names.filter((name) => PROTECTED_NAMESPACES.includes(name));
  const contentsReady = contents.every((query) => query.data);
  const single = names.length === 1;
  const state = previewState(preview, (targets) =>
    contentsReady
      ? { state: 'ready', deleted: [{ resource: 'namespaces', singular: 'namespace', targets }], contained: mergeContents(contents.map((query) => query.data ?? [])) }
      : { state: 'loading' },
  );

  return (
    <Dialog title={single ? `Delete namespace ${names[0]}` : `Delete ${names.length} namespaces`} open onClose={onClose} wide>
      <DeletePanel
        preview={state}
        refusal={refused.length ? `${refused.map(protectedNamespaceMessage).join('; ')}. The API server refuses to delete ${refused.length === 1 ? 'it' : 'them'}.` : undefined}
        confirm={single ? { word: names[0], label: 'Type the namespace name to confirm' } : { word: `delete ${names.length} namespaces`, label: 'Type the confirmation to confirm' }}
        command={() => kubectlCommand({ verb: 'delete', resource: 'namespace', names })}
        onCancel={onClose}
        pending={remove.isPending}
        error={remove.error?.message}
        onDelete={(deleteOptions) => {
          const targets = preview.data ?? [];
          const outcome = { lines: targets.map((target) => deleteOutcome(namespaces, target.name)), objects: targets };
          remove.mutate({ targets, deleteOptions }, { onSuccess: () => onDone(outcome) });
        }}
      />
    </Dialog>
  );
}

/**
 * `kubectl delete all --all -n NS`: the kinds of the `all` category from discovery, every object of them
 * in the namespace listed first; the namespace stays. Objects whose owner is not deleted with them are
 * said to come back.
 */
export function DeleteAllInNamespaceDialog({ context, namespace, onClose, onDone }: { context?: string; namespace: string; onClose: () => void; onDone: () => void }) {
  const contents = useNamespaceContents({ context, namespace, selection: 'all' });
  const remove = useDeleteGroups(context);
  // Everything listed goes, so an object comes back only if its controller is not among them.
  const deletedUids = new Set((contents.data ?? []).flatMap((g) => g.items.flatMap((item) => (item.uid ? [item.uid] : []))));
  const recreated = (group: ContentGroup) =>
    groupByController(group.items)
      .groups.map(({ owner, members }) =>
        willBeRecreated([owner], deletedUids)
          ? `${members.length} owned by ${describeChain([owner])}: it will recreate them; delete it to remove them for good.`
          : `${members.length} owned by ${describeChain([owner])}, which is deleted too.`,
      )
      .join(' ') || undefined;
  return (
    <Dialog title={`Delete all in ${namespace}`} open onClose={onClose} wide>
      <DeletePanel
        preview={previewState(contents, (groups) => ({ state: 'ready', deleted: mergeContents([groups], recreated) }))}
        confirm={{ word: namespace, label: 'Type the namespace name to confirm' }}
        command={() => kubectlCommand({ verb: 'delete', resource: 'all', all: true, scope: { namespace } })}
        onCancel={onClose}
        pending={remove.isPending}
        error={remove.error?.message}
        onDelete={(deleteOptions) =>
          remove.mutate(
            { groups: (contents.data ?? []).map((group) => ({ resource: group.resource, targets: group.items })), deleteOptions },
            { onSuccess: onDone },
          )
        }
      />
    </Dialog>
  );
}
