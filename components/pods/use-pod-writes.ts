'use client';

import { useCallback } from 'react';
import { apiFetch, ApiError, k8sUrl } from '@/lib/client/api-fetch';
import { k8sWrite } from '@/lib/client/k8s-mutations';
import type { MetadataEdits, MetadataMap } from '@/lib/k8s/metadata-change';
import { metadataChange, touchedKeysUnchanged } from '@/lib/k8s/metadata-change';
import type { Pod } from '@/lib/k8s/types';
import type { DeleteOptions } from './delete-panel';

const podPath = (namespace: string, name: string) => `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
const podsPath = (namespace?: string) => (namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods` : '/api/v1/pods');

/** Which pods a bulk delete means: exact names, or whatever a selector matches in a namespace. */
export type DeleteScope =
  | { kind: 'pods'; pods: { namespace: string; name: string }[] }
  | { kind: 'selector'; namespace?: string; labelSelector: string; fieldSelector?: string }
  | { kind: 'namespace'; namespace: string };

function deleteBody(options: DeleteOptions) {
  return { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: options.gracePeriodSeconds, propagationPolicy: 'Background' };
}

/**
 * The writes of the pods workspace, each through the BFF proxy so the server's Status reaches the user
 * unchanged. Deletes are previewed with a server dry-run and then applied to exactly the previewed pods,
 * so nothing that appeared after the preview is deleted without being shown.
 */
export function usePodWrites(context: string | undefined) {
  const previewDelete = useCallback(
    async (scope: DeleteScope): Promise<string[]> => {
      if (!context) return [];
      if (scope.kind === 'pods') {
        const names = await Promise.all(
          scope.pods.map(async (pod) => {
            await k8sWrite(context, { method: 'DELETE', path: podPath(pod.namespace, pod.name), query: { dryRun: 'All' }, body: deleteBody({ force: false }) });
            return `${pod.namespace}/${pod.name}`;
          }),
        );
        return names;
      }
      const namespace = scope.namespace;
      const list = await k8sWrite<{ items: Pod[] }>(context, {
        method: 'DELETE',
        path: podsPath(namespace),
        query: { dryRun: 'All', labelSelector: scope.kind === 'selector' ? scope.labelSelector || undefined : undefined, fieldSelector: scope.kind === 'selector' ? scope.fieldSelector || undefined : undefined },
        body: deleteBody({ force: false }),
      });
      return list.items.map((pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`);
    },
    [context],
  );

  const deletePods = useCallback(
    async (names: string[], options: DeleteOptions) => {
      if (!context) return;
      const results = await Promise.allSettled(
        names.map((qualified) => {
          const [namespace, name] = qualified.split('/');
          return k8sWrite(context, { method: 'DELETE', path: podPath(namespace, name), body: deleteBody(options) });
        }),
      );
      const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [`${names[index]}: ${(result.reason as Error).message}`] : []));
      if (failures.length) throw new Error(failures.join('\n'));
    },
    [context],
  );

  const editMetadata = useCallback(
    async (map: MetadataMap, pods: Pod[], edits: MetadataEdits) => {
      if (!context) return;
      const failures: string[] = [];
      for (const pod of pods) {
        try {
          failures.push(...(await patchMetadata({ context, map, pod, edits })));
        } catch (error) {
          failures.push(`${pod.metadata?.name}: ${(error as Error).message}`);
        }
      }
      if (failures.length) throw new Error(failures.join('\n'));
    },
    [context],
  );

  return { previewDelete, deletePods, editMetadata };
}

/**
 * Patches one pod's labels or annotations, guarded by the resourceVersion the edit was based on. A 409
 * whose cause left the edited keys as the user saw them (the kubelet updating status, say) is not a
 * conflict with this edit: the pod is read again and the patch retried on the new version. A change to
 * one of the edited keys is reported, never overwritten. Returns validation problems, if any.
 */
async function patchMetadata(options: { context: string; map: MetadataMap; pod: Pod; edits: MetadataEdits }): Promise<string[]> {
  const { context, map, edits } = options;
  const seen = options.pod.metadata?.[map];
  const path = podPath(options.pod.metadata?.namespace ?? '', options.pod.metadata?.name ?? '');
  let pod = options.pod;
  for (let attempt = 0; ; attempt++) {
    const change = metadataChange({ map, current: pod.metadata?.[map], edits, resourceVersion: pod.metadata?.resourceVersion });
    if (!change.ok) return change.errors;
    if (!change.changed) return [];
    try {
      await k8sWrite(context, { method: 'PATCH', path, body: change.patch });
      return [];
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 409 || attempt >= 3) throw error;
      pod = await apiFetch<Pod>(k8sUrl(context, path));
      if (!touchedKeysUnchanged({ before: seen, after: pod.metadata?.[map], edits })) throw error;
    }
  }
}
