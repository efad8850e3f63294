import { ALL_NAMESPACES } from '@/lib/contract/scope';
import type { ListView } from '@/lib/contract/row-view';
import type { WatchTarget } from '@/lib/contract/watch';
import { namespaces, nodes, pods, type ResourceType } from '@/lib/k8s/resources';

/**
 * The live list of one kind a page subscribes to: in one namespace, or in all (`_all`); a cluster-scoped
 * kind has none. Pages, the header and the BFF's warm-up (below) all build their targets here.
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

/**
 * The live lists a list page opens as it loads, from its URL alone: the BFF starts them while it serves the
 * page's HTML, so the upstream list runs while the page's scripts load rather than after. Only what the URL
 * decides: without `context` the page waits for the default one, and the Pods page without `namespace` for
 * the context's own. A field selector does not matter here: it filters a shared watch, it does not key one.
 */
export function pageListTargets(pathname: string, params: URLSearchParams): WatchTarget[] {
  const context = params.get('context');
  if (!context) return [];
  const namespace = params.get('namespace');
  switch (pathname) {
    case '/pods':
      return namespace
        ? [resourceListTarget({ type: pods, context, namespace, view: 'rows' }), namespaceRowsTarget(context)]
        : [namespaceRowsTarget(context)];
    case '/nodes':
      return [resourceListTarget({ type: nodes, context, view: 'rows' }), allPodRowsTarget(context), namespaceRowsTarget(context)];
    case '/namespaces':
      return [namespaceRowsTarget(context), allPodRowsTarget(context)];
    default:
      return [];
  }
}
