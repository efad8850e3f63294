import { KINDS, resourceKey, type KindSpec } from './kinds';
import { nowTimestamp } from './names';
import { isGracefulPod, type Registry } from './registry';
import { badRequest, conflict } from './status';
import { isPlainObject, type KubeObject } from './types';

/** metav1.DeleteOptions, from the body or the query. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** The outcome of a delete: the object as last seen, and whether it is gone (200) or pending (202). */
export interface DeleteResult {
  object: KubeObject;
  deleted: boolean;
}

/**
 * Deletes one object as the registry store does: preconditions, then either immediate removal or, for
 * objects with finalizers and scheduled running pods, a deletionTimestamp that something else
 * completes. Dependents are cascaded by ownerReferences (the garbage collector's job, done inline).
 */
export function deleteObject(
  registry: Registry,
  target: { kind: KindSpec; namespace: string; name: string },
  options: DeleteOptions = {},
): DeleteResult {
  const { kind, namespace, name } = target;
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
  const finalizers = existing.metadata.finalizers ?? [];
  const pending = { ...existing, metadata: { ...existing.metadata } };
  if (grace > 0 && isGracefulPod(kind, { ...pending, metadata: { ...pending.metadata, deletionGracePeriodSeconds: grace } })) {
    pending.metadata.deletionTimestamp ??= nowTimestamp(new Date(Date.now() + grace * 1000));
    pending.metadata.deletionGracePeriodSeconds = grace;
    return { object: registry.replaceRaw(kind, pending), deleted: false };
  }
  if (finalizers.length > 0) {
    if (existing.metadata.deletionTimestamp) return { object: existing, deleted: false };
    pending.metadata.deletionTimestamp = nowTimestamp();
    pending.metadata.deletionGracePeriodSeconds = 0;
    return { object: registry.replaceRaw(kind, pending), deleted: false };
  }
  const removed = registry.store.remove(key, ns, name) ?? existing;
  cascade(registry, removed, options.propagationPolicy ?? 'Background');
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

/**
 * Namespace deletion: the namespace turns Terminating at once (that is what the DELETE answers with),
 * then, as the namespace controller would, its contents are removed and the namespace after them.
 */
function deleteNamespace(registry: Registry, existing: KubeObject): DeleteResult {
  const namespaces = KINDS.find((k) => k.resource === 'namespaces') as KindSpec;
  if (existing.metadata.deletionTimestamp) return { object: existing, deleted: false };
  const name = existing.metadata.name ?? '';
  const terminating = registry.replaceRaw(namespaces, {
    ...existing,
    metadata: { ...existing.metadata, deletionTimestamp: nowTimestamp() },
    status: { ...(isPlainObject(existing.status) ? existing.status : {}), phase: 'Terminating' },
  });
  setImmediate(() => {
    for (const kind of KINDS.filter((k) => k.namespaced)) {
      for (const obj of registry.store.list(resourceKey(kind), name)) {
        registry.store.remove(resourceKey(kind), name, obj.metadata.name ?? '');
      }
    }
    registry.store.remove(resourceKey(namespaces), '', name);
  });
  return { object: terminating, deleted: false };
}

/** Orphan strips the owner reference from dependents; Background and Foreground delete them. */
function cascade(registry: Registry, owner: KubeObject, policy: NonNullable<DeleteOptions['propagationPolicy']>): void {
  const uid = owner.metadata.uid;
  if (!uid) return;
  for (const kind of KINDS) {
    for (const dependent of registry.store.list(resourceKey(kind))) {
      const refs = dependent.metadata.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) continue;
      if (policy === 'Orphan') {
        const rest = refs.filter((r) => r.uid !== uid);
        const { ownerReferences: _dropped, ...metadata } = dependent.metadata;
        registry.replaceRaw(kind, { ...dependent, metadata: rest.length > 0 ? { ...metadata, ownerReferences: rest } : metadata });
      } else {
        try {
          deleteObject(
            registry,
            { kind, namespace: dependent.metadata.namespace ?? '', name: dependent.metadata.name ?? '' },
            { propagationPolicy: policy, gracePeriodSeconds: kind.resource === 'pods' ? undefined : 0 },
          );
        } catch {
          // Already gone: another cascade got there first.
        }
      }
    }
  }
}
