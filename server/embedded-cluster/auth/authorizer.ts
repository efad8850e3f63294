/**
 * kube-apiserver's authorizer chain for `--authorization-mode=RBAC`: the privileged-group authorizer
 * (`system:masters` may do anything) in front of the RBAC authorizer.
 */
import type { ObjectStore } from '../store';
import { ruleAllows } from './rbac/policy-rule';
import { visitRulesFor } from './rbac/rule-resolver';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import { SYSTEM_MASTERS, type UserInfo } from './user-info';

/** An authorization decision and its reason, as SubjectAccessReview status reports them. */
export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by ...` when allowed; resolution errors when not (may be empty). */
  reason: string;
}

/** Decides whether `user` may do what `attrs` describe. */
export function authorize(store: ObjectStore, user: UserInfo, attrs: RequestAttributes): Decision {
  if (user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
  let allowedBy: string | undefined;
  const errors: string[] = [];
  visitRulesFor(store, user, attrs.namespace, ({ source, rule, error }) => {
    if (rule && ruleAllows(attrs, rule)) {
      allowedBy = source;
      return false;
    }
    if (error) errors.push(error);
    return true;
  });
  if (allowedBy !== undefined) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregate(errors)}` : '' };
}

// utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets.
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}
