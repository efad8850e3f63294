/**
 * The label selector string parser: a port of the Lexer and Parser in apimachinery
 * `pkg/labels/selector.go`, keeping its quirks (which tokens it accepts where, how empty values
 * arise) and its error wording, plus the character span of each error for the UI to underline.
 */

import { aggregateMessage, fieldErrorBody, goQuote, type FieldError } from '@/lib/k8s/field-errors';
import type { ParseResult, Requirement, SelectorOperator } from '@/lib/k8s/label-selector';
import { BINARY_OPERATORS, labelKeyError, requirementErrors, sortByKey } from '@/lib/k8s/label-selector-requirement';

type Tok = 'id' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | '<' | '!=' | 'in' | 'notin' | '(';

interface Token {
  tok: Tok;
  lit: string;
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
}

// Lexer.isWhitespace and isSpecialSymbol.
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SPECIAL_TOKENS: Record<string, Tok> = { '!=': '!=', '==': '==' };
const KEYWORDS: Record<string, Tok> = { in: 'in', notin: 'notin' };

/** Go's lexer reads bytes and returns 0 at the end, so a NUL character ends the input early. */
function charAt(input: string, i: number): string | null {
  return i < input.length && input[i] !== '\0' ? input[i] : null;
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (charAt(input, pos) !== null && WHITESPACE.has(input[pos])) pos++;
    const ch = charAt(input, pos);
    if (ch === null) {
      tokens.push({ tok: 'eos', lit: '', start: pos, end: pos });
      return tokens;
    }
    const start = pos;
    if (SPECIAL.has(ch)) {
      // Longest match: only `!=` and `==` are two characters long.
      const pair = ch + (charAt(input, pos + 1) ?? '');
      const tok = SPECIAL_TOKENS[pair] ?? (ch as Tok);
      pos += tok.length;
      tokens.push({ tok, lit: tok, start, end: pos });
      continue;
    }
    while (charAt(input, pos) !== null && !SPECIAL.has(input[pos]) && !WHITESPACE.has(input[pos])) pos++;
    const lit = input.slice(start, pos);
    tokens.push({ tok: KEYWORDS[lit] ?? 'id', lit, start, end: pos });
  }
}

/** A parse failure: apimachinery's message, our explanation and where it happened. */
class Failure {
  constructor(
    readonly apiMessage: string,
    readonly message: string,
    readonly span: Span,
    readonly wrapped: boolean,
  ) {}
}

const describe = (t: Token) => (t.tok === 'eos' ? 'end of input' : `'${t.lit}'`);

class Parser {
  private position = 0;
  constructor(private readonly items: Token[]) {}

  // In the Values context apimachinery reads `in`/`notin` as identifiers (`in in (in)` is valid).
  lookahead(values: boolean): Token {
    const t = this.items[Math.min(this.position, this.items.length - 1)];
    return values && (t.tok === 'in' || t.tok === 'notin') ? { ...t, tok: 'id' } : t;
  }

  consume(values: boolean): Token {
    const t = this.lookahead(values);
    this.position++;
    return t;
  }

