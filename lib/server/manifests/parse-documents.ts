import { parseAllDocuments } from 'yaml';

/** One document of a manifest: the object, or why it could not be read and where. */
export interface ManifestDocument {
  index: number;
  object?: Record<string, unknown>;
  error?: { message: string; line?: number; column?: number };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits a manifest into documents as `kubectl create -f` reads it: YAML or JSON (JSON is YAML), `---`
 * separated, empty documents skipped, and a `kind: List` expanded into its items. A document that does not
 * parse keeps its place with the parser's message and 1-based line and column.
 */
export function parseManifestDocuments(text: string): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  for (const doc of parseAllDocuments(text)) {
    const index = out.length;
    const problem = doc.errors[0];
    if (problem) {
      const at = problem.linePos?.[0];
      // The yaml package appends a code excerpt after the first line; the position is reported separately.
      const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      out.push({ index, error: { message, line: at?.line, column: at?.col } });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isPlainObject(value)) {
      const at = doc.contents?.range ? lineColumn(text, doc.contents.range[0]) : undefined;
      out.push({ index, error: { message: 'a manifest document must be an object with apiVersion and kind', ...at } });
      continue;
    }
    if (value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) {
        out.push(isPlainObject(item) ? { index: out.length, object: item } : { index: out.length, error: { message: 'a List item must be an object' } });
      }
      continue;
    }
    out.push({ index, object: value });
  }
  return out;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
