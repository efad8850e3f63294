import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** A span of the manifest text, as offsets. */
export interface TextSpan {
  from: number;
  to: number;
}

/** A path into an object: map keys and list indexes (`['spec', 'containers', 0, 'image']`). */
export type FieldSegments = (string | number)[];

const spanOf = (node: { range?: [number, number, number?] | null } | null | undefined): TextSpan | undefined =>
  node?.range ? { from: node.range[0], to: node.range[1] } : undefined;

const keyText = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);

/**
 * Where a server's field path (`spec.containers[0].image`, `metadata.labels`) is in a document: the key of
 * the deepest field that exists, so an error about a missing child points at its parent. Map keys may
 * themselves hold dots (`app.kubernetes.io/name`), so at each map the longest key that prefixes the rest
 * of the path wins.
 */
export function locateField(root: Node | undefined, path: string): TextSpan | undefined {
  let node: unknown = root;
  let rest = path;
  let found = spanOf(root as Node | undefined);
  while (rest && node) {
    if (isSeq(node)) {
      const match = /^\[(\d+)\]\.?/.exec(rest);
      if (!match) break;
      const item = node.items[Number(match[1])] as Node | undefined;
      if (!item) break;
      node = item;
      found = spanOf(item) ?? found;
      rest = rest.slice(match[0].length);
      continue;
    }
    if (!isMap(node)) break;
    let best: Pair | undefined;
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key === undefined || !(rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`))) continue;
      if (!best || key.length > (keyText(best)?.length ?? 0)) best = pair;
    }
    if (!best) break;
    found = spanOf(best.key as Node) ?? found;
    rest = rest.slice(keyText(best)!.length).replace(/^\./, '');
    node = best.value;
  }
  return found;
}

/** The field under an offset: its path and whether the offset is on its key or in its value. */
export interface FieldAtOffset {
  segments: FieldSegments;
  onKey: boolean;
  /** The key's span, for a hover tooltip. */
  span?: TextSpan;
}

const contains = (node: unknown, offset: number) => {
  const range = (node as Node | null)?.range;
  return Boolean(range && offset >= range[0] && offset <= range[1]);
};

/** The innermost field of a parsed document whose key or value holds the offset (YAML or JSON). */
export function fieldAtOffset(root: Node | undefined, offset: number): FieldAtOffset | undefined {
  let node: unknown = root;
  const segments: FieldSegments = [];
  let result: FieldAtOffset | undefined;
  while (node) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) break;
      segments.push(index);
      node = node.items[index];
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isPair(p) && (contains(p.key, offset) || contains(p.value, offset)));
    const key = pair && keyText(pair);
    if (!pair || key === undefined) break;
    segments.push(key);
    const onKey = contains(pair.key, offset);
    result = { segments: [...segments], onKey, span: spanOf(pair.key as Node) };
    if (onKey) break;
    node = pair.value;
  }
  return result;
}

/** `spec.containers[0].image` from segments, as the API server writes field paths. */
export function formatFieldPath(segments: FieldSegments): string {
  return segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
}
