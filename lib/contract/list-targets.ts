import { ALL_NAMESPACES } from '@/lib/contract/scope';
import type { ListView } from '@/lib/contract/row-view';
import type { WatchTarget } from '@/lib/contract/watch';
import { namespaces, pods, type ResourceType } from '@/lib/k8s/resources';

/**
 * The live list of one kind a page subscribes to: in one namespace, or in all (`_all`); a cluster-scoped
 * kind has none. Pages and the header build their targets here, so lists that should share a watch do.
 */
export function resourceListTarget(options: {
  type: ResourceType;
  context: string;
  namespace?: string;
  fieldSelector?: string;
  view?: ListView;
}): WatchTarget {
  const { type, context, namespace, fieldSelector, view } = options;
  return {
    context,
    group: type.group,
    version: type.version,
    resource: type.resource,
    namespace: type.namespaced && namespace !== ALL_NAMESPACES ? namespace : undefined,
    fieldSelector: fieldSelector || undefined,
    ...(view ? { view } : {}),
  };
}

/** Every pod of a context, as rows: what the Nodes and Namespaces pages add up per node and namespace. */
export function allPodRowsTarget(context: string): WatchTarget {
  return resourceListTarget({ type: pods, context, namespace: ALL_NAMESPACES, view: 'rows' });
}

/** Every namespace, as rows: the header's namespace picker, shared with the Namespaces page. */
export function namespaceRowsTarget(context: string): WatchTarget {
  return resourceListTarget({ type: namespaces, context, view: 'rows' });
}
