import { KINDS, resourceVerbs } from '../kinds';

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

/**
 * Every kind the API server serves, from its one table (`kinds.ts`), so a new kind is described without
 * another list to keep in step. Core kinds first, then by group and kind, as the documents list them.
 */
export const SERVED_RESOURCES: ServedResource[] = KINDS.map((spec): ServedResource => {
  const has = (name: string) => spec.subresources.some((sub) => sub.name === name);
  return {
    group: spec.group,
    version: spec.version,
    kind: spec.kind,
    plural: spec.resource,
    namespaced: spec.namespaced,
    // Go package of the group: `core`, `apps`, `rbac` (for rbac.authorization.k8s.io).
    pkg: `io.k8s.api.${spec.group.split('.')[0] || 'core'}.${spec.version}`,
    status: has('status'),
    ...(has('log') ? { log: true } : {}),
    ...(resourceVerbs(spec).includes('deletecollection') ? {} : { noDeleteCollection: true }),
  };
}).sort((a, b) => (a.group === b.group ? a.kind.localeCompare(b.kind) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)));

/** A served group/version and the document path suffix kubectl asks for (`api/v1`, `apis/apps/v1`). */
export interface ServedGroupVersion {
  group: string;
  version: string;
  docPath: string;
}

export const SERVED_GROUP_VERSIONS: ServedGroupVersion[] = [
  { group: '', version: 'v1', docPath: 'api/v1' },
  { group: 'apps', version: 'v1', docPath: 'apis/apps/v1' },
  { group: 'networking.k8s.io', version: 'v1', docPath: 'apis/networking.k8s.io/v1' },
  { group: 'policy', version: 'v1', docPath: 'apis/policy/v1' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', docPath: 'apis/rbac.authorization.k8s.io/v1' },
];

/** The URL prefix of a group/version's resources (`/api/v1`, `/apis/apps/v1`). */
export function groupVersionPrefix(gv: { group: string; version: string }): string {
  return gv.group === '' ? `/api/${gv.version}` : `/apis/${gv.group}/${gv.version}`;
}
