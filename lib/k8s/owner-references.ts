/**
 * Who owns what, from `metadata.ownerReferences`: the pure part of warning that a delete will be undone.
 * Only the controller reference matters here (at most one per object, `controller: true`): it is the
 * owner that reconciles the object, so a ReplicaSet recreates a pod deleted alone, and a Deployment a
 * ReplicaSet.
 */
import { apiVersionOf, RESOURCES, type ResourceDescriptor } from './resources';
import type { ObjectMeta, OwnerReference } from './types';

/** The owner as the preview needs it: enough to name it, find it in the API and tell it apart by uid. */
export type ControllerRef = Pick<OwnerReference, 'apiVersion' | 'kind' | 'name' | 'uid'>;

/** The controller of an object, the owner that recreates it; undefined when none. */
export function controllerRef(meta: Pick<ObjectMeta, 'ownerReferences'> | undefined): ControllerRef | undefined {
  const ref = meta?.ownerReferences?.find((owner) => owner.controller === true);
  return ref ? { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid } : undefined;
}

/** Anything with a place and maybe a controller: a delete target, a namespace content item. */
export interface Ownable {
  namespace?: string;
  name: string;
  owner?: ControllerRef;
}

/** Objects that share one controller. Owners live in their dependents' namespace (or are cluster-scoped). */
export interface ControllerGroup<T extends Ownable> {
  namespace?: string;
  owner: ControllerRef;
  members: T[];
}

/**
 * Groups objects by their controller (its uid, within the namespace), in order of first appearance; the
 * objects without one are returned apart.
 */
export function groupByController<T extends Ownable>(items: readonly T[]): { groups: ControllerGroup<T>[]; unowned: T[] } {
  const groups = new Map<string, ControllerGroup<T>>();
  const unowned: T[] = [];
  for (const item of items) {
    if (!item.owner) {
      unowned.push(item);
      continue;
    }
    const key = `${item.namespace ?? ''}/${item.owner.uid}`;
    const group = groups.get(key) ?? { namespace: item.namespace, owner: item.owner, members: [] };
    group.members.push(item);
    groups.set(key, group);
  }
  return { groups: [...groups.values()], unowned };
}

/** The console's descriptor of an owner's kind (`apps/v1` `ReplicaSet`), to read or delete it; undefined for others. */
export function ownerDescriptor(ref: Pick<ControllerRef, 'apiVersion' | 'kind'>): ResourceDescriptor | undefined {
  return RESOURCES.find((d) => d.kind === ref.kind && apiVersionOf(d) === ref.apiVersion);
}

/**
 * The owners of a group from its direct controller up (`[ReplicaSet, Deployment]`), as resolved through
 * the API. The last is the one to delete so that nothing comes back.
 */
export type OwnerChain = readonly ControllerRef[];

/**
 * Whether objects with this chain of owners come back after a delete: yes, unless one of the owners is
 * deleted in the same operation (then the garbage collector removes them instead).
 */
export function willBeRecreated(chain: OwnerChain, deletedUids: ReadonlySet<string>): boolean {
  return chain.length > 0 && !chain.some((owner) => deletedUids.has(owner.uid));
}

/** "ReplicaSet kubia-6b7f (of Deployment kubia)": a chain as a phrase, direct owner first. */
export function describeChain(chain: OwnerChain): string {
  const [direct, ...above] = chain;
  if (!direct) return '';
  const of = above.map((owner) => `${owner.kind} ${owner.name}`).join(', of ');
  return `${direct.kind} ${direct.name}${of ? ` (of ${of})` : ''}`;
}
