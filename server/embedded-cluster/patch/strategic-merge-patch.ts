import { deepCopy, isPlainObject, jsonEqual } from '../types';
import { PatchError } from './json-patch';
import { listStrategy } from './patch-strategies';

type Obj = Record<string, unknown>;

const DIRECTIVE = '$patch';
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const RETAIN_KEYS = '$retainKeys';

/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), following
 * k8s.io/apimachinery/pkg/util/strategicpatch: maps merge, `null` deletes, lists merge by the Go type's
 * patchMergeKey where it has one and are replaced otherwise. Directives: `$patch: replace|delete|merge`
 * on maps and list items, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` and
 * `$retainKeys`.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) throw new PatchError('strategic merge patch must be a JSON object');
  const merged = mergeMap(isPlainObject(original) ? deepCopy(original) : {}, patch, '');
  return merged ?? {};
}

function mergeMap(original: Obj, patch: Obj, path: string): Obj | undefined {
  const directive = patch[DIRECTIVE];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return withoutDirectives(patch);
  if (directive !== undefined && directive !== 'merge') {
    throw new PatchError(`Unknown patch type: ${String(directive)}`);
  }
  const result = original;
  if (Array.isArray(patch[RETAIN_KEYS])) {
    const keep = new Set((patch[RETAIN_KEYS] as unknown[]).map(String));
    for (const key of Object.keys(result)) if (!keep.has(key)) delete result[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE.length);
      const remove = Array.isArray(value) ? value : [];
      if (Array.isArray(result[field])) {
        result[field] = (result[field] as unknown[]).filter((item) => !remove.some((r) => jsonEqual(r, item)));
      }
      continue;
    }
    const childPath = path ? `${path}.${key}` : key;
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value)) {
      const merged = mergeMap(isPlainObject(result[key]) ? (result[key] as Obj) : {}, value, childPath);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      const current = Array.isArray(result[key]) ? (result[key] as unknown[]) : [];
      result[key] = mergeList(current, value, childPath);
    } else {
      result[key] = value;
    }
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ELEMENT_ORDER.length);
    if (Array.isArray(result[field])) result[field] = reorder(result[field] as unknown[], order, path ? `${path}.${field}` : field);
  }
  return result;
}

function mergeList(original: unknown[], patch: unknown[], path: string): unknown[] {
  const strategy = listStrategy(path);
  if (strategy === undefined) return patch.map((item) => (isPlainObject(item) ? withoutDirectives(item) : item));
  if (strategy === true) {
    const result = [...original];
    for (const item of patch) if (!result.some((existing) => jsonEqual(existing, item))) result.push(item);
    return result;
  }
  if (patch.some((item) => isPlainObject(item) && item[DIRECTIVE] === 'replace')) {
    return patch.filter((item) => !(isPlainObject(item) && item[DIRECTIVE] === 'replace'));
  }
  const result = original.map((item) => deepCopy(item));
  for (const item of patch) {
    if (!isPlainObject(item)) throw new PatchError(`found non-map element in list ${path} with merge key ${strategy}`);
    const keyValue = item[strategy];
    if (keyValue === undefined) throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${strategy}`);
    const index = result.findIndex((existing) => isPlainObject(existing) && jsonEqual(existing[strategy], keyValue));
    if (item[DIRECTIVE] === 'delete') {
      if (index !== -1) result.splice(index, 1);
      continue;
    }
    if (index === -1) result.push(withoutDirectives(item));
    else {
      const merged = mergeMap(result[index] as Obj, item, path);
      if (merged === undefined) result.splice(index, 1);
      else result[index] = merged;
    }
  }
  return result;
}

// $setElementOrder lists the wanted order of the merged list by merge key (or value for scalars);
// items it does not mention keep their relative order after the ordered ones.
function reorder(list: unknown[], order: unknown[], path: string): unknown[] {
  const strategy = listStrategy(path);
  const keyOf = (item: unknown) => (typeof strategy === 'string' && isPlainObject(item) ? item[strategy] : item);
  const wanted = order.map((o) => (typeof strategy === 'string' && isPlainObject(o) ? o[strategy] : o));
  const ranked = list.map((item, i) => {
    const rank = wanted.findIndex((w) => jsonEqual(w, keyOf(item)));
    return { item, rank: rank === -1 ? wanted.length + i : rank };
  });
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.item);
}

function withoutDirectives(value: Obj): Obj {
  const out: Obj = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE)) continue;
    out[key] = isPlainObject(inner) ? withoutDirectives(inner) : inner;
  }
  return out;
}
