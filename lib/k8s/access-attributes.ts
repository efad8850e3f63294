/**
 * What an action needs from RBAC, as a SelfSubjectAccessReview's `spec.resourceAttributes`, and the sentence
 * the UI shows when the cluster says no. Pure, so the pages and their tests agree on one wording.
 */
import type { ResourceType } from './resources';

/** The attributes of one request, as the API server's authorizer sees them (`kubectl auth can-i` asks the same). */
export interface AccessAttributes {
  verb: string;
  /** '' is the core group. */
  group: string;
  resource: string;
  /** Absent for cluster-scoped kinds, and for a namespaced kind across all namespaces. */
  namespace?: string;
  subresource?: string;
  name?: string;
}

/** The write actions of the lists, by the verb they send. */
export type AccessAction = 'patch' | 'delete' | 'deletecollection' | 'create' | 'update';

/**
 * The attributes of `action` on `descriptor`: a label or annotation edit, a cordon and a taint edit are
 * patches; "Delete matching" and "Delete all" are one collection DELETE; a cluster-scoped kind has no namespace.
 */
export function accessAttributes(descriptor: Pick<ResourceType, 'group' | 'resource' | 'namespaced'>, action: AccessAction, namespace?: string, extra: Pick<AccessAttributes, 'subresource' | 'name'> = {}): AccessAttributes {
  return {
    verb: action,
    group: descriptor.group,
    resource: descriptor.resource,
    ...(descriptor.namespaced && namespace ? { namespace } : {}),
    ...(extra.subresource ? { subresource: extra.subresource } : {}),
    ...(extra.name ? { name: extra.name } : {}),
  };
}

/** The body of the review that asks about `attrs`. */
export function selfSubjectAccessReview(attrs: AccessAttributes) {
  return { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } };
}

/** "You may not patch pods in default (RBAC)": why an action is disabled when the cluster says no. */
export function deniedReason(attrs: AccessAttributes): string {
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const qualified = attrs.group ? `${resource}.${attrs.group}` : resource;
  const target = attrs.name ? `${qualified} ${attrs.name}` : qualified;
  const where = attrs.namespace ? ` in ${attrs.namespace}` : '';
  const verb = attrs.verb === 'deletecollection' ? 'delete (as a collection)' : attrs.verb;
  return `You may not ${verb} ${target}${where} (RBAC)`;
}
