/**
 * The label selector string parser: a port of the Parser in apimachinery `pkg/labels/selector.go`
 * (the Lexer is in label-selector-lexer.ts), keeping its quirks (which tokens it accepts where, how empty values
 * arise) and its error wording, plus the character span of each error for the UI to underline.
 */

import { aggregateMessage, fieldErrorBody, goQuote, type FieldError } from '@/lib/k8s/field-errors';
import type { ParseResult, Requirement, SelectorOperator } from '@/lib/k8s/label-selector';
import { lex, type Tok, type Token } from '@/lib/k8s/label-selector-lexer';
import { BINARY_OPERATORS, labelKeyError, requirementErrors, sortByKey } from '@/lib/k8s/label-selector-requirement';

type Span = Pick<Token, 'start' | 'end'>;

/** A parse failure: apimachinery's message, our explanation and where it happened. */
class Failure {
  constructor(
    readonly apiMessage: string,
    readonly message: string,
    readonly span: Span,
    readonly wrapped: boolean,
  ) {}
}

const OPERATOR_TOKENS = new Map<Tok, SelectorOperator>([
  ['in', 'in'],
  ['notin', 'notin'],
  ['=', '='],
  ['==', '=='],
  ['!=', '!='],
  ['>', 'gt'],
  ['<', 'lt'],
]);

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

  /**
   * A wrong token: apimachinery says `found 'x', expected: <what>`, we say `Expected <ours> but found
   * 'x'`. Errors raised inside a requirement are wrapped by the caller with "unable to parse requirement".
   */
  unexpected(t: Token, what: string, ours: string, opts: { wrapped?: boolean; goSeparator?: string } = {}): never {
    const api = `found '${t.lit}'${opts.goSeparator ?? ', expected: '}${what}`;
    this.fail(t, api, `Expected ${ours} but found ${describe(t)}`, opts.wrapped ?? true);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.lookahead(true);
      if (t.tok === 'eos') return reqs;
      if (t.tok !== 'id' && t.tok !== '!') {
        this.unexpected(t, "!, identifier, or 'end of string'", "a label key or '!'", { wrapped: false });
      }
      reqs.push(this.parseRequirement());
      const next = this.consume(true);
      if (next.tok === 'eos') return reqs;
      if (next.tok !== ',') {
        this.unexpected(next, "',' or 'end of string'", "',' or end of input", { wrapped: false });
      }
      const after = this.lookahead(true);
      if (after.tok !== 'id' && after.tok !== '!') {
        this.unexpected(after, "identifier after ','", "a label key after ','", { wrapped: false });
      }
    }
  }

  parseRequirement(): Requirement {
    let t = this.consume(true);
    const negated = t.tok === '!';
    if (negated) t = this.consume(true);
    if (t.tok !== 'id') this.unexpected(t, 'identifier', 'a label key');
    const keyErr = labelKeyError(t.lit, null);
    if (keyErr) {
      this.fail(t, `${keyErr.field}: ${fieldErrorBody(keyErr)}`, `Invalid label key ${goQuote(t.lit)}: ${keyErr.detail}`);
    }
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
    const op = OPERATOR_TOKENS.get(t.tok);
    if (!op) this.unexpected(t, BINARY_OPERATORS.join(', '), 'an operator (=, ==, !=, in, notin, >, <) after the key');
    return op;
  }

  /** `(a,b)`; empty entries (`()`, `(,a)`, `(a,,b)`, `(a,)`) stand for the empty value. */
  parseValues(): [string, Span][] {
    const open = this.consume(true);
    // Go's message lacks the comma here: "found 'x' expected: '('".
    if (open.tok !== '(') this.unexpected(open, "'('", "'(' after the operator", { goSeparator: ' expected: ' });
    const first = this.lookahead(true);
    if (first.tok === ')') {
      const close = this.consume(true);
      return [['', { start: open.start, end: close.end }]];
    }
    if (first.tok !== 'id' && first.tok !== ',') {
      this.unexpected(first, "',', ')' or identifier", "a value, ',' or ')'");
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
          this.unexpected(next, "',' or ')'", "',' or ')' after a value");
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
        this.unexpected(t, "',', or identifier", "a value or ','");
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>` or `<`; nothing before ',' or the end means "". */
  parseExactValue(): [string, Span][] {
    const t = this.lookahead(true);
    if (t.tok === 'eos' || t.tok === ',') return [['', { start: t.start, end: t.start }]];
    this.consume(true);
    if (t.tok !== 'id') this.unexpected(t, 'identifier', 'a value');
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
