import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ObjectMeta } from '@/lib/k8s/types';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { metadataChange, touchedKeysUnchanged, type MetadataEdits, type MetadataMap } from '@/lib/k8s/metadata-change';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, ApiError, k8sUrl } from '@/lib/client/api-fetch';
import { getResource } from '@/lib/client/get-resource';
import { queryKeys } from '@/lib/client/query-keys';

interface WithMeta {
  metadata?: ObjectMeta;
}

/** The 409 retries before a conflict is reported: each one means the object changed again meanwhile. */
const MAX_RETRIES = 3;

/**
 * Patches one object's labels or annotations, guarded by the resourceVersion the edit was based on. A 409
 * whose cause left the edited keys as the user saw them (the kubelet updating status, say) is not a
 * conflict with this edit: the object is read again and the patch retried on the new version. A change to
 * one of the edited keys is reported, never overwritten. Returns validation problems, if any.
 */
export async function patchMetadata(options: { context: string; descriptor: ResourceDescriptor; map: MetadataMap; object: WithMeta; edits: MetadataEdits }): Promise<string[]> {
  const { context, descriptor, map, edits } = options;
  const seen = options.object.metadata?.[map];
  const ref = { namespace: options.object.metadata?.namespace ?? undefined, name: options.object.metadata?.name ?? '' };
  let object = options.object;
  for (let attempt = 0; ; attempt++) {
    const change = metadataChange({ map, current: object.metadata?.[map], edits, resourceVersion: object.metadata?.resourceVersion });
    if (!change.ok) return change.errors;
    if (!change.changed) return [];
    try {
      await apiFetch(k8sUrl(context, resourcePath({ ...descriptor, ...ref })), { method: 'PATCH', body: change.patch, contentType: 'application/merge-patch+json' });
      return [];
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 409 || attempt >= MAX_RETRIES) throw error;
      object = await getResource<WithMeta>(context, descriptor, ref);
      if (!touchedKeysUnchanged({ before: seen, after: object.metadata?.[map], edits })) throw error;
    }
  }
}

export interface MetadataPatchRequest {
  map: MetadataMap;
  objects: WithMeta[];
  edits: MetadataEdits;
}

/**
 * Label or annotate objects of one kind, each patched on its own (as `kubectl label a b` does); the error
 * lists every object that failed with the server's message. Reads of the kind are invalidated after.
 */
export function useMetadataPatch(context: string | undefined, descriptor: ResourceDescriptor) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, MetadataPatchRequest>({
    mutationFn: async ({ map, objects, edits }) => {
      if (!context) throw new Error('no cluster context');
      const failures: string[] = [];
      for (const object of objects) {
        try {
          failures.push(...(await patchMetadata({ context, descriptor, map, object, edits })));
        } catch (error) {
          failures.push(`${object.metadata?.name}: ${(error as Error).message}`);
        }
      }
      if (failures.length) throw new Error(failures.join('\n'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.resource(context ?? '', descriptor) }),
  });
}
