/**
 * A small tokenizer for the YAML and JSON the console itself renders (see `lib/k8s/yaml-sections`), giving
 * each line a list of typed tokens the viewer turns into React spans. It never produces markup: the
 * viewer only chooses a class per token kind and renders the text as text.
 */

export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'comment' | 'indicator' | 'plain';

export interface Token {
  text: string;
  kind: TokenKind;
}

const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.Inf|\.nan|\.NaN)$/;
const LITERAL = /^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~)$/;
const YAML_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:\-?][^:]*?|-[^\s:][^:]*?)(:)(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

function scalarKind(value: string): TokenKind {
  if (value.startsWith('"') || value.startsWith("'")) return 'string';
  if (NUMBER.test(value)) return 'number';
  if (LITERAL.test(value)) return 'literal';
  if (value === '{}' || value === '[]') return 'punct';
  return 'string';
}

function push(tokens: Token[], text: string, kind: TokenKind): void {
  if (text) tokens.push({ text, kind });
}

/**
 * Tokenizes YAML line by line, remembering block scalars (`key: |`) so their content lines read as
 * strings even when they look like keys.
 */
export function highlightYaml(lines: readonly string[]): Token[][] {
  let blockIndent = -1;
  return lines.map((line) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) return [{ text: line, kind: 'string' }];
      blockIndent = -1;
    }
    const tokens: Token[] = [];
    let rest = line;
    push(tokens, rest.slice(0, indent), 'plain');
    rest = rest.slice(indent);
    if (rest.startsWith('#')) return [...tokens, { text: rest, kind: 'comment' }];
    // Sequence dashes, possibly several (`- - a`).
    for (let dash = /^-(?:\s+|$)/.exec(rest); dash; dash = /^-(?:\s+|$)/.exec(rest)) {
      push(tokens, dash[0], 'punct');
      rest = rest.slice(dash[0].length);
    }
    const key = YAML_KEY.exec(rest);
    if (key) {
      push(tokens, key[1], 'key');
      push(tokens, key[2], 'punct');
      rest = rest.slice(key[0].length);
      const space = /^\s*/.exec(rest)![0];
      push(tokens, space, 'plain');
      rest = rest.slice(space.length);
    }
    if (rest) {
      if (BLOCK_SCALAR.test(rest)) {
        push(tokens, rest, 'indicator');
        blockIndent = indent;
      } else {
        push(tokens, rest, scalarKind(rest));
      }
    }
    return tokens;
  });
}

/** Tokenizes one line of JSON: strings (keys when a colon follows), numbers, literals, punctuation. */
export function highlightJsonLine(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      j = Math.min(j + 1, line.length);
      const isKey = /^\s*:/.test(line.slice(j));
      push(tokens, line.slice(i, j), isKey ? 'key' : 'string');
      i = j;
      continue;
    }
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(line.slice(i));
    if (word) {
      push(tokens, word[0], /^[-\d]/.test(word[0]) ? 'number' : 'literal');
      i += word[0].length;
      continue;
    }
    const other = /^(?:\s+|[{}[\]:,]|[^\s"{}[\]:,]+)/.exec(line.slice(i))![0];
    push(tokens, other, /^\s/.test(other) ? 'plain' : /^[{}[\]:,]$/.test(other) ? 'punct' : 'plain');
    i += other.length;
  }
  return tokens;
}

/** Tokens for every line of a document. */
export function highlightLines(lines: readonly string[], format: 'yaml' | 'json'): Token[][] {
  return format === 'yaml' ? highlightYaml(lines) : lines.map(highlightJsonLine);
}
