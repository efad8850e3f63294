import { translateTimestampSince } from '@/lib/k8s/duration';
import { podTableColumns, podTableRow } from '@/lib/k8s/pod-status';
import type { Pod } from '@/lib/k8s/types';
import { ageColumn, at, column, int, list, nameColumn, record, str, swaggerDoc, type Printer } from './printer';

const age = (obj: unknown, now: Date) => translateTimestampSince(str(at(obj, 'metadata', 'creationTimestamp')), now);
const name = (obj: unknown) => str(at(obj, 'metadata', 'name'));

/** Where printers.go documents a pod column with a field's SwaggerDoc rather than a literal. */
const POD_COLUMN_DOCS: Record<string, [string, string]> = {
  Name: ['meta:ObjectMeta', 'name'],
  Age: ['meta:ObjectMeta', 'creationTimestamp'],
  IP: ['core:PodStatus', 'podIP'],
  Node: ['core:PodSpec', 'nodeName'],
  'Nominated Node': ['core:PodStatus', 'nominatedNodeName'],
  'Readiness Gates': ['core:PodSpec', 'readinessGates'],
};

export const pods: Printer = {
  columns: podTableColumns.map((c) => {
    const doc = POD_COLUMN_DOCS[c.name];
    return { ...c, description: doc ? swaggerDoc(...doc) : c.description };
  }),
  row(obj, now) {
    const phase = str(at(obj, 'status', 'phase'));
    const cells = podTableRow(obj as unknown as Pod, now);
    // printPod marks finished pods with a Completed row condition (podSuccessConditions / podFailedConditions).
    if (phase === 'Succeeded') {
      return { cells, conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }] };
    }
    if (phase === 'Failed') return { cells, conditions: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }] };
    return { cells };
  },
};

export const namespaces: Printer = {
  columns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
  row: (obj, now) => ({ cells: [name(obj), str(at(obj, 'status', 'phase')), age(obj, now)] }),
};

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** printers.go findNodeRoles: `node-role.kubernetes.io/<role>` keys and the legacy `kubernetes.io/role` value, sorted. */
function nodeRoles(labels: Record<string, unknown>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(NODE_ROLE_PREFIX) && key.length > NODE_ROLE_PREFIX.length) roles.add(key.slice(NODE_ROLE_PREFIX.length));
    else if (key === NODE_ROLE_LABEL && str(value) !== '') roles.add(str(value));
  }
  return [...roles].sort();
}

function nodeAddress(obj: unknown, type: string): string {
  const found = list(at(obj, 'status', 'addresses')).find((a) => str(at(a, 'type')) === type);
  return found ? str(at(found, 'address')) : '<none>';
}

export const nodes: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn(),
    column('Version', swaggerDoc('core:NodeSystemInfo', 'kubeletVersion')),
    column('Internal-IP', swaggerDoc('core:NodeStatus', 'addresses'), { priority: 1 }),
    column('External-IP', swaggerDoc('core:NodeStatus', 'addresses'), { priority: 1 }),
    column('OS-Image', swaggerDoc('core:NodeSystemInfo', 'osImage'), { priority: 1 }),
    column('Kernel-Version', swaggerDoc('core:NodeSystemInfo', 'kernelVersion'), { priority: 1 }),
    column('Container-Runtime', swaggerDoc('core:NodeSystemInfo', 'containerRuntimeVersion'), { priority: 1 }),
  ],
  row(obj, now) {
    // printNode: only the Ready condition counts; `NotReady` when it is not True, `Unknown` when absent.
    const ready = list(at(obj, 'status', 'conditions')).findLast((c) => str(at(c, 'type')) === 'Ready');
    const status = ready ? [str(at(ready, 'status')) === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
    if (at(obj, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
    const roles = nodeRoles(record(at(obj, 'metadata', 'labels'))).join(',') || '<none>';
    const info = (field: string) => str(at(obj, 'status', 'nodeInfo', field)) || '<unknown>';
    return {
      cells: [
        name(obj),
        status.join(','),
        roles,
        age(obj, now),
        str(at(obj, 'status', 'nodeInfo', 'kubeletVersion')),
        nodeAddress(obj, 'InternalIP'),
        nodeAddress(obj, 'ExternalIP'),
        info('osImage'),
        info('kernelVersion'),
        info('containerRuntimeVersion'),
      ],
    };
  },
};

/** printers.go makePortString: `80/TCP`, or `80:30080/TCP` with a node port. */
function servicePorts(obj: unknown): string {
  const ports = list(at(obj, 'spec', 'ports')).map((p) => {
    const nodePort = int(at(p, 'nodePort'));
    const protocol = str(at(p, 'protocol'));
    return nodePort ? `${int(at(p, 'port'))}:${nodePort}/${protocol}` : `${int(at(p, 'port'))}/${protocol}`;
  });
  return ports.join(',') || '<none>';
}

/** printers.go getServiceExternalIP (with the API server's Wide option, so load-balancer IPs are never truncated). */
function serviceExternalIP(obj: unknown): string {
  const externalIPs = list(at(obj, 'spec', 'externalIPs')).map(str);
  switch (str(at(obj, 'spec', 'type'))) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = list(at(obj, 'status', 'loadBalancer', 'ingress'))
        .map((i) => str(at(i, 'ip')) || str(at(i, 'hostname')))
        .filter(Boolean);
      const all = [...ingress, ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(at(obj, 'spec', 'externalName'));
  }
  return '<unknown>';
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(labels: Record<string, unknown>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${str(labels[k])}`).join(',') : '<none>';
}

export const services: Printer = {
  columns: [
    nameColumn(),
    column('Type', swaggerDoc('core:ServiceSpec', 'type')),
    column('Cluster-IP', swaggerDoc('core:ServiceSpec', 'clusterIP')),
    column('External-IP', swaggerDoc('core:ServiceSpec', 'externalIPs')),
    column('Port(s)', swaggerDoc('core:ServiceSpec', 'ports')),
    ageColumn(),
    column('Selector', swaggerDoc('core:ServiceSpec', 'selector'), { priority: 1 }),
  ],
  row(obj, now) {
    const clusterIP = str(list(at(obj, 'spec', 'clusterIPs'))[0]) || str(at(obj, 'spec', 'clusterIP')) || '<none>';
    return {
      cells: [
        name(obj),
        str(at(obj, 'spec', 'type')),
        clusterIP,
        serviceExternalIP(obj),
        servicePorts(obj),
        age(obj, now),
        formatLabels(record(at(obj, 'spec', 'selector'))),
      ],
    };
  },
};

export const configmaps: Printer = {
  columns: [nameColumn(), column('Data', swaggerDoc('core:ConfigMap', 'data')), ageColumn()],
  row: (obj, now) => ({
    cells: [name(obj), Object.keys(record(at(obj, 'data'))).length + Object.keys(record(at(obj, 'binaryData'))).length, age(obj, now)],
  }),
};

/** printSecret: the number of keys, never a value. */
export const secrets: Printer = {
  columns: [nameColumn(), column('Type', swaggerDoc('core:Secret', 'type')), column('Data', swaggerDoc('core:Secret', 'data')), ageColumn()],
  row: (obj, now) => ({ cells: [name(obj), str(at(obj, 'type')), Object.keys(record(at(obj, 'data'))).length, age(obj, now)] }),
};

export const serviceaccounts: Printer = {
  columns: [nameColumn(), column('Secrets', swaggerDoc('core:ServiceAccount', 'secrets')), ageColumn()],
  row: (obj, now) => ({ cells: [name(obj), list(at(obj, 'secrets')).length, age(obj, now)] }),
};
