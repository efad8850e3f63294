/**
 * One descriptor per kind the console shows (Headlamp's idea, without its classes): where the kind lives in
 * the API, what kubectl calls it, and the columns `kubectl get` prints for it. Everything else (paths, list
 * pages, dialogs, kubectl lines) is shared and takes one of these.
 */
export interface ResourceDescriptor {
  /** '' is the core group. */
  group: string;
  version: string;
  /** The plural resource, as in the path and in `kubectl get pods`. */
  resource: string;
  kind: string;
  /** kubectl's singular, as in `kubectl label pod x` and in messages. */
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** The columns `kubectl get` prints (the server's Table columns of priority 0), then those of `-o wide`. */
  columns: readonly string[];
  wideColumns: readonly string[];
  /** Deletion waits out a grace period the caller may set (a pod's containers stopping). */
  gracefulDeletion?: boolean;
}

/** Enough of a kind to reach it in the API: a descriptor, or a resource found through discovery. */
export type ResourceType = Pick<ResourceDescriptor, 'group' | 'version' | 'resource' | 'namespaced'>;

const core = { group: '', version: 'v1' } as const;
const apps = { group: 'apps', version: 'v1' } as const;

export const pods = {
  ...core, resource: 'pods', kind: 'Pod', singular: 'pod', namespaced: true, shortNames: ['po'],
  columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  gracefulDeletion: true,
} as const satisfies ResourceDescriptor;

export const namespaces = {
  ...core, resource: 'namespaces', kind: 'Namespace', singular: 'namespace', namespaced: false, shortNames: ['ns'],
  columns: ['NAME', 'STATUS', 'AGE'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const nodes = {
  ...core, resource: 'nodes', kind: 'Node', singular: 'node', namespaced: false, shortNames: ['no'],
  columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
} as const satisfies ResourceDescriptor;

export const events = {
  ...core, resource: 'events', kind: 'Event', singular: 'event', namespaced: true, shortNames: ['ev'],
  columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], wideColumns: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
} as const satisfies ResourceDescriptor;

export const services = {
  ...core, resource: 'services', kind: 'Service', singular: 'service', namespaced: true, shortNames: ['svc'],
  columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wideColumns: ['SELECTOR'],
} as const satisfies ResourceDescriptor;

export const configmaps = {
  ...core, resource: 'configmaps', kind: 'ConfigMap', singular: 'configmap', namespaced: true, shortNames: ['cm'],
  columns: ['NAME', 'DATA', 'AGE'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const secrets = {
  ...core, resource: 'secrets', kind: 'Secret', singular: 'secret', namespaced: true, shortNames: [],
  columns: ['NAME', 'TYPE', 'DATA', 'AGE'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const serviceaccounts = {
  ...core, resource: 'serviceaccounts', kind: 'ServiceAccount', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'],
  columns: ['NAME', 'SECRETS', 'AGE'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const resourcequotas = {
  ...core, resource: 'resourcequotas', kind: 'ResourceQuota', singular: 'resourcequota', namespaced: true, shortNames: ['quota'],
  columns: ['NAME', 'AGE', 'REQUEST', 'LIMIT'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const limitranges = {
  ...core, resource: 'limitranges', kind: 'LimitRange', singular: 'limitrange', namespaced: true, shortNames: ['limits'],
  columns: ['NAME', 'CREATED AT'], wideColumns: [],
} as const satisfies ResourceDescriptor;

export const deployments = {
  ...apps, resource: 'deployments', kind: 'Deployment', singular: 'deployment', namespaced: true, shortNames: ['deploy'],
  columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
} as const satisfies ResourceDescriptor;

export const replicasets = {
  ...apps, resource: 'replicasets', kind: 'ReplicaSet', singular: 'replicaset', namespaced: true, shortNames: ['rs'],
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
} as const satisfies ResourceDescriptor;

/** Every kind the console knows by name. */
export const RESOURCES: readonly ResourceDescriptor[] = [
  pods, namespaces, nodes, events, services, configmaps, secrets, serviceaccounts, resourcequotas, limitranges, deployments, replicasets,
];

/** `v1`, `apps/v1`: what an object of this kind carries as `apiVersion`. */
export function apiVersionOf(descriptor: Pick<ResourceDescriptor, 'group' | 'version'>): string {
  return descriptor.group ? `${descriptor.group}/${descriptor.version}` : descriptor.version;
}

/**
 * The descriptor kubectl would resolve a name to: the plural, the singular, a short name or the kind, in
 * any case (`po`, `Pod`, `pods`). Undefined for kinds the console does not describe.
 */
export function findResource(name: string): ResourceDescriptor | undefined {
  const wanted = name.toLowerCase();
  return RESOURCES.find((d) => d.resource === wanted || d.singular === wanted || d.kind.toLowerCase() === wanted || d.shortNames.includes(wanted));
}

/** "1 pod", "3 pods": a count with the resource's noun. */
export function countOf(descriptor: Pick<ResourceDescriptor, 'singular' | 'resource'>, count: number): string {
  return `${count} ${count === 1 ? descriptor.singular : descriptor.resource}`;
}
