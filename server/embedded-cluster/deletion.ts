import { KINDS, resourceKey, type KindSpec } from './kinds';
import { nowTimestamp } from './names';
import { isGracefulPod, type Registry } from './registry';
import { ApiError, badRequest, conflict } from './status';
import { isPlainObject, type KubeObject } from './types';

// The NamespaceLifecycle admission plugin's immortal namespaces (kube-node-lease is not among them).
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** metav1.DeleteOptions, from the body or the query. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** The outcome of a delete: the object as last seen, and whether it is gone or still pending (graceful, finalizers). */
export interface DeleteResult {
  object: KubeObject;
  deleted: boolean;
}

/**
 * Deletes one object as the registry store does: preconditions, then either immediate removal or, for
 * objects with finalizers and scheduled running pods, a deletionTimestamp that something else
 * completes. Orphan and Foreground propagation put the `orphan` / `foregroundDeletion` finalizer on the
 * object; the garbage collector (controllers/garbage-collector.ts) handles dependents.
 */
export function deleteObject(
  registry: Registry,
  target: { kind: KindSpec; namespace: string; name: string },
  options: DeleteOptions = {},
): DeleteResult {
  const { kind, namespace, name } = target;
  // NamespaceLifecycle admission refuses before the store reads anything, so a dry run, a stale
  // precondition or any other option cannot get past it.
  if (kind.resource === 'namespaces' && IMMORTAL_NAMESPACES.has(name)) {
    throw new ApiError(403, 'Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
  }
  const existing = registry.get(kind, namespace, name);
  checkPreconditions(kind, existing, options);
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0) {
    throw badRequest('gracePeriodSeconds must be non-negative');
  }
  if (options.dryRun) return { object: existing, deleted: true };
  const key = resourceKey(kind);
  const ns = existing.metadata.namespace ?? '';

  if (kind.resource === 'namespaces') return deleteNamespace(registry, existing);

  const grace = gracePeriod(kind, existing, options);
  const finalizers = finalizersForPropagation(existing.metadata.finalizers ?? [], options.propagationPolicy);
  const pending = { ...existing, metadata: { ...existing.metadata } };
  if (finalizers.length > 0) pending.metadata.finalizers = finalizers;
  if (grace > 0 && isGracefulPod(kind, { ...pending, metadata: { ...pending.metadata, deletionGracePeriodSeconds: grace } })) {
    const current = existing.metadata.deletionGracePeriodSeconds;
    if (existing.metadata.deletionTimestamp && current !== undefined && current > 0) {
      // rest.BeforeDelete: a pod already terminating may only have its grace period shortened, and
      // its deletionTimestamp moves back by as much (`kubectl delete --now` after a plain delete).
      if (options.gracePeriodSeconds === undefined || grace >= current) return { object: existing, deleted: false };
      const moved = Date.parse(existing.metadata.deletionTimestamp) + (grace - current) * 1000;
      pending.metadata.deletionTimestamp = nowTimestamp(new Date(moved));
    } else pending.metadata.deletionTimestamp = nowTimestamp(new Date(Date.now() + grace * 1000));
    pending.metadata.deletionGracePeriodSeconds = grace;
    return { object: registry.replaceRaw(kind, pending), deleted: false };
  }
  if (finalizers.length > 0) {
    const unchanged = finalizers.join('\n') === (existing.metadata.finalizers ?? []).join('\n');
    if (existing.metadata.deletionTimestamp && unchanged) return { object: existing, deleted: false };
    if (existing.metadata.deletionTimestamp) return { object: registry.replaceRaw(kind, pending), deleted: false };
    pending.metadata.deletionTimestamp = nowTimestamp();
    pending.metadata.deletionGracePeriodSeconds = 0;
    return { object: registry.replaceRaw(kind, pending), deleted: false };
  }
  const removed = registry.store.remove(key, ns, name) ?? existing;
  return { object: removed, deleted: true };
}

function checkPreconditions(kind: KindSpec, existing: KubeObject, options: DeleteOptions): void {
  const { uid, resourceVersion } = options.preconditions ?? {};
  const name = existing.metadata.name ?? '';
  if (uid && uid !== existing.metadata.uid) {
    throw conflict(kind, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${existing.metadata.uid ?? ''}`);
  }
  if (resourceVersion && resourceVersion !== existing.metadata.resourceVersion) {
    throw conflict(
      kind,
      name,
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ''}`,
    );
  }
}

// Pods default to spec.terminationGracePeriodSeconds; other kinds delete immediately.
function gracePeriod(kind: KindSpec, obj: KubeObject, options: DeleteOptions): number {
  if (kind.resource !== 'pods') return 0;
  if (options.gracePeriodSeconds !== undefined) return options.gracePeriodSeconds;
  const spec = isPlainObject(obj.spec) ? obj.spec : {};
  return typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30;
}

/** The garbage collector's finalizers (metav1.FinalizerOrphanDependents and FinalizerDeleteDependents). */
export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * deletionFinalizersForGarbageCollection: Orphan asks for the `orphan` finalizer, Foreground for
 * `foregroundDeletion`, Background for neither; an unset policy keeps whatever the object has.
 */
function finalizersForPropagation(finalizers: string[], policy: DeleteOptions['propagationPolicy']): string[] {
  if (!policy) return finalizers;
  const rest = finalizers.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (policy === 'Orphan') return [...rest, ORPHAN_FINALIZER];
  if (policy === 'Foreground') return [...rest, FOREGROUND_FINALIZER];
  return rest;
}

/**
 * Namespace deletion: the namespace turns Terminating at once (that is what the DELETE answers with);
 * the namespace controller (controllers/namespace-lifecycle.ts) then removes its contents, the
 * `kubernetes` finalizer and the namespace.
 */
function deleteNamespace(registry: Registry, existing: KubeObject): DeleteResult {
  const namespaces = KINDS.find((k) => k.resource === 'namespaces') as KindSpec;
  if (existing.metadata.deletionTimestamp) return { object: existing, deleted: false };
  const terminating = registry.replaceRaw(namespaces, {
    ...existing,
    metadata: { ...existing.metadata, deletionTimestamp: nowTimestamp() },
    status: { ...(isPlainObject(existing.status) ? existing.status : {}), phase: 'Terminating' },
  });
  return { object: terminating, deleted: false };
}
