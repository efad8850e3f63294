/** One resource whose REST paths the OpenAPI documents describe. */
export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Definition-name prefix of the kind and its list (`io.k8s.api.core.v1`). */
  pkg: string;
  status: boolean;
  log?: boolean;
  /** Namespaces have no deletecollection (the registry does not offer it). */
  noDeleteCollection?: boolean;
}

const core = (kind: string, plural: string, more: Partial<ServedResource> = {}): ServedResource => ({
  group: '',
  version: 'v1',
  kind,
  plural,
  namespaced: true,
  pkg: 'io.k8s.api.core.v1',
  status: false,
  ...more,
});
const apps = (kind: string, plural: string): ServedResource => ({
  group: 'apps',
  version: 'v1',
  kind,
  plural,
  namespaced: true,
  pkg: 'io.k8s.api.apps.v1',
  status: true,
});

export const SERVED_RESOURCES: ServedResource[] = [
  core('ConfigMap', 'configmaps'),
  core('Event', 'events'),
  core('LimitRange', 'limitranges'),
  core('Namespace', 'namespaces', { namespaced: false, status: true, noDeleteCollection: true }),
  core('Node', 'nodes', { namespaced: false, status: true }),
  core('Pod', 'pods', { status: true, log: true }),
  core('ResourceQuota', 'resourcequotas', { status: true }),
  core('Service', 'services', { status: true }),
  core('ServiceAccount', 'serviceaccounts'),
  apps('Deployment', 'deployments'),
  apps('ReplicaSet', 'replicasets'),
];

/** A served group/version and the document path suffix kubectl asks for (`api/v1`, `apis/apps/v1`). */
export interface ServedGroupVersion {
  group: string;
  version: string;
  docPath: string;
}

export const SERVED_GROUP_VERSIONS: ServedGroupVersion[] = [
  { group: '', version: 'v1', docPath: 'api/v1' },
  { group: 'apps', version: 'v1', docPath: 'apis/apps/v1' },
];

/** The URL prefix of a group/version's resources (`/api/v1`, `/apis/apps/v1`). */
export function groupVersionPrefix(gv: { group: string; version: string }): string {
  return gv.group === '' ? `/api/${gv.version}` : `/apis/${gv.group}/${gv.version}`;
}
