/**
 * What to offer while a user types a label selector: the keys that exist in the listed objects, then
 * their values once an operator is typed. Works on the clause under the caret (clauses are separated by
 * commas outside parentheses, as in the selector grammar).
 */

/** The label keys of the listed objects and the values seen for each, sorted for display. */
export interface LabelIndex {
  keys(): readonly string[];
  /** The values of `key` (empty for a key no object has). */
  values(key: string): readonly string[];
  has(key: string): boolean;
  /** Changes whenever `keys` or `values` would answer differently. */
  readonly version: number;
}

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

const byText = (a: string, b: string) => a.localeCompare(b);

/**
 * A label index kept up to date object by object: every key and value is counted, so taking one object's
 * labels away is as cheap as adding them (a watch event costs its labels, not the list's). The sorted keys
 * and values are computed when asked for and kept until a key or value appears or disappears; `version`
 * says when that happened, for views that must then show the index again.
 */
export class LabelCounts implements LabelIndex {
  private readonly counts = new Map<string, Map<string, number>>();
  private sortedKeys: string[] | undefined;
  private readonly sortedValues = new Map<string, string[]>();
  /** Bumped whenever the set of keys or of some key's values changes (not when only a count does). */
  version = 0;

  add(labels: Record<string, string> | undefined): void {
    for (const key in labels) {
      const value = labels[key];
      let values = this.counts.get(key);
      if (!values) {
        this.counts.set(key, (values = new Map()));
        this.sortedKeys = undefined;
      }
      const count = values.get(value) ?? 0;
      values.set(value, count + 1);
      if (count === 0) this.changed(key);
    }
  }

  remove(labels: Record<string, string> | undefined): void {
    for (const key in labels) {
      const value = labels[key];
      const values = this.counts.get(key);
      const count = values?.get(value);
      if (!values || count === undefined) continue;
      if (count > 1) {
        values.set(value, count - 1);
        continue;
      }
      values.delete(value);
      if (values.size === 0) {
        this.counts.delete(key);
        this.sortedKeys = undefined;
      }
      this.changed(key);
    }
  }

  /** Forgets every label (a new snapshot is counted from nothing). */
  clear(): void {
    this.counts.clear();
    this.sortedKeys = undefined;
    this.sortedValues.clear();
    this.version++;
  }

  keys(): readonly string[] {
    return (this.sortedKeys ??= [...this.counts.keys()].sort(byText));
  }

  values(key: string): readonly string[] {
    let sorted = this.sortedValues.get(key);
    if (!sorted) {
      sorted = [...(this.counts.get(key)?.keys() ?? [])].sort(byText);
      this.sortedValues.set(key, sorted);
    }
    return sorted;
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  private changed(key: string): void {
    this.sortedValues.delete(key);
    this.version++;
  }
}

/** Collects every label key and value across objects. */
export function indexLabels(labelSets: Iterable<Record<string, string> | undefined>): LabelCounts {
  const index = new LabelCounts();
  for (const labels of labelSets) index.add(labels);
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
    const values = index.values(set[2]).filter((v) => !chosen.has(v) && v.startsWith(partial));
    return { from: caret - partial.length, to: caret, options: values.slice(0, LIMIT).map((v) => ({ label: v, insert: v })) };
  }

  // `key=`, `key==` or `key!=` and part of a value.
  const equality = text.match(/^([^\s!=<>(),]+)\s*(==|=|!=)\s*([^\s,()]*)$/);
  if (equality) {
    const [, key, , partial] = equality;
    const values = index.values(key).filter((v) => v.startsWith(partial) && v !== partial);
    return { from: caret - partial.length, to: caret, options: values.slice(0, LIMIT).map((v) => ({ label: v, insert: v })) };
  }

  // A key being typed, maybe negated.
  const key = text.match(/^(!?)\s*([^\s!=<>(),]*)$/);
  if (key) {
    const [, bang, partial] = key;
    const keys = index.keys().filter((k) => k.startsWith(partial) && k !== partial);
    if (bang) return { from, to: caret, options: keys.slice(0, LIMIT).map((k) => ({ label: `!${k}`, insert: `!${k}`, hint: LACKS })) };
    const options: Suggestion[] = keys.slice(0, LIMIT).map((k) => ({ label: k, insert: k }));
    // A complete key: offer every form of clause on it, the bare existence tests first.
    if (index.has(partial)) options.push(...keyForms(partial));
    return { from, to: caret, options };
  }

  return { from: caret, to: caret, options: [] };
}
