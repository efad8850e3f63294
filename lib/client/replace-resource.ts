import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import type { ObjectRef } from '@/lib/client/get-resource';
import { queryKeys } from '@/lib/client/query-keys';

/**
 * `PUT` one object (`kubectl replace`), with Strict field validation. The object's own
 * `metadata.resourceVersion` makes it conditional: a change since it was read is a 409 Conflict
 * carrying the server's message, never a silent overwrite.
 */
export function replaceResource<T>(context: string, descriptor: ResourceDescriptor, ref: ObjectRef, object: unknown): Promise<T> {
  return apiFetch<T>(k8sUrl(context, resourcePath({ ...descriptor, ...ref, query: { fieldValidation: 'Strict' } })), { method: 'PUT', body: object });
}

export function useReplaceResource<T>(context: string, descriptor: ResourceDescriptor, ref: ObjectRef) {
  const queryClient = useQueryClient();
  return useMutation<T, Error, unknown>({
    mutationFn: (object) => replaceResource<T>(context, descriptor, ref, object),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resource(context, descriptor) }),
  });
}
