import { translateTimestampSince } from '@/lib/k8s/duration';
import { ageColumn, at, column, int, list, nameColumn, str, type Printer } from './printer';

const name = (obj: unknown) => str(at(obj, 'metadata', 'name'));
const age = (obj: unknown, now: Date) => translateTimestampSince(str(at(obj, 'metadata', 'creationTimestamp')), now);
/** IntOrString.String(): an int prints as its number, a string as itself. */
const intOrString = (value: unknown): string => (typeof value === 'number' ? String(value) : str(value));

/** printers.go formatHosts: up to three rule hosts, `*` when none names one. */
function formatHosts(rules: unknown[]): string {
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    const host = str(at(rule, 'host'));
    if (!more && host) hosts.push(host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - max} more...` : hosts.join(',');
}

/**
 * ingressLoadBalancerStatusStringer: the sorted set of IPs (or hostnames). It clips to 16 characters
 * unless wide, but the API server's table convertor always generates the wide table, so nothing is clipped.
 */
function loadBalancerAddress(obj: unknown): string {
  const addresses = new Set<string>();
  for (const entry of list(at(obj, 'status', 'loadBalancer', 'ingress'))) {
    const address = str(at(entry, 'ip')) || str(at(entry, 'hostname'));
    if (address) addresses.add(address);
  }
  return [...addresses].sort().join(',');
}

export const ingresses: Printer = {
  columns: [
    nameColumn(),
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    ageColumn(),
  ],
  row(obj, now) {
    const className = str(at(obj, 'spec', 'ingressClassName')) || '<none>';
    const ports = list(at(obj, 'spec', 'tls')).length > 0 ? '80, 443' : '80';
    return { cells: [name(obj), className, formatHosts(list(at(obj, 'spec', 'rules'))), loadBalancerAddress(obj), ports, age(obj, now)] };
  },
};

export const ingressclasses: Printer = {
  columns: [
    nameColumn(),
    column('Controller', 'Controller that is responsible for handling this class'),
    column('Parameters', 'A reference to a resource with additional parameters'),
    ageColumn(),
  ],
  row(obj, now) {
    const params = at(obj, 'spec', 'parameters');
    let parameters = '<none>';
    if (params !== undefined) {
      const group = at(params, 'apiGroup');
      parameters = `${str(at(params, 'kind'))}${typeof group === 'string' ? `.${group}` : ''}/${str(at(params, 'name'))}`;
    }
    return { cells: [name(obj), str(at(obj, 'spec', 'controller')), parameters, age(obj, now)] };
  },
};

export const poddisruptionbudgets: Printer = {
  columns: [
    nameColumn(),
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', { type: 'integer' }),
    ageColumn(),
  ],
  row(obj, now) {
    const bound = (field: string) => {
      const value = at(obj, 'spec', field);
      return value === undefined || value === null ? 'N/A' : intOrString(value);
    };
    return { cells: [name(obj), bound('minAvailable'), bound('maxUnavailable'), int(at(obj, 'status', 'disruptionsAllowed')), age(obj, now)] };
  },
};
