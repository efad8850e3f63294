import { invalid, notSupported, type FieldError } from '@/lib/k8s/field-errors';
import { isPlainObject, type KubeObject } from '../types';

const PERCENT = /^[0-9]+%$/;

/**
 * apps validation's ValidatePositiveIntOrPercent and IsNotMoreThan100Percent, which the budget applies
 * to minAvailable and maxUnavailable.
 */
function intOrPercentErrors(value: unknown, path: string): FieldError[] {
  if (typeof value === 'number') {
    return value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
  }
  if (typeof value !== 'string' || !PERCENT.test(value)) {
    return [invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  return Number.parseInt(value, 10) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/**
 * policy validation's ValidatePodDisruptionBudgetSpec: at most one of minAvailable and maxUnavailable,
 * each a non-negative count or a percentage up to 100%, and a known unhealthyPodEvictionPolicy.
 */
export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = isPlainObject(pdb.spec) ? pdb.spec : {};
  const errors: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    // kube-apiserver prints the Go struct, pointer addresses and all, as the value; JSON stands in for it.
    errors.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) errors.push(...intOrPercentErrors(spec.minAvailable, 'spec.minAvailable'));
  if (spec.maxUnavailable !== undefined) errors.push(...intOrPercentErrors(spec.maxUnavailable, 'spec.maxUnavailable'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errors.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errors;
}
