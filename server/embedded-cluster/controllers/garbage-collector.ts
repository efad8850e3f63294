/**
 * The garbage collector (pkg/controller/garbagecollector): a graph of ownerReferences over every
 * served kind. Dependents whose owners are all gone are deleted (Background propagation, and
 * dependents created with an owner that never existed); an owner carrying the `foregroundDeletion`
 * finalizer waits until its blocking dependents are gone; one carrying `orphan` has its references
 * removed from its dependents. `deletion.ts` puts those finalizers on, from the propagationPolicy.
 */
import { deleteObject, type DeleteOptions } from '../deletion';
import { KINDS, resourceKey, type KindSpec } from '../kinds';
import type { StoreEvent } from '../store';
import { deepCopy, type KubeObject, type OwnerReference } from '../types';
import type { ControllerContext, RunningController } from './context';
import { startControllerLoop } from './controller-loop';

/** The finalizers the garbage collector processes (metav1.FinalizerOrphanDependents / DeleteDependents). */
export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** The finalizer a DELETE with this propagation policy puts on the owner (none for Background). */
export function propagationFinalizer(policy: DeleteOptions['propagationPolicy']): string | undefined {
  if (policy === 'Orphan') return ORPHAN_FINALIZER;
  if (policy === 'Foreground') return FOREGROUND_FINALIZER;
  return undefined;
}

// Real ms between an owner's removal and the collection of its dependents; not scaled by the clock
// because it stands for watch and queue latency, not for a wait the cluster chooses.
const GRAPH_LATENCY_MS = 250;

interface NodeRef {
  kind: KindSpec;
  namespace: string;
  name: string;
}

/** Starts the garbage collector over every served kind. */
export function startGarbageCollector(ctx: ControllerContext): RunningController {
  const byUid = new Map<string, NodeRef>();
  const dependentsOf = new Map<string, Set<string>>();
  const ownersOf = new Map<string, string[]>();
  // Items are `owner|<uid>` (process a deleting owner) or `dependent|<uid>` (check its owners).
  const loop = startControllerLoop({
    name: 'garbage-collector',
    sync: (item) => {
      const [what, uid = ''] = item.split('|');
      if (what === 'owner') processDeletingOwner(uid);
      else attemptToDelete(uid);
    },
  });

  const stops = KINDS.map((kind) => {
    const informer = ctx.informers.for(resourceKey(kind));
    for (const obj of informer.list()) observe(kind, obj, 'ADDED');
    return informer.onChange((event: StoreEvent) => observe(kind, event.object, event.type));
  });

  function observe(kind: KindSpec, obj: KubeObject, type: StoreEvent['type']): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    const owners = (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
    for (const owner of ownersOf.get(uid) ?? []) {
      dependentsOf.get(owner)?.delete(uid);
      // A dependent that changed or went away may unblock an owner deleting in the foreground.
      if (byUid.has(owner)) loop.enqueue(`owner|${owner}`);
    }
    if (type === 'DELETED') {
      byUid.delete(uid);
      ownersOf.delete(uid);
      // The owner is gone: every dependent must now be checked (Background propagation), after the
      // latency of the real graph builder, so a client deleting owner and dependents one by one
      // (`kubectl delete all --all`) still finds the dependents there, as it does against a real cluster.
      for (const dependent of dependentsOf.get(uid) ?? []) loop.enqueueAfter(`dependent|${dependent}`, GRAPH_LATENCY_MS);
      dependentsOf.delete(uid);
      return;
    }
    byUid.set(uid, { kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' });
    ownersOf.set(uid, owners);
    for (const owner of owners) {
      let set = dependentsOf.get(owner);
      if (!set) dependentsOf.set(owner, (set = new Set()));
      set.add(uid);
    }
    if (owners.some((owner) => !byUid.has(owner))) loop.enqueue(`dependent|${uid}`);
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (finalizers.includes(ORPHAN_FINALIZER) || finalizers.includes(FOREGROUND_FINALIZER))) {
      loop.enqueue(`owner|${uid}`);
    }
  }

  function current(uid: string): { ref: NodeRef; obj: KubeObject } | undefined {
    const ref = byUid.get(uid);
    const obj = ref && ctx.informers.for(resourceKey(ref.kind)).get(ref.namespace, ref.name);
    return ref && obj && obj.metadata.uid === uid ? { ref, obj } : undefined;
  }

  /** processDeletingDependentsItem and orphanDependents, then the finalizer comes off. */
  function processDeletingOwner(uid: string): void {
    const found = current(uid);
    if (!found?.obj.metadata.deletionTimestamp) return;
    const { ref, obj } = found;
    const finalizers = obj.metadata.finalizers ?? [];
    const dependents = [...(dependentsOf.get(uid) ?? [])].map(current).filter((d) => d !== undefined);
    if (finalizers.includes(ORPHAN_FINALIZER)) {
      for (const dependent of dependents) {
        const refs = (dependent.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        writeOwnerReferences(dependent.ref, dependent.obj, refs);
      }
      removeFinalizer(ref, obj, ORPHAN_FINALIZER);
      return;
    }
    if (!finalizers.includes(FOREGROUND_FINALIZER)) return;
    const blocking = dependents.filter((d) => referenceTo(d.obj, uid)?.blockOwnerDeletion === true);
    if (blocking.length === 0) {
      removeFinalizer(ref, obj, FOREGROUND_FINALIZER);
      return;
    }
    for (const dependent of dependents) if (!dependent.obj.metadata.deletionTimestamp) loop.enqueue(`dependent|${dependent.obj.metadata.uid ?? ''}`);
  }

  /**
   * attemptToDeleteItem: with a live owner left, references to absent or foreground-deleting owners
   * are dropped; with none, the dependent is deleted, in the foreground when an owner waits for it
   * and the dependent has dependents of its own, otherwise by the policy its finalizers ask for.
   */
  function attemptToDelete(uid: string): void {
    const found = current(uid);
    if (!found || found.obj.metadata.deletionTimestamp) return;
    const { ref, obj } = found;
    const refs = obj.metadata.ownerReferences ?? [];
    const absent: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    const solid: OwnerReference[] = [];
    for (const owner of refs) {
      const live = current(owner.uid);
      if (!live) absent.push(owner);
      else if (live.obj.metadata.deletionTimestamp && (live.obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) waiting.push(owner);
      else solid.push(owner);
    }
    if (absent.length === 0 && waiting.length === 0) return;
    if (solid.length > 0) {
      writeOwnerReferences(ref, obj, solid);
      return;
    }
    const hasDependents = (dependentsOf.get(uid)?.size ?? 0) > 0;
    const finalizers = obj.metadata.finalizers ?? [];
    let policy: DeleteOptions['propagationPolicy'] = 'Background';
    if (waiting.length > 0 && hasDependents) policy = 'Foreground';
    else if (finalizers.includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (finalizers.includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
    deleteObject(ctx.registry, ref, { propagationPolicy: policy, preconditions: { uid } });
  }

  function writeOwnerReferences(ref: NodeRef, obj: KubeObject, refs: OwnerReference[]): void {
    const next = deepCopy(obj);
    if (refs.length > 0) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    ctx.registry.replaceRaw(ref.kind, next);
  }

  function removeFinalizer(ref: NodeRef, obj: KubeObject, finalizer: string): void {
    const next = deepCopy(obj);
    next.metadata.finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    ctx.registry.update({ kind: ref.kind, namespace: ref.namespace, name: ref.name, body: next });
  }

  return {
    stop() {
      stops.forEach((stop) => stop());
      loop.stop();
    },
  };
}

function referenceTo(obj: KubeObject, uid: string): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.uid === uid);
}
