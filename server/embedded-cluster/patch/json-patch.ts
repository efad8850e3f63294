import { deepCopy, jsonEqual } from '../types';

/** One RFC 6902 operation. */
interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

/** An error applying a JSON patch; the handler reports it as the real server does. */
export class PatchError extends Error {}

/** Applies an RFC 6902 JSON patch (`application/json-patch+json`) to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let result = deepCopy(doc);
  for (const raw of patch as Operation[]) {
    const op = raw ?? ({} as Operation);
    switch (op.op) {
      case 'add':
        result = add(result, pointer(op.path), deepCopy(op.value));
        break;
      case 'remove':
        result = remove(result, pointer(op.path));
        break;
      case 'replace':
        get(result, pointer(op.path), `replace operation does not apply: doc is missing key: ${op.path}`);
        result = add(remove(result, pointer(op.path)), pointer(op.path), deepCopy(op.value));
        break;
      case 'move': {
        const value = get(result, pointer(op.from ?? ''), `move operation does not apply: doc is missing from path: ${op.from}`);
        result = add(remove(result, pointer(op.from ?? '')), pointer(op.path), value);
        break;
      }
      case 'copy': {
        const value = get(result, pointer(op.from ?? ''), `copy operation does not apply: doc is missing from path: ${op.from}`);
        result = add(result, pointer(op.path), deepCopy(value));
        break;
      }
      case 'test': {
        const value = get(result, pointer(op.path), `testing value ${op.path} failed: doc is missing path`);
        if (!jsonEqual(value, op.value)) throw new PatchError(`testing value ${op.path} failed: test failed`);
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return result;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(doc: unknown, parts: string[], what: string): Container {
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else cur = undefined;
    if (cur === undefined) throw new PatchError(`${what} operation does not apply: doc is missing path: /${parts.join('/')}`);
  }
  if (cur === null || typeof cur !== 'object') throw new PatchError(`${what} operation does not apply: doc is missing path: /${parts.join('/')}`);
  return cur as Container;
}

function get(doc: unknown, parts: string[], message: string): unknown {
  if (parts.length === 0) return doc;
  let parent: Container;
  try {
    parent = parentOf(doc, parts, 'get');
  } catch {
    throw new PatchError(message);
  }
  const key = parts[parts.length - 1] ?? '';
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) throw new PatchError(message);
  return value;
}

function add(doc: unknown, parts: string[], value: unknown): unknown {
  if (parts.length === 0) return value;
  const parent = parentOf(doc, parts, 'add');
  const key = parts[parts.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new PatchError(`add operation does not apply: index out of bounds: ${key}`);
    }
    parent.splice(index, 0, value);
  } else parent[key] = value;
  return doc;
}

function remove(doc: unknown, parts: string[]): unknown {
  const parent = parentOf(doc, parts, 'remove');
  const key = parts[parts.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) {
      throw new PatchError(`remove operation does not apply: doc is missing path: /${parts.join('/')}`);
    }
    parent.splice(index, 1);
  } else {
    if (!(key in parent)) throw new PatchError(`remove operation does not apply: doc is missing path: /${parts.join('/')}`);
    delete parent[key];
  }
  return doc;
}
