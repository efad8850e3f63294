import type { GetPods } from '@/lib/k8s/kubectl-command';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { ALL_NAMESPACES } from './scope';

/**
 * Everything that shapes a list page, as it stands in the URL, so that a view is a link to share:
 * `?context=&namespace=&labelSelector=&fieldSelector=&labelColumns=a,b&showLabels=1&sort=-age`.
 */
export interface ListView<S extends string = string> {
  /** Absent: the default context. */
  context?: string;
  /** Absent: the context's default namespace; `_all`: every namespace. */
  namespace?: string;
  labelSelector: string;
  fieldSelector: string;
  labelColumns: string[];
  showLabels: boolean;
  /** The columns of `-o wide` too (`wide=1`). */
  wide?: boolean;
  /** Selected objects by name (`selected=a,b`), for kinds whose spec keeps the selection in the URL. */
  selected?: string[];
  sort: { key: S; descending: boolean };
}

/** What differs between list pages: the columns one may sort by, the first being the default. */
export interface ListViewSpec<S extends string = string> {
  sortKeys: readonly [S, ...S[]];
  /**
   * The selection is part of the link (cluster-scoped kinds, whose names are unique: "these two nodes").
   * Otherwise it stays in the page.
   */
  selectionInUrl?: boolean;
}

export const POD_SORT_KEYS = ['name', 'namespace', 'ready', 'status', 'restarts', 'age', 'node', 'ip'] as const;
export const podsViewSpec: ListViewSpec<(typeof POD_SORT_KEYS)[number]> = { sortKeys: POD_SORT_KEYS };

export const NODE_SORT_KEYS = ['name', 'status', 'roles', 'age', 'version', 'cpu', 'memory', 'pods'] as const;
export const nodesViewSpec: ListViewSpec<(typeof NODE_SORT_KEYS)[number]> = { sortKeys: NODE_SORT_KEYS, selectionInUrl: true };

export const NAMESPACE_SORT_KEYS = ['name', 'status', 'age', 'pods'] as const;
export const namespacesViewSpec: ListViewSpec<(typeof NAMESPACE_SORT_KEYS)[number]> = { sortKeys: NAMESPACE_SORT_KEYS };

type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchInput, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseSort<S extends string>(spec: ListViewSpec<S>, text: string | undefined): ListView<S>['sort'] {
  const descending = text?.startsWith('-') ?? false;
  const key = (descending ? text!.slice(1) : text) as S;
  return spec.sortKeys.includes(key) ? { key, descending } : { key: spec.sortKeys[0], descending: false };
}

/** `labelColumns=a, b,,c` is `['a', 'b', 'c']`, as kubectl's `-L a,b,c`. */
export function splitColumns(text: string): string[] {
  return text.split(',').map((k) => k.trim()).filter(Boolean);
}

export function parseListView<S extends string>(spec: ListViewSpec<S>, params: SearchInput): ListView<S> {
  return {
    context: read(params, 'context') || undefined,
    namespace: read(params, 'namespace') || undefined,
    labelSelector: read(params, 'labelSelector') ?? '',
    fieldSelector: read(params, 'fieldSelector') ?? '',
    labelColumns: splitColumns(read(params, 'labelColumns') ?? ''),
    showLabels: ['1', 'true'].includes(read(params, 'showLabels') ?? ''),
    ...(['1', 'true'].includes(read(params, 'wide') ?? '') ? { wide: true } : {}),
    ...(spec.selectionInUrl && read(params, 'selected') ? { selected: splitColumns(read(params, 'selected') ?? '') } : {}),
    sort: parseSort(spec, read(params, 'sort')),
  };
}

/** The query string for a view (without `?`); defaults are left out so links stay short. */
export function listViewSearch<S extends string>(spec: ListViewSpec<S>, view: ListView<S>): string {
  const params = new URLSearchParams();
  if (view.context) params.set('context', view.context);
  if (view.namespace) params.set('namespace', view.namespace);
  if (view.labelSelector.trim()) params.set('labelSelector', view.labelSelector.trim());
  if (view.fieldSelector.trim()) params.set('fieldSelector', view.fieldSelector.trim());
  if (view.labelColumns.length) params.set('labelColumns', view.labelColumns.join(','));
  if (view.showLabels) params.set('showLabels', '1');
  if (view.wide) params.set('wide', '1');
  if (spec.selectionInUrl && view.selected?.length) params.set('selected', view.selected.join(','));
  if (view.sort.key !== spec.sortKeys[0] || view.sort.descending) params.set('sort', `${view.sort.descending ? '-' : ''}${view.sort.key}`);
  return params.toString();
}

/** The `kubectl get` that shows the same rows and columns. */
export function listViewCommand(descriptor: Pick<ResourceDescriptor, 'resource' | 'namespaced'>, view: ListView, resolvedNamespace: string | undefined): GetPods {
  return {
    verb: 'get',
    resource: descriptor.resource,
    scope: !descriptor.namespaced || !resolvedNamespace ? undefined : resolvedNamespace === ALL_NAMESPACES ? { allNamespaces: true } : { namespace: resolvedNamespace },
    labelSelector: view.labelSelector.trim() || undefined,
    fieldSelector: view.fieldSelector.trim() || undefined,
    labelColumns: view.labelColumns,
    showLabels: view.showLabels,
    output: view.wide ? 'wide' : undefined,
  };
}
