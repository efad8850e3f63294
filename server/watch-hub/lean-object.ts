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
/** V8's JSON.parse already shares short strings ("True", "Running", label values of a few characters). */
const MIN_SHARED_STRING = 10;

/**
 * Keeps strings that repeat across cached objects once. `JSON.parse` gives every pod its own copy of each
 * string longer than a few characters (image and image ID, node, owner, condition types, timestamps, the
 * service account mount path, toleration keys...): at 50,000 pods that is a quarter of the cache. The
 * table is bounded and starts over when full, so strings seen once (uids, names) cost no more than a
 * table's worth of entries. (Sharing repeated flat objects too saved another 0.5 KB a pod, but doubled
 * the cost of the transform, which the first sync pays for every object.)
 */
export class StringInterner {
  private strings = new Map<string, string>();

  constructor(private readonly limit = 1 << 16) {}

  /** Rewrites `value` in place so that it holds shared copies of repeated strings; returns it. */
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
    for (const key in record) {
      const child = record[key];
      if (typeof child === 'string') record[key] = this.string(child);
      else if (child !== null && typeof child === 'object') this.visit(child);
    }
    return record;
  }

  private string(value: string): string {
    if (value.length <= MIN_SHARED_STRING || value.length > MAX_SHARED_STRING) return value;
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    if (this.strings.size >= this.limit) this.strings = new Map();
    this.strings.set(value, value);
    return value;
  }

  /** Strings held, for tests. */
  get size(): number {
    return this.strings.size;
  }
}

/**
 * Where every pod holds a copy of what its neighbours hold: what admission writes alike into each pod (the
 * default tolerations, the kube-api-access volume's projected sources, an empty security context) and what
 * a controller's pods share with their template. `*` is each element of an array.
 */
const SHARED_SUBTREES: readonly (readonly string[])[] = [
  ['spec', 'tolerations'],
  ['spec', 'securityContext'],
  ['spec', 'volumes', '*', 'projected'],
  ['spec', 'containers', '*', 'resources'],
  ['spec', 'containers', '*', 'ports'],
];

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => key in y && sameValue(x[key], y[key]));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Keeps one copy of the subtrees in SHARED_SUBTREES that equal the one seen last at the same place: about
 * 0.8 KB of each pod of the scale seed. Only the last one is compared with (no hashing: cheap enough for the
 * first sync, which transforms every object), and only at these few places (sharing every flat object cost
 * as much CPU as JSON.parse). A shared subtree is frozen: the cache's objects are read, never written, and a
 * write would now throw instead of changing every pod at once. Run it after the interner, which writes.
 */
export class SubtreeSharer {
  private readonly last = new Map<string, unknown>();

  /** Rewrites `object` in place so that it holds shared copies of repeated subtrees; returns it. */
  share<T>(object: T): T {
    for (const path of SHARED_SUBTREES) this.visit(object, path, 0, path.join('.'));
    return object;
  }

  private visit(parent: unknown, path: readonly string[], depth: number, place: string): void {
    if (parent === null || typeof parent !== 'object') return;
    const step = path[depth];
    if (step === '*') {
      if (Array.isArray(parent)) for (const element of parent) this.visit(element, path, depth + 1, place);
      return;
    }
    const record = parent as Record<string, unknown>;
    const value = record[step];
    if (value === undefined) return;
    if (depth < path.length - 1) return this.visit(value, path, depth + 1, place);
    const seen = this.last.get(place);
    if (seen !== undefined && sameValue(seen, value)) record[step] = seen;
    else this.last.set(place, deepFreeze(value));
  }
}
