import { deepCopy, isPlainObject } from '../types';

/**
 * RFC 7386 JSON merge patch (`application/merge-patch+json`, what `kubectl label` and `annotate`
 * send): objects merge key by key, `null` deletes, anything else (arrays included) replaces.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepCopy(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? deepCopy(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
