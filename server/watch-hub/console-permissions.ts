import { RESOURCES } from '@/lib/k8s/resources';
import { isSecretResource } from '@/lib/server/secrets/redact-secrets';
import { RBAC_RESOURCES } from './rbac-changes';

/** One RBAC PolicyRule, as a ClusterRole lists it. */
export interface ConsolePolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

// The kinds the pages watch, grouped by API group, as a ClusterRole would list them. Secrets are left out
// on purpose: their subscriptions always use the user's own watch, so the console never needs to read them.
const watched = new Map<string, string[]>();
for (const kind of RESOURCES) {
  if (isSecretResource(kind)) continue;
  watched.set(kind.group, [...(watched.get(kind.group) ?? []), kind.resource]);
}

/**
 * What the console's own credentials (its service account, in a cluster) need so that team-mode
 * subscriptions share one upstream watch per context and path (`subscription-access.ts`). Each is asked
 * with a SelfSubjectAccessReview before it is relied on; whatever is missing makes those subscriptions
 * fall back to a watch under each user's identity, so a smaller grant is safe, only dearer.
 *
 * - list, watch on the kinds the pages show: the shared watches themselves.
 * - create subjectaccessreviews: asking whether each user may list and watch what they subscribe to.
 * - create selfsubjectaccessreviews: asking whether the console itself may (every authenticated user may,
 *   through the default `system:basic-user` ClusterRole).
 * - list, watch on the four RBAC kinds: re-checking every subscription as soon as RBAC changes (without
 *   them, only every `PILOTHOUSE_WATCH_RECHECK_MS`).
 *
 * `PILOTHOUSE_AUTH=proxy` needs `impersonate` on users and groups besides; that is for every request, not
 * for the watches.
 */
export const CONSOLE_WATCH_PERMISSIONS: readonly ConsolePolicyRule[] = [
  ...[...watched].map(([group, resources]) => ({ apiGroups: [group], resources, verbs: ['list', 'watch'] })),
  { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews', 'selfsubjectaccessreviews'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: [...RBAC_RESOURCES], verbs: ['list', 'watch'] },
];
