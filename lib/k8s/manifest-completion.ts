import { explainField, type ExplainedField } from './explain';
import { definitionForGvk, resolveSchema } from './openapi-resolve';
import type { GroupVersionKind, OpenApiSchema, OpenApiSchemas } from './openapi-types';
import { splitApiVersion } from './resource-path';

/** Where the cursor is in a YAML manifest, read from the text alone (it is often invalid while typed). */
export interface CursorContext {
  /** Field names from the object's root to the mapping being typed in; list items are stepped through. */
  path: string[];
  /** A key is being typed, or the value of `key`. */
  at: 'key' | 'value';
  key?: string;
  /** Start of the word being typed, for the completion to replace. */
  from: number;
  /** The document's own `apiVersion` and `kind`, when it has them. */
  apiVersion?: string;
  kind?: string;
}

interface Line {
  indent: number;
  /** Column of the key, after any `- ` list markers. */
  keyColumn: number;
  dash: boolean;
  key?: string;
  /** The text after `key:`, trimmed. */
  value?: string;
}

function readLine(text: string): Line | undefined {
  const match = /^( *)((?:- +)*)(.*)$/.exec(text);
  if (!match || /^\s*(#|$)/.test(match[3]) && !match[2]) return undefined;
  const pair = /^([^\s:#'"{[][^:]*?|"[^"]*"|'[^']*')\s*:(?:\s+(.*)|$)/.exec(match[3]);
  return {
    indent: match[1].length,
    keyColumn: match[1].length + match[2].length,
    dash: match[2].length > 0,
    key: pair ? pair[1].replace(/^["']|["']$/g, '') : undefined,
    value: pair ? (pair[2] ?? '').replace(/\s+#.*$/, '').trim() : undefined,
  };
}

/** The document around an offset: from after the `---` before it to the one after it. */
function documentBounds(text: string, offset: number): [number, number] {
  const separator = /^---.*$/gm;
  let start = 0;
  let end = text.length;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index + m[0].length < offset) start = m.index + m[0].length + 1;
    else if (m.index >= offset) {
      end = m.index;
      break;
    }
  }
  return [Math.min(start, offset), end];
}

/**
 * The cursor's place in block-style YAML, by indentation: the parent keys above it (a `- ` item steps into
 * a list and on to the key that holds it, which may sit at the dash's column, as Kubernetes manifests
 * write lists), whether a key or a value is being typed, and the document's apiVersion and kind.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const [docStart, docEnd] = documentBounds(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const doc = text.slice(docStart, docEnd);
  const apiVersion = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(doc)?.[1];
  const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(doc)?.[1];

  const current = /^( *)((?:- +)*)(.*)$/.exec(before)!;
  const rest = current[3];
  const colon = /^([^\s:#][^:]*?)\s*:\s*(.*)$/.exec(rest);
  const at: CursorContext['at'] = colon ? 'value' : 'key';
  const word = colon ? colon[2] : rest;
  const from = offset - word.length + (/^["']/.test(word) ? 1 : 0);

  let column = current[1].length + current[2].length;
  // After a dash, the list's own key is at most at the dash's column.
  let inclusive = false;
  if (current[2]) {
    column = current[1].length;
    inclusive = true;
  }
  const path: string[] = [];
  const lines = text.slice(docStart, lineStart).split('\n').reverse();
  for (const raw of lines) {
    if (column === 0 && !inclusive) break;
    const line = readLine(raw);
    if (!line) continue;
    const above = inclusive ? line.keyColumn <= column : line.keyColumn < column;
    if (!above) {
      // The first key of the list item we are in: the list's key is further up.
      if (line.dash && line.keyColumn === column && !inclusive) {
        column = line.indent;
        inclusive = true;
      }
      continue;
    }
    if (line.key === undefined || line.value) break;
    path.unshift(line.key);
    column = line.dash ? line.indent : line.keyColumn;
    inclusive = line.dash;
  }
  return { path, at, key: colon?.[1], from, apiVersion, kind };
}

/** The GVK of a document's apiVersion and kind. */
export const gvkOf = (apiVersion: string, kind: string): GroupVersionKind => ({ ...splitApiVersion(apiVersion), kind });

/** The fields that may be written under a path of a kind, as `kubectl explain` lists them. */
export function fieldsAt(schemas: OpenApiSchemas, gvk: GroupVersionKind, path: readonly string[]): ExplainedField[] {
  return explainField(schemas, { gvk, path: path.join('.') })?.fields ?? [];
}

/** The schema of the field at a path (arrays and maps stepped through), for its enumeration. */
export function schemaAt(schemas: OpenApiSchemas, gvk: GroupVersionKind, path: readonly string[]): OpenApiSchema | undefined {
  const definition = definitionForGvk(schemas, gvk);
  let node: OpenApiSchema | undefined = definition ? schemas[definition] : undefined;
  for (const segment of path) {
    let container: OpenApiSchema = resolveSchema(schemas, node ?? {});
    while (container.items || typeof container.additionalProperties === 'object') {
      container = resolveSchema(schemas, container.items ?? (container.additionalProperties as OpenApiSchema));
    }
    node = container.properties?.[segment];
    if (!node) return undefined;
  }
  return node && resolveSchema(schemas, node);
}

/** The kinds a group-version's document defines (lists and meta types left out), for `kind:`. */
export function kindsIn(schemas: OpenApiSchemas, apiVersion: string): string[] {
  const { group, version } = splitApiVersion(apiVersion);
  const kinds = new Set<string>();
  for (const schema of Object.values(schemas)) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      if (gvk.group === group && gvk.version === version && !gvk.kind.endsWith('List') && !['Status', 'DeleteOptions', 'WatchEvent', 'APIResourceList'].includes(gvk.kind)) kinds.add(gvk.kind);
    }
  }
  return [...kinds].sort();
}
