import { fieldErrorMessage } from '@/lib/k8s/field-errors';
import { validateAnnotations, validateLabels } from '@/lib/k8s/validation';

/** Which map of `metadata` a change edits. */
export type MetadataMap = 'labels' | 'annotations';

/** Keys to set and keys to remove, as `kubectl label` / `kubectl annotate` take them. */
export interface MetadataEdits {
  set: Record<string, string>;
  remove: string[];
  /** Like `--overwrite`: without it, setting a key that has a different value is refused. */
  overwrite: boolean;
}

export type MetadataChange =
  | { ok: true; patch: { metadata: Record<string, unknown> }; changed: boolean }
  | { ok: false; errors: string[] };

/**
 * Checks edits against one object's current map and builds the JSON merge patch kubectl would send
 * (`null` removes a key). The patch carries the object's resourceVersion, so the API server refuses it
 * with 409 Conflict if the object changed since it was read, instead of overwriting blindly, as
 * `kubectl label --resource-version` does.
 */
export function metadataChange(options: {
  map: MetadataMap;
  current: Record<string, string> | undefined;
  edits: MetadataEdits;
  resourceVersion?: string;
}): MetadataChange {
  const { map, edits, resourceVersion } = options;
  const current = options.current ?? {};
  const errors: string[] = [];

  const validation = map === 'labels' ? validateLabels(edits.set, `metadata.${map}`) : validateAnnotations(edits.set, `metadata.${map}`);
  errors.push(...validation.map(fieldErrorMessage));

  const noun = map === 'labels' ? 'label' : 'annotation';
  for (const key of edits.remove) {
    if (key in edits.set) errors.push(`can not both modify and remove the ${noun} "${key}" in the same command`);
  }
  if (!edits.overwrite) {
    for (const [key, value] of Object.entries(edits.set)) {
      // kubectl's own wording (`kubectl label` without --overwrite).
      if (key in current && current[key] !== value) errors.push(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
    }
  }
  if (errors.length) return { ok: false, errors };

  const changes: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(edits.set)) if (current[key] !== value) changes[key] = value;
  for (const key of edits.remove) if (key in current) changes[key] = null;
  const metadata: Record<string, unknown> = { [map]: changes };
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
  return { ok: true, patch: { metadata }, changed: Object.keys(changes).length > 0 };
}

/**
 * Whether the keys an edit sets or removes still have the values they had when the edit was made. Other
 * keys, and the rest of the object, may have changed without making the edit stale.
 */
export function touchedKeysUnchanged(options: {
  before: Record<string, string> | undefined;
  after: Record<string, string> | undefined;
  edits: MetadataEdits;
}): boolean {
  const before = options.before ?? {};
  const after = options.after ?? {};
  return [...Object.keys(options.edits.set), ...options.edits.remove].every((key) => before[key] === after[key]);
}
