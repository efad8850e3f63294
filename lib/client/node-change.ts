import { useMutation, useQueryClient } from '@tanstack/react-query';
import { nodes } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { applyNodeChange, type NodeChange } from '@/lib/k8s/scheduling/what-if';
import type { Node } from '@/lib/k8s/types';
import { apiFetch, ApiError, k8sUrl } from '@/lib/client/api-fetch';
import { getResource } from '@/lib/client/get-resource';
import { patchMetadata } from '@/lib/client/patch-metadata';
import { queryKeys } from '@/lib/client/query-keys';

const MAX_RETRIES = 3;

/**
 * The merge patch that turns `node` into `changed`: taints are a list, which a merge patch replaces as a
 * whole, so the patch carries the resourceVersion it was computed from (a concurrent taint edit is a 409,
 * never lost).
 */
function specPatch(node: Node, change: Exclude<NodeChange, { kind: 'label' }>) {
  const changed = applyNodeChange(node, change);
  const spec = change.kind === 'taint' ? { taints: changed.spec?.taints ?? [] } : { unschedulable: changed.spec?.unschedulable ? true : null };
  return { metadata: { resourceVersion: node.metadata?.resourceVersion }, spec };
}

/**
 * Applies one node change to the cluster, as kubectl label / taint / cordon would: read the node, change
 * it, patch. A 409 means the node moved on (a kubelet heartbeat, say): it is read again and the change
 * recomputed on what is there now, as kubectl taint does. Labels go through the label rules
 * (`patchMetadata`: `overwrite` must be said to replace a value).
 */
export async function writeNodeChange(options: { context: string; nodeName: string; change: NodeChange; overwrite?: boolean }): Promise<void> {
  const { context, nodeName, change } = options;
  const ref = { name: nodeName };
  if (change.kind === 'label') {
    const node = await getResource<Node>(context, nodes, ref);
    const edits = change.value === null ? { set: {}, remove: [change.key], overwrite: false } : { set: { [change.key]: change.value }, remove: [], overwrite: options.overwrite ?? false };
    const problems = await patchMetadata({ context, descriptor: nodes, map: 'labels', object: node, edits });
    if (problems.length) throw new Error(problems.join('\n'));
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const node = await getResource<Node>(context, nodes, ref);
    try {
      await apiFetch(k8sUrl(context, resourcePath({ ...nodes, ...ref })), { method: 'PATCH', body: specPatch(node, change), contentType: 'application/merge-patch+json' });
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 409 || attempt >= MAX_RETRIES) throw error;
    }
  }
}

export interface NodeChangeRequest {
  nodeNames: string[];
  change: NodeChange;
  overwrite?: boolean;
}

/** Applies a change to each named node in turn; the error lists every node that failed with the server's message. */
export function useNodeChange(context: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, NodeChangeRequest>({
    mutationFn: async ({ nodeNames, change, overwrite }) => {
      if (!context) throw new Error('no cluster context');
      const failures: string[] = [];
      for (const nodeName of nodeNames) {
        try {
          await writeNodeChange({ context, nodeName, change, overwrite });
        } catch (error) {
          failures.push(`${nodeName}: ${(error as Error).message}`);
        }
      }
      if (failures.length) throw new Error(failures.join('\n'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.resource(context ?? '', nodes) }),
  });
}
