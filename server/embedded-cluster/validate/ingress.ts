import { invalid, notSupported, required, type FieldError } from '@/lib/k8s/field-errors';
import { isDNS1123Subdomain } from '@/lib/k8s/validation';
import { isPlainObject, type KubeObject } from '../types';

type Obj = Record<string, unknown>;
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

const objects = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

/** networking validation's validateIngressBackend: exactly one of a service (with a port) or a resource. */
function backendErrors(backend: Obj, path: string): FieldError[] {
  const service = isPlainObject(backend.service) ? backend.service : undefined;
  const resource = isPlainObject(backend.resource) ? backend.resource : undefined;
  if (service && resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return [];
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errors: FieldError[] = [];
  if (typeof service.name !== 'string' || service.name === '') errors.push(required(`${path}.service.name`));
  const port = isPlainObject(service.port) ? service.port : {};
  const hasName = typeof port.name === 'string' && port.name !== '';
  const hasNumber = typeof port.number === 'number' && port.number !== 0;
  if (hasName && hasNumber) errors.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (hasNumber && ((port.number as number) < 1 || (port.number as number) > 65535)) {
    errors.push(invalid(`${path}.service.port.number`, port.number, 'must be between 1 and 65535, inclusive'));
  } else if (!hasName && !hasNumber) errors.push(required(path, 'port name or number is required'));
  return errors;
}

/** validateHTTPIngressRuleValue: paths exist, each with a supported pathType and a backend. */
function httpErrors(http: Obj, path: string): FieldError[] {
  const paths = objects(http.paths);
  if (paths.length === 0) return [required(`${path}.paths`)];
  return paths.flatMap((p, i) => {
    const at = `${path}.paths[${i}]`;
    const errors: FieldError[] = [];
    if (p.pathType === undefined) errors.push(required(`${at}.pathType`, 'pathType must be specified'));
    else if (!PATH_TYPES.includes(String(p.pathType))) errors.push(notSupported(`${at}.pathType`, p.pathType, PATH_TYPES));
    else if (p.pathType !== 'ImplementationSpecific' && !String(p.path ?? '').startsWith('/')) {
      errors.push(invalid(`${at}.path`, p.path ?? '', 'must be an absolute path'));
    }
    errors.push(...backendErrors(isPlainObject(p.backend) ? p.backend : {}, `${at}.backend`));
    return errors;
  });
}

/**
 * networking validation's ValidateIngressSpec (the parts a manifest gets wrong): a default backend or
 * rules, each rule's HTTP paths with a pathType and a service or resource backend, and a class name
 * that is a DNS subdomain.
 */
export function validateIngress(ingress: KubeObject): FieldError[] {
  const spec = isPlainObject(ingress.spec) ? ingress.spec : {};
  const rules = objects(spec.rules);
  const errors: FieldError[] = [];
  if (rules.length === 0 && !isPlainObject(spec.defaultBackend)) {
    errors.push(invalid('spec', null, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (isPlainObject(spec.defaultBackend)) errors.push(...backendErrors(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    if (isPlainObject(rule.http)) errors.push(...httpErrors(rule.http, `spec.rules[${i}].http`));
  });
  if (typeof spec.ingressClassName === 'string') {
    for (const msg of isDNS1123Subdomain(spec.ingressClassName)) errors.push(invalid('spec.ingressClassName', spec.ingressClassName, msg));
  }
  return errors;
}

/** ValidateIngressClassSpec: the controller that implements the class is required. */
export function validateIngressClass(ingressClass: KubeObject): FieldError[] {
  const spec = isPlainObject(ingressClass.spec) ? ingressClass.spec : {};
  return typeof spec.controller === 'string' && spec.controller !== '' ? [] : [required('spec.controller')];
}
