import type { SecretValue } from '@/lib/contract/secrets';
import { failureStatus } from '@/lib/contract/status';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { KubeStatusError } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { resourcePath } from '@/lib/k8s/resource-path';
import { secrets } from '@/lib/k8s/resources';

/**
 * Reads one key of one Secret, for a user who asked to see it. The object is fetched, that value taken
 * and the rest dropped; nothing is kept, and the caller answers with `Cache-Control: no-store`. Errors
 * keep the API server's Status (403 when the user's credentials may not read Secrets).
 */
export async function readSecretValue(context: ResolvedContext, target: { namespace: string; name: string; key: string }): Promise<SecretValue> {
  const path = resourcePath({ ...secrets, namespace: target.namespace, name: target.name });
  const secret = await kubeJson<{ data?: Record<string, string> }>(context.kubeConfig, { method: 'GET', path });
  const base64 = secret.data?.[target.key];
  if (base64 === undefined) {
    throw new KubeStatusError(
      failureStatus({ code: 404, reason: 'NotFound', message: `secret "${target.name}" has no key "${target.key}"`, details: { name: target.name, kind: 'secrets' } }),
    );
  }
  return { key: target.key, value: Buffer.from(base64, 'base64').toString('utf8'), base64 };
}
