import type { KubernetesObject } from '@kubernetes/client-node';

/** `kubectl apply` keeps the whole manifest it applied in this annotation: often as large as the object. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * An object as the shared watch cache keeps it: without `metadata.managedFields` and the last-applied
 * annotation, which are bookkeeping for apply (often half of a pod's bytes) and which no list shows. A page
 * that shows one object whole (YAML, edit) reads it over HTTP. Changes the parsed object in place: it came
 * off the wire and nobody else holds it.
 */
export function leanObject<T extends KubernetesObject>(object: T): T {
  const metadata = object?.metadata;
  if (!metadata) return object;
  delete metadata.managedFields;
  const annotations = metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    delete annotations[LAST_APPLIED];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  return object;
}

/** Longer strings are rarely repeated (annotations, certificates): not worth hashing. */
const MAX_SHARED_STRING = 256;
const MIN_SHARED_STRING = 10;

/**
 * Keeps values that repeat across cached objects once. `JSON.parse` gives every pod its own copy of each
 * string longer than a few characters (image, node, owner, condition types, timestamps, the service
 * account mount path...) and of each flat object (a toleration, a port, a condition, `{}`): at 50,000 pods
 * that is a quarter of the cache. The tables are bounded, and start over when full, so strings seen once
 * (uids, names) cost no more than a table's worth of entries. Objects it has shared are shared by many
 * cached objects: the cache, like client-go's informer store, is read-only.
 */
export class ValueInterner {
  private strings = new Map<string, string>();
  private leaves = new Map<string, object>();

  constructor(private readonly limit = 1 << 16) {}

  /** Rewrites `value` in place so that it holds shared copies of repeated strings and flat objects. */
  share<T>(value: T): T {
    return this.visit(value) as T;
  }

  private visit(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.visit(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    let flat = true;
    for (const key in record) {
      const child = record[key];
      if (child !== null && typeof child === 'object') {
        flat = false;
        break;
      }
    }
    if (flat) return this.leaf(record);
    this.shareFields(record);
    return record;
  }

  private shareFields(record: Record<string, unknown>): void {
    for (const key in record) {
      const child = record[key];
      if (typeof child === 'string') record[key] = this.string(child);
      else if (child !== null && typeof child === 'object') {
        const shared = this.visit(child);
        if (shared !== child) record[key] = shared;
      }
    }
  }

  private string(value: string): string {
    // V8's JSON.parse already shares short strings ("True", "Running", label values of a few characters).
    if (value.length <= MIN_SHARED_STRING || value.length > MAX_SHARED_STRING) return value;
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    if (this.strings.size >= this.limit) this.strings = new Map();
    this.strings.set(value, value);
    return value;
  }

  /** An object of strings, numbers, booleans and nulls only: one copy per distinct content and key order. */
  private leaf(record: object): object {
    const key = JSON.stringify(record);
    if (key.length > MAX_SHARED_STRING) return record;
    const shared = this.leaves.get(key);
    if (shared !== undefined) return shared;
    // A first copy keeps shared strings too (a condition's timestamp is the pod's start time elsewhere).
    this.shareFields(record as Record<string, unknown>);
    if (this.leaves.size >= this.limit) this.leaves = new Map();
    this.leaves.set(key, record);
    return record;
  }
}
