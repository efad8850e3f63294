/**
 * Label selectors with the semantics of apimachinery `pkg/labels`: the string form kubectl's `-l`
 * sends as `?labelSelector=` (parsed in label-selector-parser.ts), matching, the canonical string,
 * and conversion from the `metav1.LabelSelector` objects found in ReplicaSets and Deployments.
 */

import { aggregateMessage, goQuote } from '@/lib/k8s/field-errors';
import { parseLabelSelector } from '@/lib/k8s/label-selector-parser';
import { parseGoInt64, requirementErrors, sortByKey } from '@/lib/k8s/label-selector-requirement';

export { parseLabelSelector };

/** `selection.Operator` values; `gt`/`lt` are written `>`/`<` in selector strings. */
export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement. `values` are sorted and unique when they come from the parser. */
export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

/** Requirements ANDed; empty = matches everything. Sorted by key like apimachinery's internalSelector. */
export type LabelSelector = readonly Requirement[];

/** Where a selector string is wrong: 0-based `position` and `length` in the input, for underlining. */
export interface SelectorError {
  message: string;
  position: number;
  length: number;
}

/**
 * A parse outcome. On failure `apiMessage` is the message of the 400 Status the API server returns for
 * the same `labelSelector` (kubectl prints it after `Error from server (BadRequest): `).
 */
export type ParseResult =
  | { ok: true; selector: LabelSelector }
  | { ok: false; error: SelectorError; apiMessage: string };

const hasOwn = (labels: Record<string, string>, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const present = hasOwn(labels, r.key);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return present && r.values.includes(labels[r.key]);
    // `!=` and `notin` also match objects without the key, as apimachinery does.
    case 'notin':
    case '!=':
      return !present || !r.values.includes(labels[r.key]);
    case 'exists':
      return present;
    case '!':
      return !present;
    case 'gt':
    case 'lt': {
      // Both sides must parse as int64; a non-numeric label value simply does not match.
      if (!present || r.values.length !== 1) return false;
      const have = parseGoInt64(labels[r.key]);
      const want = parseGoInt64(r.values[0]);
      if (have === null || want === null) return false;
      return r.operator === 'gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** True when every requirement matches `labels`; missing labels behave as an empty set. */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined | null): boolean {
  const set = labels ?? {};
  return selector.every((r) => requirementMatches(r, set));
}

const OPERATOR_TEXT: Record<SelectorOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

function requirementToString(r: Requirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  // String() sorts values on output without mutating the requirement (safeSort).
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  const shown = r.operator === 'in' || r.operator === 'notin' ? `(${values})` : values;
  return `${r.key}${OPERATOR_TEXT[r.operator]}${shown}`;
}

/** The canonical form of `internalSelector.String()`: `a=b,c in (x,y),!d` in the selector's order. */
export function labelSelectorToString(selector: LabelSelector): string {
  return selector.map(requirementToString).join(',');
}

/** `metav1.LabelSelector` as it appears in objects. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

const EXPRESSION_OPERATORS = new Map<string, SelectorOperator>([
  ['In', 'in'],
  ['NotIn', 'notin'],
  ['Exists', 'exists'],
  ['DoesNotExist', '!'],
]);

/**
 * `metav1.LabelSelectorAsSelector`. An empty object selects everything; a null one selects nothing,
 * which a `LabelSelector` cannot express, so the result then carries `matchesNothing: true` and an
 * empty selector: callers must check it before matching.
 */
export function fromLabelSelectorObject(
  obj: LabelSelectorObject | null | undefined,
): { ok: true; selector: LabelSelector; matchesNothing?: boolean } | { ok: false; message: string } {
  if (obj === null || obj === undefined) return { ok: true, selector: [], matchesNothing: true };
  const reqs: Requirement[] = [];
  const labels = Object.entries(obj.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of labels) {
    const errs = requirementErrors({ key, operator: '=', values: [value] });
    if (errs.length > 0) return { ok: false, message: aggregateMessage(errs) };
    reqs.push({ key, operator: '=', values: [value] });
  }
  for (const expr of obj.matchExpressions ?? []) {
    const operator = EXPRESSION_OPERATORS.get(expr.operator);
    if (!operator) return { ok: false, message: `${goQuote(expr.operator)} is not a valid label selector operator` };
    const values = [...(expr.values ?? [])];
    const errs = requirementErrors({ key: expr.key, operator, values });
    if (errs.length > 0) return { ok: false, message: aggregateMessage(errs) };
    reqs.push({ key: expr.key, operator, values });
  }
  return { ok: true, selector: sortByKey(reqs) };
}

/** Convenience for list filters: parse and match in one step; an invalid selector matches nothing. */
export function selectorMatcher(input: string): (labels: Record<string, string> | undefined | null) => boolean {
  const parsed = parseLabelSelector(input);
  return parsed.ok ? (labels) => matchesLabels(parsed.selector, labels) : () => false;
}
