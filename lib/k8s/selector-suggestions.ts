/**
 * What to offer while a user types a label selector: the keys that exist in the listed objects, then
 * their values once an operator is typed. Works on the clause under the caret (clauses are separated by
 * commas outside parentheses, as in the selector grammar).
 */

/** Keys and the values seen for each, collected from the listed objects' labels. */
export type LabelIndex = ReadonlyMap<string, ReadonlySet<string>>;

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** The text that replaces `[from, to)` of the input. */
  insert: string;
  /** What the option means, when its text alone does not say (`!env`: lacks the label). */
  hint?: string;
}

export interface Suggestions {
  from: number;
  to: number;
  options: Suggestion[];
}

/** Collects every label key and value across objects. */
export function indexLabels(labelSets: Iterable<Record<string, string> | undefined>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const labels of labelSets) {
    for (const [key, value] of Object.entries(labels ?? {})) {
      let values = index.get(key);
      if (!values) index.set(key, (values = new Set()));
      values.add(value);
    }
  }
  return index;
}

/** Where the clause under the caret begins: after the last comma that is not inside parentheses. */
function clauseStart(input: string, caret: number): number {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < caret; i++) {
    const c = input[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) start = i + 1;
  }
  return start;
}

const HAS = 'has the label';
const LACKS = 'lacks the label';

/** The clauses a complete key can start: `key` and `!key` (exists, does not exist), then the operators. */
function keyForms(key: string): Suggestion[] {
  return [
    { label: key, insert: key, hint: HAS },
    { label: `!${key}`, insert: `!${key}`, hint: LACKS },
    ...['=', '!=', ' in (', ' notin ('].map((op) => ({ label: `${key}${op}`, insert: `${key}${op}` })),
  ];
}

const sorted = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b));
const LIMIT = 20;

/** Suggestions for the clause that ends at `caret`; empty when nothing fits. */
export function suggestSelector(input: string, caret: number, index: LabelIndex): Suggestions {
  const start = clauseStart(input, caret);
  const clause = input.slice(start, caret);
  const lead = clause.length - clause.trimStart().length;
  const text = clause.trimStart();
  const from = start + lead;

  // `key in (a, b` or `key notin (`: offer the key's values not yet listed.
  const set = text.match(/^(!?)([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)$/);
  if (set) {
    const typed = set[4].split(',');
    const partial = typed.pop()!.trimStart();
    const chosen = new Set(typed.map((v) => v.trim()));
    const values = sorted(index.get(set[2]) ?? []).filter((v) => !chosen.has(v) && v.startsWith(partial));
    return { from: caret - partial.length, to: caret, options: values.slice(0, LIMIT).map((v) => ({ label: v, insert: v })) };
  }

  // `key=`, `key==` or `key!=` and part of a value.
  const equality = text.match(/^([^\s!=<>(),]+)\s*(==|=|!=)\s*([^\s,()]*)$/);
  if (equality) {
    const [, key, , partial] = equality;
    const values = sorted(index.get(key) ?? []).filter((v) => v.startsWith(partial) && v !== partial);
    return { from: caret - partial.length, to: caret, options: values.slice(0, LIMIT).map((v) => ({ label: v, insert: v })) };
  }

  // A key being typed, maybe negated.
  const key = text.match(/^(!?)\s*([^\s!=<>(),]*)$/);
  if (key) {
    const [, bang, partial] = key;
    const keys = sorted(index.keys()).filter((k) => k.startsWith(partial) && k !== partial);
    if (bang) return { from, to: caret, options: keys.slice(0, LIMIT).map((k) => ({ label: `!${k}`, insert: `!${k}`, hint: LACKS })) };
    const options: Suggestion[] = keys.slice(0, LIMIT).map((k) => ({ label: k, insert: k }));
    // A complete key: offer every form of clause on it, the bare existence tests first.
    if (index.has(partial)) options.push(...keyForms(partial));
    return { from, to: caret, options };
  }

  return { from: caret, to: caret, options: [] };
}
