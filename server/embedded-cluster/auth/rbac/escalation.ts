/**
 * RBAC's escalation prevention (pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/policybased
 * and validation.ConfirmNoEscalation): a user may write a Role or a binding only to grant what they already
 * hold, unless they are in `system:masters` or have `escalate` on the role (Roles) or `bind` on the
 * referenced role (bindings).
 */
import type { KindSpec } from '../../kinds';
import type { HandlerContext } from '../../resource-handler';
import { ApiError } from '../../status';
import { isPlainObject, jsonEqual, type KubeObject } from '../../types';
import { authorize } from '../authorizer';
import { SYSTEM_MASTERS, type UserInfo } from '../user-info';
import { rulesOf, type PolicyRule } from './policy-rule';
import { RBAC_GROUP, roleReferenceRules, rulesFor } from './rule-resolver';

const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/** The `authorizeWrite` hook of the four RBAC kinds. */
export function authorizeRbacWrite(kind: Pick<KindSpec, 'kind' | 'resource'>) {
  return ({ ctx, user, obj, old }: { ctx: HandlerContext; user: UserInfo; obj: KubeObject; old?: KubeObject }): void => {
    if (user.groups.includes(SYSTEM_MASTERS)) return;
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const can = (verb: string, resource: string, resourceName: string) =>
      authorize(ctx.registry.store, user, { isResourceRequest: true, path: '', verb, apiGroup: RBAC_GROUP, apiVersion: '', namespace, resource, subresource: '', name: resourceName }).allowed;
    const refuse = (message: string) => new ApiError(403, 'Forbidden', `${kind.resource}.${RBAC_GROUP} "${name}" is forbidden: ${message}`, { name, group: RBAC_GROUP, kind: kind.resource });

    if (kind.kind === 'Role' || kind.kind === 'ClusterRole') {
      // An update that leaves the rules alone needs no check.
      if ((old && jsonEqual(old.rules, obj.rules)) || can('escalate', kind.resource, name)) return;
      const missing = confirmNoEscalation(ctx, user, namespace, rulesOf(obj));
      if (missing) throw refuse(missing);
      if (kind.kind === 'ClusterRole' && isPlainObject(obj.aggregationRule) && confirmNoEscalation(ctx, user, namespace, FULL_AUTHORITY)) {
        throw refuse('must have cluster-admin privileges to use the aggregationRule');
      }
      return;
    }
    const roleRef = (isPlainObject(obj.roleRef) ? obj.roleRef : {}) as { kind: string; name: string };
    if ((old && jsonEqual(old.roleRef, obj.roleRef)) || can('bind', roleRef.kind === 'Role' ? 'roles' : 'clusterroles', roleRef.name)) return;
    const { rules, error } = roleReferenceRules(ctx.registry.store, roleRef, namespace);
    if (error) throw refuse(error);
    const missing = confirmNoEscalation(ctx, user, namespace, rules);
    if (missing) throw refuse(missing);
  };
}

/** The ConfirmNoEscalation message when `requested` is not covered by what `user` holds, else undefined. */
function confirmNoEscalation(ctx: HandlerContext, user: UserInfo, namespace: string, requested: PolicyRule[]): string | undefined {
  const { rules: owned, errors } = rulesFor(ctx.registry.store, user, namespace);
  const missing = requested.flatMap(breakdown).filter((want) => !owned.some((have) => covers(have, want)));
  if (missing.length === 0) return undefined;
  const descriptions = [...new Set(compact(missing).map(compactString))].sort();
  const groups = user.groups.map((g) => JSON.stringify(g)).join(' ');
  let message = `user "${user.name}" (groups=[${groups}]) is attempting to grant RBAC permissions not currently held:\n${descriptions.join('\n')}`;
  if (errors.length > 0) message += `; resolution errors: [${errors.join(' ')}]`;
  return message;
}

// BreakdownRule: one rule per verb x group x resource (x name), or per verb x non-resource URL.
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const verb of rule.verbs) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        if ((rule.resourceNames ?? []).length === 0) out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
        for (const name of rule.resourceNames ?? []) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name] });
      }
    }
    for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: [verb], nonResourceURLs: [url] });
  }
  return out;
}

// ruleCovers of validation/policy_comparator.go.
function covers(owner: PolicyRule, want: PolicyRule): boolean {
  const has = (list: string[] | undefined, value: string) => (list ?? []).includes(value);
  const all = (list: string[] | undefined, values: string[] | undefined) => has(list, '*') || (values ?? []).every((v) => has(list, v));
  const resourcesCovered = has(owner.resources, '*') || (want.resources ?? []).every((r) => has(owner.resources, r) || (r.includes('/') && has(owner.resources, `*/${r.split('/').slice(1).join('/')}`)));
  const urlsCovered = (want.nonResourceURLs ?? []).every((u) => (owner.nonResourceURLs ?? []).some((o) => o === '*' || o === u || (o.endsWith('*') && u.startsWith(o.slice(0, -1)))));
  const namesCovered = (owner.resourceNames ?? []).length === 0 || ((want.resourceNames ?? []).length > 0 && all(owner.resourceNames, want.resourceNames));
  return all(owner.verbs, want.verbs) && all(owner.apiGroups, want.apiGroups) && resourcesCovered && urlsCovered && namesCovered;
}

// CompactRules: simple resource rules that differ only in verbs become one.
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const rule of rules) {
    const simple = (rule.resourceNames ?? []).length === 0 && (rule.nonResourceURLs ?? []).length === 0;
    const same = simple && out.find((o) => (o.resourceNames ?? []).length === 0 && jsonEqual(o.apiGroups, rule.apiGroups) && jsonEqual(o.resources, rule.resources));
    if (same) {
      for (const verb of rule.verbs) if (!same.verbs.includes(verb)) same.verbs.push(verb);
    } else out.push({ ...rule, verbs: [...rule.verbs] });
  }
  return out;
}

// rbacv1helpers.CompactString: `{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}`.
function compactString(rule: PolicyRule): string {
  const quoted = (list: string[]) => `[${list.map((v) => JSON.stringify(v)).join(' ')}]`;
  const parts: string[] = [];
  if ((rule.apiGroups ?? []).length > 0) parts.push(`APIGroups:${quoted(rule.apiGroups ?? [])}`);
  if ((rule.resources ?? []).length > 0) parts.push(`Resources:${quoted(rule.resources ?? [])}`);
  if ((rule.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${quoted(rule.resourceNames ?? [])}`);
  if ((rule.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${quoted(rule.nonResourceURLs ?? [])}`);
  parts.push(`Verbs:${quoted(rule.verbs)}`);
  return `{${parts.join(', ')}}`;
}
