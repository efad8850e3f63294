import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { apiVersionOf } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** `POST` a new object of a kind (its apiVersion and kind set from the descriptor), as `kubectl create` does. */
export function createObject<T>(options: { context: string; descriptor: ResourceDescriptor; namespace?: string; object: { metadata: Record<string, unknown> } & Record<string, unknown> }): Promise<T> {
  const { context, descriptor, namespace, object } = options;
  const body = { apiVersion: apiVersionOf(descriptor), kind: descriptor.kind, ...object };
  return apiFetch<T>(k8sUrl(context, resourcePath({ ...descriptor, namespace, query: { fieldValidation: 'Strict' } })), { method: 'POST', body });
}

export function useCreateObject<T = unknown>(context: string | undefined, descriptor: ResourceDescriptor) {
  const queryClient = useQueryClient();
  return useMutation<T, Error, { namespace?: string; object: { metadata: Record<string, unknown> } & Record<string, unknown> }>({
    mutationFn: ({ namespace, object }) => {
      if (!context) throw new Error('no cluster context');
      return createObject<T>({ context, descriptor, namespace, object });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.resource(context ?? '', descriptor) }),
  });
}
