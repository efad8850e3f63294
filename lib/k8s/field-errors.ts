/**
 * Field-level validation errors as apimachinery's `pkg/util/validation/field` builds them, and the 422
 * `Invalid` Status that `pkg/api/errors.NewInvalid` makes of a list of them. The wording is copied from
 * Kubernetes 1.32 because kubectl prints these strings verbatim and users search for them.
 */

const GO_NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/**
 * Go's `%q` / `strconv.Quote`, which every apimachinery message uses to print a value: backslash and
 * double quote escaped, the named control escapes, other control characters as `\xNN` (or `\u00NN`
 * for C1 controls); printable Unicode is kept as is.
 */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const named = GO_NAMED_ESCAPES[ch];
    if (named) out += named;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `field.ErrorType`: the machine-readable reason, also used as `StatusCause.reason`. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** One `field.Error`. `field` is the rendered path (`metadata.labels`, `spec.containers[0].image`). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail: string;
}

/**
 * Marks a bad value that must not be printed (`field.OmitValueType`), e.g. `TooMany` with an unknown
 * count.
 */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/** `ErrorType.String()`: the human word printed before the value. */
const TYPE_WORDS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

// These types never print their value (ErrorBody's first switch arm).
const VALUELESS: ReadonlySet<FieldErrorType> = new Set([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

/** Builds a `FieldError`; prefer the named helpers below. */
export function fieldError(type: FieldErrorType, field: string, badValue: unknown, detail: string): FieldError {
  return { type, field, badValue, detail };
}

/** `field.Invalid`: a malformed value (failed regex, out of range). */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return fieldError('FieldValueInvalid', field, value, detail);
}

/** `field.Required`: a missing value. */
export function required(field: string, detail = ''): FieldError {
  return fieldError('FieldValueRequired', field, '', detail);
}

/** `field.Forbidden`: a well-formed value that is not allowed here. */
export function forbidden(field: string, detail: string): FieldError {
  return fieldError('FieldValueForbidden', field, '', detail);
}

/** `field.Duplicate`: a value that must be unique. */
export function duplicate(field: string, value: unknown): FieldError {
  return fieldError('FieldValueDuplicate', field, value, '');
}

/** `field.NotFound`: a reference to something that does not exist. */
export function notFound(field: string, value: unknown): FieldError {
  return fieldError('FieldValueNotFound', field, value, '');
}

/** `field.NotSupported`: a value outside an enumeration; lists the valid ones, each `%q`-quoted. */
export function notSupported(field: string, value: unknown, validValues: readonly string[] = []): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return fieldError('FieldValueNotSupported', field, value, detail);
}

/** `field.TooLong`: the value is not printed, only the limit in bytes. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail =
    maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return fieldError('FieldValueTooLong', field, '', detail);
}

/** `field.TooMany`: a list longer than allowed. A negative `actual` omits the count. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return fieldError('FieldValueTooMany', field, actual >= 0 ? actual : OMIT_VALUE, detail);
}

/** `field.InternalError`: a failure not caused by the user's input. */
export function internalError(field: string, message: string): FieldError {
  return fieldError('InternalError', field, message, message);
}

/**
 * Renders a bad value as Go's `ErrorBody` does in 1.32: strings with `%q`, scalars with `%v`, nil as
 * `null`, and anything else with `%#v` (which for the string slices validation passes around reads
 * `[]string{"a", "b"}`, or `[]string(nil)` when empty, as apimachinery copies values with append).
 */
function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '[]string(nil)' : `[]string{${value.map(goQuote).join(', ')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** `Error.ErrorBody()`: the message without the field path, used for `StatusCause.message`. */
export function fieldErrorBody(e: FieldError): string {
  let body = TYPE_WORDS[e.type];
  if (!VALUELESS.has(e.type) && e.badValue !== OMIT_VALUE) body += `: ${formatBadValue(e.badValue)}`;
  return e.detail ? `${body}: ${e.detail}` : body;
}

/** `Error.Error()`: `<field>: <body>`, e.g. `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 ...`. */
export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/**
 * `ErrorList.ToAggregate().Error()`: duplicates (by message) dropped, one message alone, several as
 * `[a, b]`. Returns '' for an empty list.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(fieldErrorMessage))];
  if (messages.length <= 1) return messages[0] ?? '';
  return `[${messages.join(', ')}]`;
}

/**
 * The `message` of the 422 Status from `errors.NewInvalid`: `Pod "Foo" is invalid: [a, b]`.
 * `kind` is the qualified kind (`GroupKind.String()`): `Pod` for the core group, `Deployment.apps` otherwise.
 */
export function invalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const head = `${kind} ${goQuote(name)} is invalid`;
  return errors.length === 0 ? head : `${head}: ${aggregateMessage(errors)}`;
}

/** `GroupKind.String()`: `Kind` for the core group, `Kind.group` otherwise. */
export function qualifiedKind(kind: string, group = ''): string {
  return group ? `${kind}.${group}` : kind;
}

/**
 * `details.causes` of the 422 Status, one per error (not deduplicated), as `NewInvalid` builds them:
 * reason = the error type, message = the body without the field, field = the path.
 */
export function statusCauses(errors: readonly FieldError[]): { reason: string; message: string; field: string }[] {
  return errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
}
