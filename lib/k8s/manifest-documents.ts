import { Composer, isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node } from 'yaml';

/** The largest manifest the console reads (the request body limit of the manifests endpoint). */
export const MANIFEST_MAX_BYTES = 3 * 1024 * 1024;

/** One document of a manifest: the object, or why it could not be read and where. */
export interface ManifestDocument {
  index: number;
  object?: Record<string, unknown>;
  error?: { message: string; line?: number; column?: number; offset?: number };
  /** The YAML node of the object, for the editor (positions are offsets into the whole manifest). */
  node?: Node;
  /** Where the document (or List item) starts and ends in the manifest. */
  range: [number, number];
}

/** A manifest over one of the limits: refused whole, since that is what an attack looks like. */
export class ManifestLimitError extends Error {}

export interface ManifestLimits {
  /** Objects in one manifest (YAML documents and List items); each becomes a request to the API server. */
  maxDocuments: number;
  /** Aliases in one document. Manifests rarely use any; a few hundred serve only to multiply a node. */
  maxAliases: number;
  /** Text of the whole manifest once its aliases are expanded, counted as the source of its scalars. */
  maxExpandedBytes: number;
}

export const MANIFEST_LIMITS: ManifestLimits = {
  maxDocuments: 1000,
  maxAliases: 100,
  // Without aliases the expanded text is never longer than the manifest; aliases may at most double it.
  maxExpandedBytes: 2 * MANIFEST_MAX_BYTES,
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A problem found while measuring a document, at a source offset: a `limit` refuses the whole manifest (it
 * is what an attack looks like), anything else is that document's error, as the parser's own are.
 */
class DocumentProblem extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
    readonly limit = true,
  ) {
    super(message);
  }
}

/**
 * Splits a manifest into documents as `kubectl create -f` reads it: YAML or JSON (JSON is YAML), `---`
 * separated, empty documents skipped, and a `kind: List` expanded into its items. A document that does not
 * parse keeps its place with the parser's message and 1-based line and column.
 *
 * The work is linear in the text: documents are composed one at a time and counted as they come (a
 * manifest over `maxDocuments` stops there), positions come from one line index, and duplicate keys are
 * found with a set (the yaml package's own check compares each key with every other: a 3 MiB ConfigMap took
 * half a minute). Aliases are counted and their expansion measured before anything is expanded, so an
 * alias bomb is refused, with the line of the alias that crossed the limit, instead of filling memory.
 * A manifest over a limit throws `ManifestLimitError`; nothing else is thrown.
 */
export function parseManifestDocuments(text: string, limits: ManifestLimits = MANIFEST_LIMITS): ManifestDocument[] {
  const lines = new LineCounter();
  const position = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lines.linePos(offset);
    return { line, column: col, offset };
  };
  const tooMany = () => new ManifestLimitError(`the manifest has more than ${limits.maxDocuments} objects; split it into smaller manifests`);
  const budget = { expanded: 0 };
  const out: ManifestDocument[] = [];
  // `uniqueKeys: false`: duplicates are found by `measure`, in linear time. Aliases are expanded only after
  // `measure` has bounded them, so the package's own count (nodes, not bytes) is not needed.
  const composer = new Composer({ uniqueKeys: false });
  let documents = 0;
  try {
    for (const doc of composer.compose(new Parser(lines.addNewLine).parse(text))) {
      if (++documents > limits.maxDocuments) throw tooMany();
      const index = out.length;
      const range: [number, number] = [doc.range[0], doc.range[1]];
      const problem = doc.errors[0];
      if (problem) {
        out.push({ index, range, error: { message: problem.message.split('\n')[0], ...position(problem.pos[0]) } });
        continue;
      }
      let value: unknown;
      try {
        measure(doc, limits, budget);
        value = doc.toJS({ maxAliasCount: -1 });
      } catch (error) {
        if (!(error instanceof DocumentProblem)) throw error;
        if (error.limit) throw new ManifestLimitError(`error parsing YAML: ${where(position(error.offset))}${error.message}`);
        out.push({ index, range, error: { message: error.message, ...position(error.offset) } });
        continue;
      }
      if (value === null || value === undefined) continue;
      const node = doc.contents ?? undefined;
      if (!isPlainObject(value)) {
        out.push({ index, range, error: { message: 'a manifest document must be an object with apiVersion and kind', ...position(doc.contents?.range[0]) } });
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
        if (out.length > limits.maxDocuments) throw tooMany();
        continue;
      }
      out.push({ index, object: value, node, range });
    }
  } catch (error) {
    // The yaml package reports its own stack overflow as the document's error; `measure` and `toJS` recurse
    // too, and a document nested that deep is refused rather than left to crash the request.
    if (error instanceof RangeError) throw new ManifestLimitError('error parsing YAML: the manifest is nested too deeply');
    throw error;
  }
  return out;
}

const where = (at: { line?: number; column?: number }) => (at.line ? `line ${at.line}, column ${at.column}: ` : '');

/**
 * Walks a document once, in source order, and throws a `DocumentProblem` for a duplicate key, an alias of
 * a node that contains it (its expansion would never end), more than `maxAliases` aliases, or an expansion
 * past the manifest's budget. An alias costs the size of what it names, worked out once per anchor.
 */
function measure(doc: Document.Parsed, limits: ManifestLimits, budget: { expanded: number }): void {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  let aliases = 0;
  const spend = (bytes: number, node: Node) => {
    budget.expanded += bytes;
    if (budget.expanded > limits.maxExpandedBytes) {
      throw new DocumentProblem(`the manifest's aliases expand to more than ${limits.maxExpandedBytes} bytes`, node.range?.[0]);
    }
  };
  const visit = (node: unknown): number => {
    if (isAlias(node)) {
      if (++aliases > limits.maxAliases) throw new DocumentProblem(`a document may use at most ${limits.maxAliases} aliases`, node.range?.[0]);
      const target = anchors.get(node.source);
      const size = target && sizes.get(target);
      if (target && size === undefined) throw new DocumentProblem(`the alias *${node.source} is inside the node it names`, node.range?.[0]);
      spend(size ?? 0, node);
      return size ?? 0;
    }
    if (!isScalar(node) && !isCollection(node)) return 0;
    // An alias names the last anchor of that name before it, so anchors are recorded in source order.
    if (node.anchor) anchors.set(node.anchor, node);
    let size = 0;
    if (isScalar(node)) {
      size = node.range ? node.range[1] - node.range[0] : String(node.value).length;
      spend(size, node);
    } else {
      const keys = isMap(node) ? new Set<string>() : undefined;
      for (const item of node.items) {
        if (isPair(item)) {
          if (keys && isScalar(item.key)) {
            const key = String(item.key.value);
            if (keys.has(key)) throw new DocumentProblem(`Map keys must be unique: ${JSON.stringify(key)} is repeated`, item.key.range?.[0], false);
            keys.add(key);
          }
          size += visit(item.key) + visit(item.value) + 1;
        } else {
          size += visit(item) + 1;
        }
      }
    }
    if (node.anchor) sizes.set(node, size);
    return size;
  };
  visit(doc.contents);
}

/** 1-based line and column of an offset, as editors count. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
