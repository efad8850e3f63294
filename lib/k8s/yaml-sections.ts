/**
 * An object rendered as YAML or JSON text with its top-level fields (apiVersion, kind, metadata, spec,
 * status) located as line ranges, so a viewer can band or fold them. The text is what `kubectl get -o yaml`
 * / `-o json` would show for the same object: server field order, block sequences not indented under
 * their key, no line folding.
 */

import { stringify } from 'yaml';

export type DocumentFormat = 'yaml' | 'json';

/** One top-level field: lines `[start, end)` of the rendered text, 0-based. */
export interface DocumentSection {
  key: string;
  start: number;
  end: number;
}

export interface RenderedDocument {
  text: string;
  lines: string[];
  sections: DocumentSection[];
}

export interface RenderOptions {
  /**
   * Drop `metadata.managedFields`, as kubectl does unless `--show-managed-fields`: it is bookkeeping for
   * server-side apply, often longer than the rest of the object.
   */
  omitManagedFields?: boolean;
}

function withoutManagedFields(object: unknown): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return object;
  const record = object as Record<string, unknown>;
  const metadata = record.metadata;
  if (!metadata || typeof metadata !== 'object' || !('managedFields' in metadata)) return object;
  const { managedFields: _managedFields, ...rest } = metadata as Record<string, unknown>;
  return { ...record, metadata: rest };
}

/** The text of an object in a format, as kubectl prints it. */
export function renderText(object: unknown, format: DocumentFormat): string {
  if (format === 'json') return `${JSON.stringify(object, null, 4)}\n`;
  // No anchors/aliases (a wire object never shares references, but a caller's object might) and no
  // folding of long strings, which would make copied values differ from the object.
  return stringify(object, { indentSeq: false, lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** Where top-level keys start: column 0 in YAML, one indent level in JSON (`    "key": `). */
function topLevelKey(line: string, format: DocumentFormat): string | undefined {
  if (format === 'yaml') {
    const match = /^([^\s#-][^:]*|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'):(?:\s|$)/.exec(line);
    return match ? match[1].replace(/^["']|["']$/g, '') : undefined;
  }
  const match = /^ {4}"((?:[^"\\]|\\.)*)":/.exec(line);
  return match ? JSON.parse(`"${match[1]}"`) : undefined;
}

/** Renders an object and locates its top-level fields. */
export function renderDocument(object: unknown, format: DocumentFormat, options: RenderOptions = {}): RenderedDocument {
  const shown = options.omitManagedFields ? withoutManagedFields(object) : object;
  const text = renderText(shown, format);
  const lines = text.replace(/\n$/, '').split('\n');
  const sections: DocumentSection[] = [];
  const isObject = shown !== null && typeof shown === 'object' && !Array.isArray(shown);
  if (isObject) {
    lines.forEach((line, index) => {
      const key = topLevelKey(line, format);
      if (key === undefined) return;
      const previous = sections.at(-1);
      if (previous) previous.end = index;
      sections.push({ key, start: index, end: lines.length });
    });
    // JSON's closing brace belongs to no field.
    const last = sections.at(-1);
    if (format === 'json' && last) last.end = lines.length - 1;
  }
  return { text, lines, sections };
}
