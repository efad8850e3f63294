/**
 * The Environment lines of `kubectl describe pod`, as `describeContainerEnvVars` and
 * `describeContainerEnvFrom` print them, including the values of downward-API references.
 */

import { tryParseQuantity, quantityToMilli, quantityToValue } from '@/lib/k8s/quantity';
import type { DescribableContainer, DescribablePod, EnvVar } from '@/lib/k8s/describe-pod-types';
import type { DescribeRow } from '@/lib/k8s/describe-pod-model';

const LABEL_OR_ANNOTATION = /^metadata\.(labels|annotations)\['(.+)'\]$/;

/**
 * The value a `fieldRef` resolves to, as the kubelet would (`fieldpath.ExtractFieldPathAsString`);
 * empty for a path it cannot resolve, as kubectl prints it.
 */
export function resolveFieldRef(pod: DescribablePod, fieldPath: string): string {
  const keyed = LABEL_OR_ANNOTATION.exec(fieldPath);
  if (keyed) {
    const map = keyed[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[keyed[2]] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((ip) => ip.ip).join(',');
    default:
      return '';
  }
}

/**
 * `resourcehelper.ExtractContainerResourceValue`: the container's own request or limit divided by the
 * divisor and rounded up; `0` when unset (describe then says `node allocatable` for cpu and memory limits).
 */
export function resolveResourceFieldRef(container: DescribableContainer, resource: string, divisor = '1'): string {
  const [kind, name] = resource.split('.', 2);
  const list = kind === 'limits' ? container.resources?.limits : kind === 'requests' ? container.resources?.requests : undefined;
  const quantity = list?.[name];
  const parsedDivisor = tryParseQuantity(divisor);
  const parsed = quantity ? tryParseQuantity(quantity) : undefined;
  if (!parsed || !parsedDivisor) return '0';
  if (name === 'cpu') {
    const divisorMilli = quantityToMilli(parsedDivisor);
    return divisorMilli > 0 ? String(Math.ceil(quantityToMilli(parsed) / divisorMilli)) : '0';
  }
  const divisorValue = quantityToValue(parsedDivisor);
  return divisorValue > 0 ? String(Math.ceil(quantityToValue(parsed) / divisorValue)) : '0';
}

function envVarRow(pod: DescribablePod, container: DescribableContainer, env: EnvVar): DescribeRow | undefined {
  const from = env.valueFrom;
  if (!from) {
    // Multi-line values continue on the following lines, aligned under the first.
    const lines = (env.value ?? '').split('\n');
    return { label: env.name, value: lines.length > 1 ? lines : lines[0] };
  }
  if (from.fieldRef) {
    const value = resolveFieldRef(pod, from.fieldRef.fieldPath);
    return { label: env.name, value: `${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})` };
  }
  if (from.resourceFieldRef) {
    const { resource, divisor } = from.resourceFieldRef;
    let value = resolveResourceFieldRef(container, resource, divisor);
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
    return { label: env.name, value: `${value} (${resource})` };
  }
  if (from.secretKeyRef) {
    const ref = from.secretKeyRef;
    return { label: env.name, value: `<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>  Optional: ${ref.optional === true}` };
  }
  if (from.configMapKeyRef) {
    const ref = from.configMapKeyRef;
    return { label: env.name, value: `<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>  Optional: ${ref.optional === true}` };
  }
  return undefined;
}

/** `Environment Variables from:` (only when there are any) and `Environment:` rows of one container. */
export function environmentRows(pod: DescribablePod, container: DescribableContainer): DescribeRow[] {
  const rows: DescribeRow[] = [];
  if (container.envFrom?.length) {
    rows.push({
      label: 'Environment Variables from',
      value: '',
      children: container.envFrom.map((source) => {
        const kind = source.configMapRef ? 'ConfigMap' : source.secretRef ? 'Secret' : '';
        const ref = source.configMapRef ?? source.secretRef;
        const prefix = source.prefix ? ` with prefix '${source.prefix}'` : '';
        return { label: ref?.name ?? '', value: `${kind}${prefix}  Optional: ${ref?.optional === true}` };
      }),
    });
  }
  const env = (container.env ?? []).map((e) => envVarRow(pod, container, e)).filter((row): row is DescribeRow => row !== undefined);
  rows.push(env.length ? { label: 'Environment', value: '', children: env } : { label: 'Environment', value: '<none>' });
  return rows;
}
