/**
 * authorization.k8s.io/v1 reviews (pkg/registry/authorization): ask the authorizer about a request
 * without making it, for oneself (SelfSubjectAccessReview, `kubectl auth can-i`), for anyone
 * (SubjectAccessReview, LocalSubjectAccessReview in one namespace), or list one's rules in a namespace
 * (SelfSubjectRulesReview, `kubectl auth can-i --list`).
 */
import { invalid as invalidField, invalidMessage, statusCauses, type FieldError } from '@/lib/k8s/field-errors';
import type { CreateInput } from '../../kinds';
import { badRequest, invalid } from '../../status';
import { isPlainObject, type KubeObject } from '../../types';
import { authorize } from '../authorizer';
import { rulesFor } from '../rbac/rule-resolver';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import type { UserInfo } from '../user-info';

const GROUP = 'authorization.k8s.io';

/** Who is asking about themselves. */
export function selfSubjectAccessReview({ ctx, user, body }: CreateInput): object {
  const attrs = attributesOf(body, 'SelfSubjectAccessReview');
  return answer(body, authorize(ctx.registry.store, user, attrs));
}

/** Any user, groups and extras (`spec.user`, `spec.groups`), cluster-wide. */
export function subjectAccessReview({ ctx, body }: CreateInput): object {
  const attrs = attributesOf(body, 'SubjectAccessReview');
  return answer(body, authorize(ctx.registry.store, subjectOf(body, 'SubjectAccessReview'), attrs));
}

/** A SubjectAccessReview confined to the URL's namespace. */
export function localSubjectAccessReview({ ctx, body, namespace }: CreateInput): object {
  const attrs = attributesOf(body, 'LocalSubjectAccessReview');
  if (attrs.namespace !== namespace) {
    throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
  }
  return answer(body, authorize(ctx.registry.store, subjectOf(body, 'LocalSubjectAccessReview'), attrs));
}

/** The caller's resource and non-resource rules in `spec.namespace`. */
export function selfSubjectRulesReview({ ctx, user, body }: CreateInput): object {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const namespace = typeof spec.namespace === 'string' ? spec.namespace : '';
  if (!namespace) throw badRequest('no namespace on request');
  const { rules, errors } = rulesFor(ctx.registry.store, user, namespace);
  const resourceRules = rules
    .filter((r) => (r.resources ?? []).length > 0)
    .map((r) => ({ verbs: r.verbs, ...(r.apiGroups?.length ? { apiGroups: r.apiGroups } : {}), resources: r.resources, ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) }));
  const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
  const status = {
    resourceRules,
    nonResourceRules,
    incomplete: false,
    ...(errors.length > 0 ? { evaluationError: errors.length === 1 ? errors[0] : `[${[...new Set(errors)].join(', ')}]` } : {}),
  };
  return { ...body, metadata: { creationTimestamp: null }, status };
}

function answer(body: KubeObject, decision: { allowed: boolean; reason: string }): object {
  return { ...body, metadata: { creationTimestamp: null }, status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) } };
}

// Exactly one of resourceAttributes and nonResourceAttributes (ValidateSubjectAccessReviewSpec).
function attributesOf(body: KubeObject, kind: string): RequestAttributes {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const resource = isPlainObject(spec.resourceAttributes) ? spec.resourceAttributes : undefined;
  const nonResource = isPlainObject(spec.nonResourceAttributes) ? spec.nonResourceAttributes : undefined;
  if (Boolean(resource) === Boolean(nonResource)) {
    reject(kind, [invalidField('spec.resourceAttributes', spec.resourceAttributes ?? null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified')]);
  }
  const text = (obj: Record<string, unknown> | undefined, key: string) => (obj && typeof obj[key] === 'string' ? obj[key] : '');
  if (nonResource) {
    return { isResourceRequest: false, path: text(nonResource, 'path'), verb: text(nonResource, 'verb'), apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '' };
  }
  return {
    isResourceRequest: true,
    path: '',
    verb: text(resource, 'verb'),
    apiGroup: text(resource, 'group'),
    apiVersion: text(resource, 'version'),
    namespace: text(resource, 'namespace'),
    resource: text(resource, 'resource'),
    subresource: text(resource, 'subresource'),
    name: text(resource, 'name'),
  };
}

function subjectOf(body: KubeObject, kind: string): UserInfo {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const name = typeof spec.user === 'string' ? spec.user : '';
  const groups = Array.isArray(spec.groups) ? spec.groups.filter((g): g is string => typeof g === 'string') : [];
  if (!name && groups.length === 0) reject(kind, [invalidField('spec.user', name, 'at least one of user or group must be specified')]);
  const extra = isPlainObject(spec.extra) ? (spec.extra as Record<string, string[]>) : undefined;
  return { name, groups, ...(typeof spec.uid === 'string' ? { uid: spec.uid } : {}), ...(extra ? { extra } : {}) };
}

function reject(kind: string, errors: FieldError[]): never {
  throw invalid({ kind, group: GROUP, name: '', message: invalidMessage(`${kind}.${GROUP}`, '', errors), causes: statusCauses(errors) });
}
