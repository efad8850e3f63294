/**
 * rbacv1.PolicyRule and the matching helpers of pkg/apis/rbac/v1/evaluation_helpers.go, applied as
 * plugin/pkg/auth/authorizer/rbac's RuleAllows does.
 */
import type { RequestAttributes } from '@/lib/k8s/request-info';

/** A rule of a Role or ClusterRole, as stored. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const ALL = '*';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group);
}

/**
 * `combined` is `resource` or `resource/subresource`. A rule's `*` matches every resource and
 * subresource; `*\/log` matches the `log` subresource of every resource.
 */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some(
    (r) => r === ALL || r === combined || (subresource !== '' && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)),
  );
}

/** An empty resourceNames list matches every name (and requests without one, such as list). */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** `*` matches every path; a trailing `*` matches every path with that prefix. */
export function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === ALL || u === path || (u.endsWith(ALL) && path.startsWith(u.replace(/\*+$/, ''))));
}

/** RuleAllows: whether one rule grants the request. */
export function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (!attrs.isResourceRequest) return verbMatches(rule, attrs.verb) && nonResourceUrlMatches(rule, attrs.path);
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  return (
    verbMatches(rule, attrs.verb) &&
    apiGroupMatches(rule, attrs.apiGroup) &&
    resourceMatches(rule, combined, attrs.subresource) &&
    resourceNameMatches(rule, attrs.name)
  );
}

/** Reads the rules of a stored role body, tolerating missing lists as Go's decoder does. */
export function rulesOf(role: Record<string, unknown> | undefined): PolicyRule[] {
  if (!role || !Array.isArray(role.rules)) return [];
  return (role.rules as Partial<PolicyRule>[]).map((r) => ({ ...r, verbs: Array.isArray(r.verbs) ? r.verbs : [] }));
}
