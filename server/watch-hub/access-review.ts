import type { KubeConfig } from '@kubernetes/client-node';
import type { Identity } from '@/lib/server/auth/identity';
import { kubeJson } from '@/lib/server/kube/kube-json';

const REVIEWS = '/apis/authorization.k8s.io/v1';

/** What a review asks about: one verb on one resource, in a namespace or (without one) cluster-wide. */
export interface ReviewAttributes {
  verb: string;
  group: string;
  version?: string;
  resource: string;
  namespace?: string;
}

interface ReviewAnswer {
  status?: { allowed?: boolean; reason?: string; evaluationError?: string };
}

/** Whether the credentials of `kubeConfig` may make the request: a SelfSubjectAccessReview (`kubectl auth can-i`). */
export async function selfMay(kubeConfig: KubeConfig, attrs: ReviewAttributes): Promise<boolean> {
  const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } };
  const answer = await kubeJson<ReviewAnswer>(kubeConfig, { method: 'POST', path: `${REVIEWS}/selfsubjectaccessreviews`, body });
  return answer.status?.allowed === true;
}

/**
 * Whether `identity` may make the request, asked by the console (`kubeConfig`, its own credentials) with a
 * SubjectAccessReview for the user and groups the API server authenticated at login or the proxy vouched for.
 */
export async function subjectMay(kubeConfig: KubeConfig, identity: Identity, attrs: ReviewAttributes): Promise<{ allowed: boolean; reason: string }> {
  const body = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: { user: identity.username, groups: identity.groups, resourceAttributes: attrs },
  };
  const answer = await kubeJson<ReviewAnswer>(kubeConfig, { method: 'POST', path: `${REVIEWS}/subjectaccessreviews`, body });
  return { allowed: answer.status?.allowed === true, reason: answer.status?.allowed ? '' : (answer.status?.reason ?? '') };
}
