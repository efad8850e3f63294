import { namespaceListRow, type NamespaceListRow } from '@/lib/k8s/namespace-row';
import { nodeRow, type NodeRow } from '@/lib/k8s/node-list-row';
import { podListRow, type PodListRow } from '@/lib/k8s/pod-list-row';
import { namespaces, nodes, pods } from '@/lib/k8s/resources';
import type { Namespace, Node, Pod } from '@/lib/k8s/types';

/**
 * What a live list asks for: whole `objects` (the default; pages that show or compute over one, as the
 * detail views and the scheduling preview do), or `rows`, the projection of each object its kind's list
 * page shows. Rows are a tenth of a pod's size, so a list of 50,000 pods is not 150 MB on the wire and
 * in the tab.
 */
export type ListView = 'objects' | 'rows';
export const LIST_VIEWS = ['objects', 'rows'] as const satisfies readonly ListView[];

/** What every row carries, whatever its kind: the uid the list reducer keys by, and what writes guard with. */
export interface WireRow {
  uid: string;
  resourceVersion: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
}

interface RowProjection<R extends WireRow> {
  group: string;
  version: string;
  resource: string;
  /** The kind's row function in lib/k8s: the one source of what a row says, on the BFF and in tests. */
  project: (object: never) => R;
}

const projection = <O, R extends WireRow>(kind: { group: string; version: string; resource: string }, project: (object: O) => R): RowProjection<R> => ({
  group: kind.group,
  version: kind.version,
  resource: kind.resource,
  project: project as (object: never) => R,
});

/** The kinds that have a row view, each with its row function. Adding a kind here is all the BFF needs. */
const ROW_VIEWS = [
  projection<Pod, PodListRow>(pods, podListRow),
  projection<Namespace, NamespaceListRow>(namespaces, namespaceListRow),
  projection<Node, NodeRow>(nodes, nodeRow),
];

/** The row each kind's view sends, by plural resource name. */
export interface RowOf {
  pods: PodListRow;
  namespaces: NamespaceListRow;
  nodes: NodeRow;
}

/** The row function of a resource, or undefined when it has no row view (a subscription then asks for objects). */
export function rowProjection(target: { group?: string; version: string; resource: string }): ((object: unknown) => WireRow) | undefined {
  const found = ROW_VIEWS.find((v) => v.group === (target.group ?? '') && v.version === target.version && v.resource === target.resource);
  return found?.project as ((object: unknown) => WireRow) | undefined;
}
