import { findUnknownFields } from './openapi/index';
import { deleteFieldPath, type FieldScan } from './json-fields';
import type { KindSpec } from './kinds';
import { badRequest } from './status';

/** The `fieldValidation` query parameter; the server default since 1.27 is Warn. */
export type FieldValidationMode = 'Strict' | 'Warn' | 'Ignore';

/** Reads `fieldValidation`, rejecting values other than the three directives. */
export function fieldValidationMode(query: URLSearchParams): FieldValidationMode {
  const value = query.get('fieldValidation') ?? '';
  if (value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw badRequest(`fieldValidation: Invalid value: "${value}": must be one of Ignore, Warn, or Strict`);
}

/**
 * Server-side field validation (KEP-2885). Unknown fields come from the OpenAPI schemas, duplicate
 * fields from the JSON scan; both are reported in document order. Strict fails with 400
 * `strict decoding error: ...`; Warn returns them as warnings; Warn and Ignore drop unknown fields from
 * the object, which is what the typed decoder does. A field both unknown and duplicated counts as
 * unknown only, as the real decoder reports it.
 */
export function checkFields(options: {
  kind: KindSpec;
  obj: unknown;
  scan?: FieldScan;
  mode: FieldValidationMode;
  /** Prefix the error with `<Kind> in version "<v>" cannot be handled as a <Kind>:` (create, update). */
  decoding: boolean;
}): string[] {
  const { kind, obj, scan, mode } = options;
  const unknown = findUnknownFields({ group: kind.group, version: kind.version, kind: kind.kind }, obj);
  const unknownSet = new Set(unknown);
  const duplicates = (scan?.duplicates ?? []).filter((d) => !unknownSet.has(d));
  const position = (path: string) => scan?.order.get(path) ?? Number.MAX_SAFE_INTEGER;
  const problems = [
    ...duplicates.map((path) => ({ path, text: `duplicate field "${path}"` })),
    ...unknown.map((path) => ({ path, text: `unknown field "${path}"` })),
  ].sort((a, b) => position(a.path) - position(b.path));
  if (problems.length === 0) return [];
  if (mode === 'Strict') {
    const prefix = options.decoding ? `${kind.kind} in version "${kind.version}" cannot be handled as a ${kind.kind}: ` : '';
    throw badRequest(`${prefix}strict decoding error: ${problems.map((p) => p.text).join(', ')}`);
  }
  for (const path of unknown) deleteFieldPath(obj, path);
  return mode === 'Warn' ? problems.map((p) => p.text) : [];
}
