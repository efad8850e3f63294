/**
 * Parses the shell language the simulated `sh` understands: words with single and double quotes,
 * backslash escapes and `$VAR`/`${VAR}`/`$?` expansion, pipes, `;`, `&&`, `||`, `>`/`>>` redirections
 * and `#` comments. Enough for `sh -c '...'` one-liners and an interactive prompt; no loops or functions.
 */

/** A piece of a word: expansion applies to unquoted and double-quoted text, not to single-quoted. */
export interface WordPart {
  text: string;
  expand: boolean;
}

/** One command of a pipeline: its words and where its output was redirected. */
export interface SimpleCommand {
  words: WordPart[][];
  redirect?: string;
}

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[];

/** A list: pipelines joined by `;`, `&&` and `||` (the operator before each). */
export type CommandList = Array<{ op: ';' | '&&' | '||'; pipeline: Pipeline }>;

/** A parse failure, worded as dash words it after `sh: LINE: `. */
export class ShellSyntaxError extends Error {}

type Token = { kind: 'word'; parts: WordPart[] } | { kind: 'op'; op: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let parts: WordPart[] | undefined;
  const push = (text: string, expand: boolean) => {
    parts ??= [];
    const last = parts[parts.length - 1];
    // Adjacent pieces of one kind stay one piece, so `$HOME` typed unquoted expands as a whole.
    if (last && last.expand === expand) last.text += text;
    else parts.push({ text, expand });
  };
  const endWord = () => {
    if (parts) tokens.push({ kind: 'word', parts });
    parts = undefined;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "'") {
      const end = source.indexOf("'", i + 1);
      if (end === -1) throw new ShellSyntaxError('Syntax error: Unterminated quoted string');
      push(source.slice(i + 1, end), false);
      i = end;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) {
        if (source[j] === '\\' && '"\\$`'.includes(source[j + 1] ?? '')) j++;
        text += source[j];
      }
      if (j >= source.length) throw new ShellSyntaxError('Syntax error: Unterminated quoted string');
      push(text, true);
      i = j;
    } else if (c === '\\') {
      push(source[i + 1] ?? '', false);
      i++;
    } else if (c === ' ' || c === '\t') endWord();
    else if (c === '#' && !parts) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end - 1;
    } else if ('\n;|&>'.includes(c)) {
      endWord();
      const two = source.slice(i, i + 2);
      const op = ['&&', '||', '>>'].includes(two) ? two : c === '\n' ? ';' : c;
      if (op === '&') throw new ShellSyntaxError('Syntax error: background jobs are not supported');
      tokens.push({ kind: 'op', op });
      i += op.length - 1;
    } else push(c, true);
  }
  endWord();
  return tokens;
}

/** Parses a script into a command list. */
export function parseScript(source: string): CommandList {
  const list: CommandList = [];
  let op: ';' | '&&' | '||' = ';';
  let pipeline: Pipeline = [];
  let command: SimpleCommand = { words: [] };
  const tokens = tokenize(source);
  const unexpected = (what: string) => new ShellSyntaxError(`Syntax error: "${what}" unexpected`);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'word') {
      command.words.push(token.parts);
      continue;
    }
    if (token.op === '>' || token.op === '>>') {
      const target = tokens[++i];
      if (target?.kind !== 'word') throw new ShellSyntaxError('Syntax error: newline unexpected');
      command.redirect = target.parts.map((p) => p.text).join('');
      continue;
    }
    if (command.words.length === 0) {
      if (token.op === ';' && pipeline.length === 0) continue;
      throw unexpected(token.op);
    }
    pipeline.push(command);
    command = { words: [] };
    if (token.op === '|') continue;
    list.push({ op, pipeline });
    pipeline = [];
    op = token.op as ';' | '&&' | '||';
  }
  if (command.words.length > 0) pipeline.push(command);
  else if (pipeline.length > 0 || op !== ';') throw new ShellSyntaxError('Syntax error: end of file unexpected');
  if (pipeline.length > 0) list.push({ op, pipeline });
  return list;
}

/** Expands a word against the shell's variables. */
export function expandWord(parts: WordPart[], vars: (name: string) => string): string {
  return parts
    .map((part) => (part.expand ? part.text.replace(/\$(\?|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => vars(name.replace(/^\{|\}$/g, ''))) : part.text))
    .join('');
}
