/**
 * Kubernetes resource quantities (`100m`, `1.5Gi`, `1e3`, `2k`), parsed as apimachinery
 * `resource.ParseQuantity` accepts them and reduced to plain numbers the scheduler can add and compare:
 * milli-units for cpu (`Quantity.MilliValue`) and whole units for everything else (`Quantity.Value`,
 * bytes for memory). Both round up, as apimachinery does, so `0.1m` cpu still asks for 1 milli-cpu.
 *
 * Grammar (apimachinery `quantity.go`):
 *   quantity  ::= signedNumber suffix
 *   suffix    ::= binarySI (Ki Mi Gi Ti Pi Ei) | decimalSI (n u m "" k M G T P E) | ("e"|"E") signedNumber
 */

/** Thrown for text that is not a quantity; the message is apimachinery's `ErrFormatWrong`. */
export class InvalidQuantityError extends Error {
  constructor(readonly input: string) {
    super(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    this.name = 'InvalidQuantityError';
  }
}

/** A quantity as an exact rational: `sign * digits * 10^exp10 * 2^exp2`. */
export interface ParsedQuantity {
  negative: boolean;
  digits: bigint;
  exp10: number;
  exp2: number;
}

const DECIMAL_SI: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SI: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;
const EXPONENT = /^[eE]([+-]?[0-9]+)$/;

/** Parses a quantity string; `undefined` when it is not one. */
export function tryParseQuantity(text: string): ParsedQuantity | undefined {
  const match = NUMBER.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = '', suffix] = match;
  if (whole === '' && fraction === '') return undefined;

  let exp10 = -fraction.length;
  let exp2 = 0;
  if (suffix in DECIMAL_SI) {
    exp10 += DECIMAL_SI[suffix];
  } else if (suffix in BINARY_SI) {
    exp2 = BINARY_SI[suffix];
  } else {
    // `1E` is exa (caught above); `1E3` and `1e3` are decimal exponents.
    const exponent = EXPONENT.exec(suffix);
    if (!exponent) return undefined;
    exp10 += Number(exponent[1]);
  }
  return { negative: sign === '-', digits: BigInt(`${whole}${fraction}` || '0'), exp10, exp2 };
}

/** Parses a quantity string, throwing {@link InvalidQuantityError} when it is not one. */
export function parseQuantity(text: string): ParsedQuantity {
  const parsed = tryParseQuantity(text);
  if (!parsed) throw new InvalidQuantityError(text);
  return parsed;
}

/** Beyond this the value is not representable anyway; apimachinery clamps too. */
const MAX_EXPONENT = 400;

/** `value * 10^scale`, rounded away from zero to an integer, as apimachinery's `ScaledValue`. */
function scaledValue(q: ParsedQuantity, scale: number): number {
  if (q.digits === 0n) return 0;
  const numerator = q.digits << BigInt(q.exp2);
  const exp = q.exp10 + scale;
  let magnitude: bigint;
  if (exp >= 0) {
    if (exp > MAX_EXPONENT) return q.negative ? -Infinity : Infinity;
    magnitude = numerator * 10n ** BigInt(exp);
  } else {
    if (-exp > MAX_EXPONENT) return q.negative ? -1 : 1;
    const divisor = 10n ** BigInt(-exp);
    magnitude = numerator / divisor + (numerator % divisor === 0n ? 0n : 1n);
  }
  const value = Number(magnitude);
  return q.negative ? -value : value;
}

function toParsed(quantity: string | ParsedQuantity): ParsedQuantity {
  return typeof quantity === 'string' ? parseQuantity(quantity) : quantity;
}

/** `Quantity.MilliValue()`: thousandths, rounded up. `"100m"` -> 100, `"1"` -> 1000. */
export function quantityToMilli(quantity: string | ParsedQuantity): number {
  return scaledValue(toParsed(quantity), 3);
}

/** `Quantity.Value()`: whole units, rounded up. `"512Mi"` -> 536870912, `"2k"` -> 2000. */
export function quantityToValue(quantity: string | ParsedQuantity): number {
  return scaledValue(toParsed(quantity), 0);
}

/**
 * The number the scheduler compares for a resource: milli-cpu for `cpu` (framework.Resource.MilliCPU),
 * whole units for memory, ephemeral-storage, pods, hugepages and extended resources.
 */
export function resourceAmount(resourceName: string, quantity: string | ParsedQuantity): number {
  return resourceName === 'cpu' ? quantityToMilli(quantity) : quantityToValue(quantity);
}