  fail(t: Token, api: string, message: string, wrapped = true): never {
    throw new Failure(api, message, t, wrapped);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.lookahead(true);
      if (t.tok === 'eos') return reqs;
      if (t.tok !== 'id' && t.tok !== '!') {
        this.fail(t, `found '${t.lit}', expected: !, identifier, or 'end of string'`, `Expected a label key or '!' but found ${describe(t)}`, false);
      }
      reqs.push(this.parseRequirement());
      const next = this.consume(true);
      if (next.tok === 'eos') return reqs;
      if (next.tok !== ',') {
        this.fail(next, `found '${next.lit}', expected: ',' or 'end of string'`, `Expected ',' or end of input but found ${describe(next)}`, false);
      }
      const after = this.lookahead(true);
      if (after.tok !== 'id' && after.tok !== '!') {
        this.fail(after, `found '${after.lit}', expected: identifier after ','`, `Expected a label key after ',' but found ${describe(after)}`, false);
      }
    }
  }

  parseRequirement(): Requirement {
    let t = this.consume(true);
    const negated = t.tok === '!';
    if (negated) t = this.consume(true);
    if (t.tok !== 'id') this.fail(t, `found '${t.lit}', expected: identifier`, `Expected a label key but found ${describe(t)}`);
    const keyErr = labelKeyError(t.lit, null);
    if (keyErr) this.fail(t, `${keyErr.field}: ${fieldErrorBody(keyErr)}`, `Invalid label key ${goQuote(t.lit)}: ${keyErr.detail}`);
    const key = t;
    const next = this.lookahead(true).tok;
    // `!key` is complete whatever follows; a trailing operator then fails as "expected ','".
    if (negated) return this.finish(key, '!', []);
    if (next === 'eos' || next === ',') return this.finish(key, 'exists', []);

    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return this.finish(key, op, values);
  }

  parseOperator(): SelectorOperator {
    const t = this.consume(false);
    const ops: Partial<Record<Tok, SelectorOperator>> = {
      in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt',
    };
    const op = ops[t.tok];
    if (!op) {
      this.fail(t, `found '${t.lit}', expected: ${BINARY_OPERATORS.join(', ')}`, `Expected an operator (=, ==, !=, in, notin, >, <) after the key but found ${describe(t)}`);
    }
    return op;
  }

  /** `(a,b)`; empty entries (`()`, `(,a)`, `(a,,b)`, `(a,)`) stand for the empty value. */
  parseValues(): [string, Span][] {
    const open = this.consume(true);
    if (open.tok !== '(') this.fail(open, `found '${open.lit}' expected: '('`, `Expected '(' after the operator but found ${describe(open)}`);
    const first = this.lookahead(true);
    if (first.tok === ')') {
      const close = this.consume(true);
      return [['', { start: open.start, end: close.end }]];
    }
    if (first.tok !== 'id' && first.tok !== ',') {
      this.fail(first, `found '${first.lit}', expected: ',', ')' or identifier`, `Expected a value, ',' or ')' but found ${describe(first)}`);
    }
    const values = this.parseIdentifiersList();
    this.consume(true); // the ')' parseIdentifiersList stopped at
    return values;
  }

  parseIdentifiersList(): [string, Span][] {
    const values: [string, Span][] = [];
    for (;;) {
      const t = this.consume(true);
      if (t.tok === 'id') {
        values.push([t.lit, t]);
        const next = this.lookahead(true);
        if (next.tok === ')') return values;
        if (next.tok !== ',') {
          this.fail(next, `found '${next.lit}', expected: ',' or ')'`, `Expected ',' or ')' after a value but found ${describe(next)}`);
        }
      } else if (t.tok === ',') {
        if (values.length === 0) values.push(['', t]);
        const next = this.lookahead(true);
        if (next.tok === ')') {
          values.push(['', t]);
          return values;
        }
        if (next.tok === ',') values.push(['', this.consume(true)]);
      } else {
        this.fail(t, `found '${t.lit}', expected: ',', or identifier`, `Expected a value or ',' but found ${describe(t)}`);
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>` or `<`; nothing before ',' or the end means "". */
  parseExactValue(): [string, Span][] {
    const t = this.lookahead(true);
    if (t.tok === 'eos' || t.tok === ',') return [['', { start: t.start, end: t.start }]];
    this.consume(true);
    if (t.tok !== 'id') this.fail(t, `found '${t.lit}', expected: identifier`, `Expected a value but found ${describe(t)}`);
    return [[t.lit, t]];
  }

  /** `NewRequirement(key, op, values.List())`: values deduplicated and sorted, then validated. */
  finish(key: Token, operator: SelectorOperator, raw: [string, Span][]): Requirement {
    const spans = new Map<string, Span>();
    for (const [v, span] of raw) if (!spans.has(v)) spans.set(v, span);
    const values = [...spans.keys()].sort();
    const errs = requirementErrors({ key: key.lit, operator, values, keyChecked: true });
    if (errs.length > 0) {
      const index = /^values\[(\d+)\]/.exec(errs[0].field);
      const span = index ? (spans.get(values[Number(index[1])]) ?? key) : key;
      this.fail({ ...key, ...span }, aggregateMessage(errs), describeValueError(errs[0]));
    }
    return { key: key.lit, operator, values };
  }
}

function describeValueError(e: FieldError): string {
  return `Invalid value ${goQuote(String(e.badValue))}: ${e.detail}`;
}

/** Parses a selector string as `labels.Parse` does (see label-selector.ts for the exported API). */
export function parseLabelSelector(input: string): ParseResult {
  try {
    const reqs = new Parser(lex(input)).parse();
    return { ok: true, selector: sortByKey(reqs) };
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    const apiMessage = err.wrapped ? `unable to parse requirement: ${err.apiMessage}` : err.apiMessage;
    return {
      ok: false,
      error: { message: err.message, position: err.span.start, length: err.span.end - err.span.start },
      apiMessage,
    };
  }
}
