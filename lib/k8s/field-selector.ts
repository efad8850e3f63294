/**
 * Field selectors (`?fieldSelector=status.phase=Running,spec.nodeName!=`), a port of apimachinery
 * `pkg/fields` `ParseSelector`. Unlike label selectors there is no tokenizer: terms are split on
 * unescaped commas, each term on its first operator, and values may escape `\`, `,` and `=`.
 * Which fields a kind supports is the server's business (it answers "field label not supported").
 */

/** One term: `field=value`, `field==value` (same as `=`) or `field!=value`. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/**
 * A parse outcome. On failure `message` is exactly the text of the API server's 400 Status;
 * `position`/`length` locate the offending term in the input.
 */
export type FieldParseResult =
  | { ok: true; selector: FieldRequirement[] }
  | { ok: false; message: string; position: number; length: number };

interface Term {
  text: string;
  start: number;
}

/** `splitTerms`: commas split terms unless backslash-escaped (the backslash stays in the term). */
function splitTerms(input: string): Term[] {
  if (input.length === 0) return [];
  const terms: Term[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push({ text: input.slice(start, i), start });
      start = i + 1;
    }
  }
  terms.push({ text: input.slice(start), start });
  return terms;
}

// `==` is tried before `=` so that `a==b` does not leave "=b" as the value.
const TERM_OPERATORS = ['!=', '==', '='] as const;

/** `splitTerm`: the first position where any operator starts; the field part cannot be escaped. */
function splitTerm(term: string): { lhs: string; op: (typeof TERM_OPERATORS)[number]; rhs: string } | null {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return null;
}

/** `UnescapeValue`: `\\`, `\,` and `\=` are the only escapes; a bare `,` or `=` is an error. */
export function unescapeFieldValue(value: string): { ok: true; value: string } | { ok: false; message: string } {
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        return { ok: false, message: `invalid field selector: invalid escape sequence: \\${c}` };
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. as its number: 61 for '=', 44 for ','.
      return { ok: false, message: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    } else {
      out += c;
    }
  }
  if (inSlash) return { ok: false, message: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** `EscapeValue`: the inverse, for building selectors from arbitrary values. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

const byText = (a: Term, b: Term) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Parses a field selector as `fields.ParseSelector` does. Terms are sorted before parsing (as Go
 * does), so with several bad terms the reported one is the first in sorted order. Whitespace is not
 * trimmed: `a = b` is the field "a " and the value " b", as on a real server.
 */
export function parseFieldSelector(input: string): FieldParseResult {
  const selector: FieldRequirement[] = [];
  for (const term of splitTerms(input).sort(byText)) {
    if (term.text === '') continue;
    const split = splitTerm(term.text);
    const at = { position: term.start, length: term.text.length };
    if (!split) return { ok: false, message: `invalid selector: '${input}'; can't understand '${term.text}'`, ...at };
    const value = unescapeFieldValue(split.rhs);
    if (!value.ok) return { ok: false, message: value.message, ...at };
    selector.push({ field: split.lhs, operator: split.op === '!=' ? '!=' : '=', value: value.value });
  }
  return { ok: true, selector };
}

/** True when all terms hold; a field the object lacks reads as "" (so `x!=a` matches it). */
export function matchesFields(selector: FieldRequirement[], fields: Record<string, string>): boolean {
  return selector.every((r) => {
    const actual = Object.prototype.hasOwnProperty.call(fields, r.field) ? fields[r.field] : '';
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

/** `Selector.String()`: terms in parsed (sorted) order with values escaped. */
export function fieldSelectorToString(selector: FieldRequirement[]): string {
  return selector.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
}
