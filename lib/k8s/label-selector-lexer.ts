/**
 * The label selector lexer, a port of `Lexer` in apimachinery `pkg/labels/selector.go`: identifiers run
 * until whitespace or one of `=!(),<>`; `!=` and `==` are the only two-character operators; `in` and
 * `notin` are keywords only where an operator may stand (the parser decides). Tokens carry their span.
 */

/** Token kinds, named after their literal; `id` is an identifier, `eos` the end of input. */
export type Tok = 'id' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | '<' | '!=' | 'in' | 'notin' | '(';

/** One token and where it sits in the input (UTF-16 offsets). */
export interface Token {
  tok: Tok;
  lit: string;
  start: number;
  end: number;
}

// Lexer.isWhitespace and isSpecialSymbol.
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
// Maps, not object literals: a key named `toString` must not find Object.prototype.
const SPECIAL_TOKENS = new Map<string, Tok>([['!=', '!='], ['==', '==']]);
const KEYWORDS = new Map<string, Tok>([['in', 'in'], ['notin', 'notin']]);

/** Go's lexer reads bytes and returns 0 at the end, so a NUL character ends the input early. */
function charAt(input: string, i: number): string | null {
  return i < input.length && input[i] !== '\0' ? input[i] : null;
}

/** Splits the input into tokens, always ending with one `eos` token. */
export function lex(input: string): Token[] {
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
      const tok = SPECIAL_TOKENS.get(pair) ?? (ch as Tok);
      pos += tok.length;
      tokens.push({ tok, lit: tok, start, end: pos });
      continue;
    }
    while (charAt(input, pos) !== null && !SPECIAL.has(input[pos]) && !WHITESPACE.has(input[pos])) pos++;
    const lit = input.slice(start, pos);
    tokens.push({ tok: KEYWORDS.get(lit) ?? 'id', lit, start, end: pos });
  }
}
