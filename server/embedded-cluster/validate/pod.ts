import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '@/lib/k8s/field-errors';
import { isDNS1123Label } from '@/lib/k8s/validation';
import { isPlainObject, jsonEqual } from '../types';

type Obj = Record<string, unknown>;

/** ValidatePodSpec, reduced to the rules a user of this console meets: containers, names, images, ports. */
export function validatePodSpec(spec: unknown, path: string): FieldError[] {
  if (!isPlainObject(spec)) return [required(path)];
  const errors: FieldError[] = [];
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) errors.push(required(`${path}.containers`));
  errors.push(...validateContainers(containers, `${path}.containers`));
  if (Array.isArray(spec.initContainers)) {
    errors.push(...validateContainers(spec.initContainers, `${path}.initContainers`));
  }
  const restartPolicy = spec.restartPolicy;
  if (restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(restartPolicy))) {
    errors.push(notSupported(`${path}.restartPolicy`, restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  return errors;
}

function validateContainers(containers: unknown[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    const container: Obj = isPlainObject(raw) ? raw : {};
    const name = typeof container.name === 'string' ? container.name : '';
    if (!name) errors.push(required(`${at}.name`));
    else {
      for (const msg of isDNS1123Label(name)) errors.push(invalid(`${at}.name`, name, msg));
      if (seen.has(name)) errors.push(duplicate(`${at}.name`, name));
      seen.add(name);
    }
    if (!container.image) errors.push(required(`${at}.image`));
    const ports = Array.isArray(container.ports) ? container.ports : [];
    ports.forEach((port, j) => errors.push(...validatePort(isPlainObject(port) ? port : {}, `${at}.ports[${j}]`)));
  });
  return errors;
}

function validatePort(port: Obj, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const value = port.containerPort;
  if (value === undefined || value === 0) errors.push(required(`${path}.containerPort`));
  else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    errors.push(invalid(`${path}.containerPort`, value, 'must be between 1 and 65535, inclusive'));
  }
  if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(String(port.protocol))) {
    errors.push(notSupported(`${path}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
  }
  return errors;
}

// The wording of ValidatePodUpdate in 1.32 (pkg/apis/core/validation/validation.go); the real server
// appends a Go cmp.Diff of the two specs, which this server leaves out.
const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * ValidatePodUpdate: a pod's spec is immutable except for container images, activeDeadlineSeconds,
 * added tolerations and terminationGracePeriodSeconds.
 */
export function validatePodUpdate(next: Obj, old: Obj): FieldError[] {
  const errors = validatePodSpec(next.spec, 'spec');
  if (errors.length > 0) return errors;
  if (!jsonEqual(mutableFieldsMasked(next.spec), mutableFieldsMasked(old.spec))) {
    errors.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  }
  return errors;
}

function mutableFieldsMasked(spec: unknown): unknown {
  if (!isPlainObject(spec)) return spec;
  const copy: Obj = JSON.parse(JSON.stringify(spec));
  for (const list of ['containers', 'initContainers']) {
    if (Array.isArray(copy[list])) {
      copy[list] = (copy[list] as unknown[]).map((c) => (isPlainObject(c) ? { ...c, image: undefined } : c));
    }
  }
  delete copy.activeDeadlineSeconds;
  delete copy.tolerations;
  delete copy.terminationGracePeriodSeconds;
  return copy;
}
