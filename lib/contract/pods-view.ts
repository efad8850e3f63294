import type { GetPods } from '@/lib/k8s/kubectl-command';
import { ALL_NAMESPACES } from './scope';

export const POD_SORT_KEYS = ['name', 'namespace', 'ready', 'status', 'restarts', 'age', 'node', 'ip'] as const;
export type PodSortKey = (typeof POD_SORT_KEYS)[number];

/**
 * Everything that shapes the pods list, as it stands in the URL, so that a view is a link to share:
 * `?context=&namespace=&labelSelector=&fieldSelector=&labelColumns=a,b&showLabels=1&sort=-age`.
 */
export interface PodsView {
  /** Absent: the default context. */
  context?: string;
  /** Absent: the context's default namespace; `_all`: every namespace. */
  namespace?: string;
  labelSelector: string;
  fieldSelector: string;
  labelColumns: string[];
  showLabels: boolean;
  sort: { key: PodSortKey; descending: boolean };
}

type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchInput, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseSort(text: string | undefined): PodsView['sort'] {
  const descending = text?.startsWith('-') ?? false;
  const key = (descending ? text!.slice(1) : text) as PodSortKey;
  return POD_SORT_KEYS.includes(key) ? { key, descending } : { key: 'name', descending: false };
}

export function parsePodsView(params: SearchInput): PodsView {
  return {
    context: read(params, 'context') || undefined,
    namespace: read(params, 'namespace') || undefined,
    labelSelector: read(params, 'labelSelector') ?? '',
    fieldSelector: read(params, 'fieldSelector') ?? '',
    labelColumns: (read(params, 'labelColumns') ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    showLabels: ['1', 'true'].includes(read(params, 'showLabels') ?? ''),
    sort: parseSort(read(params, 'sort')),
  };
}

/** The query string for a view; defaults are left out so links stay short. */
export function podsViewSearch(view: PodsView): string {
  const params = new URLSearchParams();
  if (view.context) params.set('context', view.context);
  if (view.namespace) params.set('namespace', view.namespace);
  if (view.labelSelector.trim()) params.set('labelSelector', view.labelSelector.trim());
  if (view.fieldSelector.trim()) params.set('fieldSelector', view.fieldSelector.trim());
  if (view.labelColumns.length) params.set('labelColumns', view.labelColumns.join(','));
  if (view.showLabels) params.set('showLabels', '1');
  if (view.sort.key !== 'name' || view.sort.descending) params.set('sort', `${view.sort.descending ? '-' : ''}${view.sort.key}`);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The `kubectl get pods` that shows the same rows and columns. */
export function podsViewCommand(view: PodsView, resolvedNamespace: string): GetPods {
  return {
    verb: 'get',
    resource: 'pods',
    scope: resolvedNamespace === ALL_NAMESPACES ? { allNamespaces: true } : { namespace: resolvedNamespace },
    labelSelector: view.labelSelector.trim() || undefined,
    fieldSelector: view.fieldSelector.trim() || undefined,
    labelColumns: view.labelColumns,
    showLabels: view.showLabels,
  };
}
