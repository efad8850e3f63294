import type { KubeConfig } from '@kubernetes/client-node';
import { tokenIdentity } from '@/lib/server/auth/identity';
import { withIdentity } from '@/lib/server/contexts/with-identity';
import { BffError, KubeStatusError } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';

interface SelfSubjectReview {
  status?: { userInfo?: { username?: string; groups?: string[] } };
}

/**
 * Asks the cluster who `token` is, as `kubectl auth whoami` does: a SelfSubjectReview
 * (authentication.k8s.io/v1, Kubernetes 1.28+) sent with the token itself. Any token the API server
 * accepts (a service-account token, an OIDC ID token of an issuer it trusts) passes; the answer's user is
 * the one RBAC will judge. A refused token is a 401 naming the server's reason.
 */
export async function reviewToken(cluster: KubeConfig, token: string): Promise<{ username: string; groups: string[]; server: string }> {
  const server = cluster.getCurrentCluster()?.server;
  if (!server) throw new BffError('ContextUnavailable', 'the default context has no cluster');
  const asUser = withIdentity(cluster, tokenIdentity({ username: '', groups: [] }, token, server));
  let review: SelfSubjectReview;
  try {
    review = await kubeJson<SelfSubjectReview>(asUser, {
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
  } catch (error) {
    if (error instanceof KubeStatusError && error.status.code === 401) {
      throw new BffError('Unauthenticated', `the cluster did not accept this token: ${error.status.message ?? 'Unauthorized'}`);
    }
    if (error instanceof KubeStatusError && error.status.code === 404) {
      throw new BffError('ContextUnavailable', 'the cluster does not serve SelfSubjectReview (authentication.k8s.io/v1, Kubernetes 1.28 and later), so the console cannot tell who a token is');
    }
    throw error;
  }
  const username = review.status?.userInfo?.username;
  if (!username) throw new BffError('Unauthenticated', 'the cluster did not say who this token is (SelfSubjectReview without a username)');
  return { username, groups: review.status?.userInfo?.groups ?? [], server };
}
