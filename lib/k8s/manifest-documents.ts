import { isMap, isSeq, parseAllDocuments, type Node } from 'yaml';

/** One document of a manifest: the object, or why it could not be read and where. */
export interface ManifestDocument {
  index: number;
  object?: Record<string, unknown>;
  error?: { message: string; line?: number; column?: number; offset?: number };
  /** The YAML node of the object (positions are offsets into the whole manifest). */
  node?: Node;
  /** Where the document (or List item) starts and ends in the manifest. */
  range: [number, number];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits a manifest into documents as `kubectl create -f` reads it: YAML or JSON (JSON is YAML), `---`
 * separated, empty documents skipped, and a `kind: List` expanded into its items. A document that does not
 * parse keeps its place with the parser's message and 1-based line and column. The server and the editor
 * both number documents this way, so a result for document N points at the same text in both.
 */
export function parseManifestDocuments(text: string): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  for (const doc of parseAllDocuments(text)) {
    const index = out.length;
    const range: [number, number] = [doc.range[0], doc.range[1]];
    const problem = doc.errors[0];
    if (problem) {
      const at = problem.linePos?.[0];
      // The yaml package appends a code excerpt after the first line; the position is reported separately.
      const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      out.push({ index, range, error: { message, line: at?.line, column: at?.col, offset: problem.pos[0] } });
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const node = doc.contents ?? undefined;
    if (!isPlainObject(value)) {
      const offset = node?.range?.[0];
      const at = offset !== undefined ? { ...lineColumn(text, offset), offset } : undefined;
      out.push({ index, range, error: { message: 'a manifest document must be an object with apiVersion and kind', ...at } });
      continue;
    }
    if (value.kind === 'List' && Array.isArray(value.items)) {
      const itemNodes = isMap(node) ? node.get('items', true) : undefined;
      value.items.forEach((item: unknown, i: number) => {
        const itemNode = isSeq(itemNodes) ? (itemNodes.items[i] as Node | undefined) : undefined;
        const itemRange: [number, number] = itemNode?.range ? [itemNode.range[0], itemNode.range[1]] : range;
        out.push(
          isPlainObject(item)
            ? { index: out.length, object: item, node: itemNode, range: itemRange }
            : { index: out.length, range: itemRange, error: { message: 'a List item must be an object' } },
        );
      });
      continue;
    }
    out.push({ index, object: value, node, range });
  }
  return out;
}

/** 1-based line and column of an offset, as editors count. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
