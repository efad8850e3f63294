import { invalidMessage, qualifiedKind, statusCauses, type FieldError } from '@/lib/k8s/field-errors';
import { apiVersionOf, findKind, resourceKey, type KindSpec } from './kinds';
import { generateName, newUid, nowTimestamp } from './names';
import { ObjectStore } from './store';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  invalid,
  MODIFIED_CONFLICT,
  notFound,
  qualifiedResource,
} from './status';
import { deepCopy, isPlainObject, jsonEqual, type KubeObject } from './types';
import { validateObjectMeta } from './validate/object-meta';

/** Options shared by every mutating call. */
export interface WriteOptions {
  /** `dryRun=All`: run every check and return the result without storing it. */
  dryRun?: boolean;
}

/** Which part of an object an update may change. */
export type UpdateTarget = 'main' | 'status' | 'finalize';

const NAMESPACES = findKind('', 'v1', 'namespaces') as KindSpec;

/**
 * The generic registry: Kubernetes object semantics over the plain store (what k8s.io/apiserver's
 * registry/generic/registry.Store does with a per-kind strategy). HTTP handlers call it, and so can
 * in-process control loops (scheduler, kubelet) that need the same rules as API clients.
 */
export class Registry {
  constructor(readonly store: ObjectStore) {}

  /** Reads one object or throws 404 NotFound. */
  get(kind: KindSpec, namespace: string, name: string): KubeObject {
    const found = this.store.get(resourceKey(kind), scopedNamespace(kind, namespace), name);
    if (!found) throw notFound(kind, name);
    return found;
  }

  /** Creates an object: namespace checks, generateName, defaulting, admission, validation. */
  create(kind: KindSpec, namespace: string, body: unknown, options: WriteOptions = {}): KubeObject {
    const obj = this.decodeObject(kind, body);
    this.checkNamespace(kind, namespace, obj);
    if (kind.namespaced) this.requireLiveNamespace(kind, namespace, obj.metadata.name);
    const meta = obj.metadata;
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink']) {
      delete meta[field];
    }
    meta.uid = newUid();
    meta.creationTimestamp = nowTimestamp();
    if (kind.tracksGeneration) meta.generation = 1;
    if (!kind.keepsStatusOnCreate && 'status' in obj) obj.status = {};
    kind.defaults?.(obj);
    kind.admit?.(obj);
    if (!meta.name && meta.generateName) meta.name = this.freeGeneratedName(kind, meta.namespace ?? '', meta.generateName);
    this.validate(kind, obj, kind.validateCreate?.(obj) ?? []);
    if (this.store.get(resourceKey(kind), meta.namespace ?? '', meta.name ?? '')) {
      throw alreadyExists(kind, meta.name ?? '');
    }
    if (options.dryRun) return obj;
    const created = this.store.put(resourceKey(kind), obj);
    this.afterCreate(kind, created);
    return created;
  }

  /**
   * Replaces an object (PUT). A non-empty resourceVersion in the body must equal the stored one (409
   * Conflict otherwise); an empty one is an unconditional update, which core kinds allow. An update that
   * changes nothing is a no-op and keeps the resourceVersion, as the real store does.
   */
  update(options: {
    kind: KindSpec;
    namespace: string;
    name: string;
    body: unknown;
    target?: UpdateTarget;
    dryRun?: boolean;
  }): KubeObject {
    const { kind, namespace, name, body, target = 'main', dryRun } = options;
    const obj = this.decodeObject(kind, body);
    this.checkNamespace(kind, namespace, obj);
    if (obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    }
    const old = this.get(kind, namespace, name);
    const requested = obj.metadata.resourceVersion;
    if (requested && requested !== old.metadata.resourceVersion) throw conflict(kind, name, MODIFIED_CONFLICT);
    const next = mergeForTarget(kind, old, obj, target);
    if (target === 'main') {
      kind.defaults?.(next);
      this.validate(kind, next, kind.validateUpdate?.(next, old) ?? []);
    }
    if (kind.tracksGeneration && !jsonEqual(next.spec, old.spec)) {
      next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(next, old)) return old;
    if (dryRun) return next;
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0 && !isGracefulPod(kind, next) && !awaitsNamespaceFinalizers(kind, next)) {
      return this.store.remove(resourceKey(kind), next.metadata.namespace ?? '', name) ?? next;
    }
    return this.store.put(resourceKey(kind), next);
  }

  /** Stores an object exactly as given (apart from resourceVersion); for deletion bookkeeping. */
  replaceRaw(kind: KindSpec, obj: KubeObject): KubeObject {
    return this.store.put(resourceKey(kind), obj);
  }

  private decodeObject(kind: KindSpec, body: unknown): KubeObject {
    if (!isPlainObject(body)) throw badRequest(`Object '${kind.kind}' is not a JSON object`);
    const obj = deepCopy(body) as KubeObject;
    const expected = apiVersionOf(kind);
    if (obj.apiVersion !== undefined && obj.apiVersion !== expected) {
      throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`);
    }
    if (obj.kind !== undefined && obj.kind !== kind.kind) {
      throw badRequest(`${String(obj.kind)} in version "${kind.version}" cannot be handled as a ${kind.kind}: no kind "${String(obj.kind)}" is registered for version "${expected}"`);
    }
    obj.apiVersion = expected;
    obj.kind = kind.kind;
    if (!isPlainObject(obj.metadata)) obj.metadata = {};
    return obj;
  }

  private checkNamespace(kind: KindSpec, namespace: string, obj: KubeObject): void {
    if (!kind.namespaced) {
      // Cluster-scoped kinds ignore a namespace in the body (rest.BeforeCreate clears it).
      delete obj.metadata.namespace;
      return;
    }
    const given = obj.metadata.namespace;
    if (given && given !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace;
  }

  private requireLiveNamespace(kind: KindSpec, namespace: string, name: string | undefined): void {
    const ns = this.store.get(resourceKey(NAMESPACES), '', namespace);
    if (!ns) throw notFound(NAMESPACES, namespace);
    if (ns.metadata.deletionTimestamp) {
      // The NamespaceLifecycle admission plugin's refusal: errors.NewForbidden on the object (its name
      // is still empty for generateName) with a NamespaceTerminating cause.
      const subject = name ? `${qualifiedResource(kind)} "${name}"` : qualifiedResource(kind);
      throw new ApiError(
        403,
        'Forbidden',
        `${subject} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        {
          name: name ?? '',
          ...(kind.group ? { group: kind.group } : {}),
          kind: kind.resource,
          causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
        },
      );
    }
  }

  // generateName retries on collision, as the registry does for AlreadyExists on generated names.
  private freeGeneratedName(kind: KindSpec, namespace: string, base: string): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = generateName(base);
      if (!this.store.get(resourceKey(kind), namespace, name)) return name;
    }
    return generateName(base);
  }

  private validate(kind: KindSpec, obj: KubeObject, kindErrors: FieldError[]): void {
    const errors = [...validateObjectMeta(obj.metadata, kind.nameRule), ...kindErrors];
    if (errors.length === 0) return;
    const name = obj.metadata.name ?? obj.metadata.generateName ?? '';
    throw invalid({
      kind: kind.kind,
      group: kind.group,
      name,
      message: invalidMessage(qualifiedKind(kind.kind, kind.group), name, errors),
      causes: statusCauses(errors),
    });
  }

  // Every new namespace gets its `default` ServiceAccount (the serviceaccounts controller's job).
  private afterCreate(kind: KindSpec, created: KubeObject): void {
    if (kind.resource !== 'namespaces') return;
    const serviceAccounts = findKind('', 'v1', 'serviceaccounts') as KindSpec;
    const namespace = created.metadata.name ?? '';
    if (!this.store.get(resourceKey(serviceAccounts), namespace, 'default')) {
      this.create(serviceAccounts, namespace, { metadata: { name: 'default' } });
    }
  }
}

