import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { controllerRef, type ControllerRef } from '@/lib/k8s/owner-references';
import type { ObjectMeta } from '@/lib/k8s/types';
import type { ResourceDescriptor, ResourceType } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, ApiError, k8sUrl } from '@/lib/client/api-fetch';
import type { ObjectRef } from '@/lib/client/get-resource';
import { queryKeys } from '@/lib/client/query-keys';

/** Which objects of one kind a delete means: exact names, what a selector matches, or all (in a namespace). */
export type DeleteScope =
  | { kind: 'objects'; objects: ObjectRef[] }
  | { kind: 'selector'; namespace?: string; labelSelector: string; fieldSelector?: string }
  | { kind: 'all'; namespace?: string };

export interface DeleteOptions {
  /** Absent: each object's own grace period (a pod's terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number;
  force?: boolean;
}

/** One object the server's dry run said would be deleted, with what may hold it back or bring it back. */
export interface DeleteTarget extends ObjectRef {
  uid?: string;
  finalizers: string[];
  /** Its controller, which recreates it after the delete unless that goes too. */
  owner?: ControllerRef;
}

interface Deleted {
  metadata?: ObjectMeta;
  items?: { metadata?: ObjectMeta }[];
}

/** Background propagation, as kubectl: dependents are collected by the garbage collector afterwards. */
function deleteBody(options: DeleteOptions) {
  return { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: options.gracePeriodSeconds, propagationPolicy: 'Background' };
}

const dryRunQuery = (dryRun: boolean | undefined) => (dryRun ? { dryRun: 'All' } : {});

/** `DELETE` one object (`dryRun` asks the server what would happen and changes nothing). */
export function deleteObject(options: { context: string; descriptor: ResourceType; ref: ObjectRef; deleteOptions?: DeleteOptions; dryRun?: boolean }) {
  const { context, descriptor, ref } = options;
  const path = resourcePath({ ...descriptor, ...ref, query: dryRunQuery(options.dryRun) });
  return apiFetch<Deleted>(k8sUrl(context, path), { method: 'DELETE', body: deleteBody(options.deleteOptions ?? {}) });
}

/** `DELETE` a collection: what a selector matches in a namespace, or everywhere. Answers with the list. */
export function deleteCollection(options: {
  context: string;
  descriptor: ResourceType;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  deleteOptions?: DeleteOptions;
  dryRun?: boolean;
}) {
  const { context, descriptor, namespace } = options;
  const query = { ...dryRunQuery(options.dryRun), labelSelector: options.labelSelector || undefined, fieldSelector: options.fieldSelector || undefined };
  return apiFetch<Deleted>(k8sUrl(context, resourcePath({ ...descriptor, namespace, query })), { method: 'DELETE', body: deleteBody(options.deleteOptions ?? {}) });
}

const targetOf = (meta: ObjectMeta | undefined, fallback?: ObjectRef): DeleteTarget => ({
  namespace: meta?.namespace ?? fallback?.namespace,
  name: meta?.name ?? fallback?.name ?? '',
  ...(meta?.uid ? { uid: meta.uid } : {}),
  finalizers: meta?.finalizers ?? [],
  ...(controllerRef(meta) ? { owner: controllerRef(meta) } : {}),
});

/**
 * Asks the server, with a dry run, exactly which objects a delete would remove. The real delete then
 * takes exactly these, so nothing that appeared after the preview goes without having been shown.
 */
export async function previewDelete(context: string, descriptor: ResourceDescriptor, scope: DeleteScope): Promise<DeleteTarget[]> {
  if (scope.kind === 'objects') {
    return Promise.all(scope.objects.map(async (ref) => targetOf((await deleteObject({ context, descriptor, ref, dryRun: true })).metadata, ref)));
  }
  const list = await deleteCollection({
    context,
    descriptor,
    namespace: scope.namespace,
    labelSelector: scope.kind === 'selector' ? scope.labelSelector : undefined,
    fieldSelector: scope.kind === 'selector' ? scope.fieldSelector : undefined,
    dryRun: true,
  });
  return (list.items ?? []).map((item) => targetOf(item.metadata));
}

/** The preview of one delete dialog: keyed by its scope, fetched fresh each time the dialog opens. */
export function deletePreviewQueryOptions(context: string, descriptor: ResourceDescriptor, scope: DeleteScope) {
  return queryOptions({
    queryKey: [...queryKeys.resource(context, descriptor), 'delete-preview', scope] as const,
    queryFn: () => previewDelete(context, descriptor, scope),
    staleTime: 0,
    gcTime: 0,
    // A dry run changes nothing, so a dropped connection is asked again; the server's refusals are final.
    retry: (failures: number, error: Error) => failures < 2 && !(error instanceof ApiError && error.code >= 400 && error.code < 500),
  });
}

export function useDeletePreview(context: string | undefined, descriptor: ResourceDescriptor, scope: DeleteScope | undefined) {
  return useQuery({
    ...deletePreviewQueryOptions(context ?? '', descriptor, scope ?? { kind: 'objects', objects: [] }),
    enabled: Boolean(context && scope),
  });
}

/**
 * Deletes each target on its own; the error lists every one that failed, with the server's message.
 * `ignoreNotFound` is kubectl's default for `--all`, `-l` and `--field-selector`: an object already gone
 * (collected with its deleted owner, say) is no failure. Answers with the targets this delete removed.
 */
export async function deleteTargets<T extends ObjectRef>(options: { context: string; descriptor: ResourceType; targets: T[]; deleteOptions: DeleteOptions; ignoreNotFound?: boolean }): Promise<T[]> {
  const { context, descriptor, targets, deleteOptions } = options;
  const results = await Promise.allSettled(targets.map((ref) => deleteObject({ context, descriptor, ref, deleteOptions })));
  const gone = (reason: unknown) => options.ignoreNotFound && reason instanceof ApiError && reason.code === 404;
  const failures = results.flatMap((result, index) => {
    if (result.status === 'fulfilled' || gone(result.reason)) return [];
    const ref = targets[index];
    return [`${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}: ${(result.reason as Error).message}`];
  });
  if (failures.length) throw new Error(failures.join('\n'));
  return targets.filter((_, index) => results[index].status === 'fulfilled');
}

export function useDeleteTargets(context: string | undefined, descriptor: ResourceDescriptor) {
  const queryClient = useQueryClient();
  return useMutation<DeleteTarget[], Error, { targets: DeleteTarget[]; deleteOptions: DeleteOptions; ignoreNotFound?: boolean }>({
    mutationFn: ({ targets, deleteOptions, ignoreNotFound }) => {
      if (!context) throw new Error('no cluster context');
      return deleteTargets({ context, descriptor, targets, deleteOptions, ignoreNotFound });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.resource(context ?? '', descriptor) }),
  });
}

/** Deletes objects of several kinds (`kubectl delete all --all`): each kind's targets, each on its own, what is already gone ignored. */
export function useDeleteGroups(context: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, { groups: { resource: ResourceType; targets: ObjectRef[] }[]; deleteOptions: DeleteOptions }>({
    mutationFn: async ({ groups, deleteOptions }) => {
      if (!context) throw new Error('no cluster context');
      const results = await Promise.allSettled(groups.map((group) => deleteTargets({ context, descriptor: group.resource, targets: group.targets, deleteOptions, ignoreNotFound: true })));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
      if (failures.length) throw new Error(failures.join('\n'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.cluster(context ?? '') }),
  });
}
