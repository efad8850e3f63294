'use client';

import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { describeChain, groupByController, ownerDescriptor, willBeRecreated, type ControllerGroup, type ControllerRef } from '@/lib/k8s/owner-references';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import type { DeleteTarget } from '@/lib/client/delete-resources';
import { useOwnerChains, type ResolvedChain } from '@/lib/client/owner-chain';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';

/** The owner whose delete removes a group for good, with what the garbage collector takes along. */
export interface OwnerDelete {
  descriptor: ResourceDescriptor;
  namespace?: string;
  owner: ControllerRef;
  /** What goes with it, e.g. "its ReplicaSet kubia-6b7f and its 2 pods". */
  dependents: string;
}

interface OwnedNoticeProps {
  context?: string;
  /** The kind being deleted (`pods`), for counts. */
  descriptor: Pick<ResourceDescriptor, 'singular' | 'resource'>;
  /** What the dry run said the delete removes. */
  targets: readonly DeleteTarget[];
  /** Opens the delete of the owner instead. */
  onDeleteOwner: (owner: OwnerDelete) => void;
}

const count = (descriptor: Pick<ResourceDescriptor, 'singular' | 'resource'>, n: number) => `${n} ${n === 1 ? descriptor.singular : descriptor.resource}`;
/** "a, b and c"; past five names, "a, b, c, d, e and 7 more" (the list above has them all). */
function listNames(names: string[]): string {
  const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** The owner to delete so nothing comes back: the highest in the chain the console can delete. */
function ownerToDelete(chain: readonly ControllerRef[]): { owner: ControllerRef; descriptor: ResourceDescriptor; index: number } | undefined {
  for (let index = chain.length - 1; index >= 0; index--) {
    const descriptor = ownerDescriptor(chain[index]);
    if (descriptor) return { owner: chain[index], descriptor, index };
  }
  return undefined;
}

function OwnedGroup({ group, resolved, descriptor, deletedUids, onDeleteOwner }: { group: ControllerGroup<DeleteTarget>; resolved?: ResolvedChain; descriptor: OwnedNoticeProps['descriptor']; deletedUids: ReadonlySet<string>; onDeleteOwner: OwnedNoticeProps['onDeleteOwner'] }) {
  const names = listNames(group.members.map((m) => m.name));
  const owned = `${count(descriptor, group.members.length)} owned by`;
  if (!resolved) {
    return <p role="status" className="text-xs text-slate-600 dark:text-slate-300">Checking the owner of {names} ({describeChain([group.owner])})…</p>;
  }
  if (resolved.state === 'gone') {
    return (
      <p role="note" className="text-xs text-slate-600 dark:text-slate-300">
        {names}: their owner {describeChain(resolved.chain)} no longer exists, so nothing recreates them.
      </p>
    );
  }
  const chain = resolved.chain;
  if (!willBeRecreated(chain, deletedUids)) {
    return <p role="note" className="text-xs text-slate-600 dark:text-slate-300">{owned} {describeChain(chain)}, which is deleted too: they will not come back.</p>;
  }
  const target = ownerToDelete(chain);
  const direct = chain[0];
  // "its ReplicaSet kubia-6b7f and its 2 pods": what the garbage collector deletes after the owner.
  const dependents = target
    ? `its ${[...chain.slice(0, target.index).reverse().map((o) => `${o.kind} ${o.name}`), count(descriptor, group.members.length)].join(' and its ')}`
    : '';
  const command = target
    ? kubectlCommand({ verb: 'delete', resource: target.descriptor.singular, names: [target.owner.name], scope: target.descriptor.namespaced && group.namespace ? { namespace: group.namespace } : undefined })
    : '';
  return (
    <div role="note" aria-label={`Owned by ${direct.kind} ${direct.name}`} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
      <p className="font-medium">
        {group.members.length === 1 ? 'It will come back' : 'They will come back'}: {owned} {describeChain(chain)}
      </p>
      <p className="text-xs">
        {names} {group.members.length === 1 ? 'is' : 'are'} recreated by the {direct.kind} as soon as {group.members.length === 1 ? 'it is' : 'they are'} gone.
        {target ? ` To remove ${group.members.length === 1 ? 'it' : 'them'} for good, delete the ${target.owner.kind} ${target.owner.name}: ${dependents} go with it.` : ''}
        {resolved.error ? ` Its owners above ${describeChain([chain.at(-1)!])} could not be read: ${resolved.error}` : ''}
      </p>
      {target ? (
        <div className="space-y-2">
          <CommandLine command={command} label={`kubectl command to delete ${target.owner.kind} ${target.owner.name}`} />
          <Button onClick={() => onDeleteOwner({ descriptor: target.descriptor, namespace: group.namespace, owner: target.owner, dependents })}>
            Delete {target.owner.kind} {target.owner.name} instead…
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Warns, under a delete's preview, which of the objects have a controller that will recreate them (a
 * ReplicaSet, and the Deployment that owns it, resolved through the API), and offers deleting the owner.
 */
export function OwnedNotice({ context, descriptor, targets, onDeleteOwner }: OwnedNoticeProps) {
  const { groups } = groupByController(targets);
  const chains = useOwnerChains(context, groups);
  if (groups.length === 0) return null;
  const deletedUids = new Set(targets.flatMap((t) => (t.uid ? [t.uid] : [])));
  return (
    <section aria-label="Owned objects" className="mt-3 space-y-2">
      {groups.map((group, i) => (
        <OwnedGroup key={`${group.namespace ?? ''}/${group.owner.uid}`} group={group} resolved={chains[i]?.data} descriptor={descriptor} deletedUids={deletedUids} onDeleteOwner={onDeleteOwner} />
      ))}
    </section>
  );
}
