import { queryOptions, useQueries } from '@tanstack/react-query';
import { controllerRef, ownerDescriptor, type ControllerRef } from '@/lib/k8s/owner-references';
import type { ObjectMeta } from '@/lib/k8s/types';
import { ApiError } from '@/lib/client/api-fetch';
import { getResource } from '@/lib/client/get-resource';
import { queryKeys } from '@/lib/client/query-keys';

/** How far up the chain is followed: pod -> ReplicaSet -> Deployment needs 2; more guards against a loop. */
const MAX_DEPTH = 4;

/**
 * The owners of an object from its controller up, as the API has them now: `live` when the direct owner
 * exists (the chain may stop early at a kind the console does not know, or where reading failed, with
 * `error`), `gone` when it no longer exists (its dependents are then the garbage collector's, and nothing
 * recreates them).
 */
export type ResolvedChain = { state: 'live'; chain: ControllerRef[]; error?: string } | { state: 'gone'; chain: ControllerRef[] };

/** Follows controller references through the API: the ReplicaSet of a pod, then the Deployment of that ReplicaSet. */
export async function resolveOwnerChain(options: { context: string; namespace?: string; owner: ControllerRef; signal?: AbortSignal }): Promise<ResolvedChain> {
  const { context, namespace, signal } = options;
  const chain: ControllerRef[] = [options.owner];
  for (let current = options.owner; chain.length <= MAX_DEPTH; ) {
    const descriptor = ownerDescriptor(current);
    if (!descriptor) return { state: 'live', chain };
    let meta: ObjectMeta | undefined;
    try {
      meta = (await getResource<{ metadata?: ObjectMeta }>(context, descriptor, { namespace: descriptor.namespaced ? namespace : undefined, name: current.name }, signal)).metadata;
    } catch (error) {
      if (error instanceof ApiError && error.code === 404) return chain.length === 1 ? { state: 'gone', chain } : { state: 'live', chain };
      return { state: 'live', chain, error: error instanceof Error ? error.message : String(error) };
    }
    // A namesake created since is another object: the reference is to the uid, as the garbage collector reads it.
    if (meta?.uid !== current.uid) return chain.length === 1 ? { state: 'gone', chain } : { state: 'live', chain };
    const next = controllerRef(meta);
    if (!next || chain.some((owner) => owner.uid === next.uid)) return { state: 'live', chain };
    chain.push(next);
    current = next;
  }
  return { state: 'live', chain };
}

export function ownerChainQueryOptions(context: string, namespace: string | undefined, owner: ControllerRef) {
  return queryOptions({
    queryKey: [...queryKeys.cluster(context), 'owner-chain', namespace ?? '', owner.uid] as const,
    queryFn: ({ signal }) => resolveOwnerChain({ context, namespace, owner, signal }),
    staleTime: 0,
  });
}

/** The chain of each controller, in the order given; `undefined` while one is being read. */
export function useOwnerChains(context: string | undefined, owners: readonly { namespace?: string; owner: ControllerRef }[]) {
  return useQueries({
    queries: owners.map(({ namespace, owner }) => ({ ...ownerChainQueryOptions(context ?? '', namespace, owner), enabled: Boolean(context) })),
  });
}
