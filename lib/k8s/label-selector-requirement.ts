/**
 * The checks `labels.NewRequirement` applies to one requirement, shared by the string parser and by
 * `metav1.LabelSelector` conversion. Errors are field errors with apimachinery's paths (`key`,
 * `values[0][app]`), because the API server prints them that way.
 */

import { invalid, notSupported, type FieldError } from '@/lib/k8s/field-errors';
import type { Requirement, SelectorOperator } from '@/lib/k8s/label-selector';
import { isQualifiedName, isValidLabelValue } from '@/lib/k8s/validation';

/** Every operator apimachinery accepts, in the order its messages list them (binary, then unary). */
export const BINARY_OPERATORS: readonly SelectorOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: readonly SelectorOperator[] = [...BINARY_OPERATORS, 'exists', '!'];

/**
 * `validateLabelKey`: one error whose detail joins every `IsQualifiedName` message with "; ".
 * `path` null renders as Go's nil `*field.Path`, i.e. `<nil>`, which is what the string parser uses.
 */
export function labelKeyError(key: string, path: string | null): FieldError | null {
  const msgs = isQualifiedName(key);
  return msgs.length > 0 ? invalid(path ?? '<nil>', key, msgs.join('; ')) : null;
}

const GO_INT64_MIN = -(2n ** 63n);
const GO_INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits only, within int64; else null. */
export function parseGoInt64(value: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(value)) return null;
  const n = BigInt(value);
  return n < GO_INT64_MIN || n > GO_INT64_MAX ? null : n;
}

/** Options for {@link requirementErrors}. */
export interface RequirementCheck {
  key: string;
  operator: string;
  values: readonly string[];
  /** Skip the key check when the caller validated it already (the string parser does it first). */
  keyChecked?: boolean;
}

/**
 * Every error `NewRequirement` would return, in its order: key, operator arity, integer values for
 * gt/lt, then each value as a label value (reported under `values[i][key]`).
 */
export function requirementErrors({ key, operator, values, keyChecked = false }: RequirementCheck): FieldError[] {
  const errs: FieldError[] = [];
  const keyErr = keyChecked ? null : labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);

  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errs.push(invalid('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) {
        errs.push(invalid('values', values, 'exact-match compatibility requires one single value'));
      }
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) {
        errs.push(invalid('values', values, 'values set must be empty for exists and does not exist'));
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errs.push(invalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      values.forEach((v, i) => {
        if (parseGoInt64(v) === null) {
          errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported('operator', operator, VALID_OPERATORS));
  }

  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(`values[${i}][${key}]`, v, msgs.join('; ')));
  });
  return errs;
}

/** Orders requirements by key, as `internalSelector.Add` and `Parse` do; stable for equal keys. */
export function sortByKey(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