/**
 * What an update may change: the main resource keeps the stored status (status is written through
 * the status subresource only); the status subresource changes only status; namespaces/finalize
 * changes only spec.finalizers. Identity fields always come from the stored object.
 */
function mergeForTarget(kind: KindSpec, old: KubeObject, obj: KubeObject, target: UpdateTarget): KubeObject {
  let next: KubeObject;
  if (target === 'status') next = { ...deepCopy(old), status: obj.status };
  else if (target === 'finalize') {
    const spec = isPlainObject(old.spec) ? old.spec : {};
    const given = isPlainObject(obj.spec) ? obj.spec.finalizers : undefined;
    next = { ...deepCopy(old), spec: { ...spec, finalizers: Array.isArray(given) ? given : [] } };
  } else {
    next = obj;
    const hasStatusSubresource = kind.subresources.some((s) => s.name === 'status');
    if (hasStatusSubresource) {
      if (old.status === undefined) delete next.status;
      else next.status = deepCopy(old.status);
    }
  }
  const meta = next.metadata;
  for (const field of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
    if (old.metadata[field] === undefined) delete meta[field];
    else (meta as Record<string, unknown>)[field] = old.metadata[field];
  }
  if (old.metadata.namespace !== undefined) meta.namespace = old.metadata.namespace;
  return next;
}

/** A scheduled, still-running pod waits for its kubelet to confirm deletion. */
export function isGracefulPod(kind: KindSpec, obj: KubeObject): boolean {
  if (kind.resource !== 'pods' || !isPlainObject(obj.spec) || !obj.spec.nodeName) return false;
  const phase = isPlainObject(obj.status) ? obj.status.phase : undefined;
  return phase !== 'Succeeded' && phase !== 'Failed' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

/** A Terminating namespace stays until its spec.finalizers (`kubernetes`) are removed through /finalize. */
function awaitsNamespaceFinalizers(kind: KindSpec, obj: KubeObject): boolean {
  return kind.resource === 'namespaces' && isPlainObject(obj.spec) && Array.isArray(obj.spec.finalizers) && obj.spec.finalizers.length > 0;
}

function scopedNamespace(kind: KindSpec, namespace: string): string {
  return kind.namespaced ? namespace : '';
}
