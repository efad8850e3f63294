import { compareTimestamps, timestampText } from '@/lib/k8s/duration';
import { invalidMessage, qualifiedKind } from '@/lib/k8s/field-errors';
import type { PodListRow } from '@/lib/k8s/pod-list-row';
import type { PodTally } from '@/lib/k8s/pod-tallies';
import type { Namespace } from '@/lib/k8s/types';
import { validateObjectMetaName } from '@/lib/k8s/validation';

/**
 * What the namespaces list shows of one namespace, and all its row actions need: plain JSON, sent by the
 * BFF in place of the object (lib/contract/row-view.ts).
 */
export interface NamespaceListRow {
  uid: string;
  /** Opaque: what a write guards with. */
  resourceVersion: string;
  name: string;
  /** `Active` or `Terminating`, as `kubectl get ns` prints STATUS. */
  status: string;
  /** `metadata.creationTimestamp`, the AGE column's source. */
  created?: string;
  labels: Record<string, string>;
}

const cache = new WeakMap<Namespace, NamespaceListRow>();

/** The row of a namespace, cached by object identity (one watch event, one new row). */
export function namespaceListRow(namespace: Namespace): NamespaceListRow {
  let row = cache.get(namespace);
  if (row) return row;
  const meta = namespace.metadata;
  row = {
    uid: meta?.uid ?? meta?.name ?? '',
    resourceVersion: meta?.resourceVersion ?? '',
    name: meta?.name ?? '',
    status: namespace.status?.phase || (meta?.deletionTimestamp ? 'Terminating' : 'Active'),
    ...(meta?.creationTimestamp ? { created: timestampText(meta.creationTimestamp) } : {}),
    labels: meta?.labels ?? {},
  };
  cache.set(namespace, row);
  return row;
}

/** Pods in one namespace, and how many of them are not Running (Pending, failed, finished, ...). */
export interface PodCount extends Record<string, number> {
  total: number;
  notRunning: number;
}

/** What a pod's row adds to its namespace's count: one, and one not Running (Pending, failed, finished, deleting). */
export const namespacePodsTally: PodTally<PodListRow, PodCount> = {
  keyOf: (pod) => pod.namespace,
  figuresOf: (pod) => ({ total: 1, notRunning: pod.phase !== 'Running' || pod.deletionTimestamp ? 1 : 0 }),
};

/** A namespace's row with its pods beside it, as the namespaces list shows it. */
export interface NamespaceRowWithPods extends NamespaceListRow {
  pods?: PodCount;
}

const withPods = new WeakMap<NamespaceListRow, NamespaceRowWithPods>();

/**
 * The row with its count, the same object while the row and the count are (a tally gives a key a new count
 * only when it changed): a table row renders again only when what it shows did.
 */
export function namespaceRowWithPods(row: NamespaceListRow, pods: PodCount | undefined): NamespaceRowWithPods {
  const known = withPods.get(row);
  if (known && known.pods === pods) return known;
  const next = { ...row, pods };
  withPods.set(row, next);
  return next;
}

export type NamespaceSortKey = 'name' | 'status' | 'age' | 'pods';

const text = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Sorts rows by a column; ties fall back to the name so the order is stable across events. */
export function sortNamespaceRows(rows: NamespaceRowWithPods[], key: NamespaceSortKey, descending: boolean): NamespaceRowWithPods[] {
  const compare: Record<NamespaceSortKey, (a: NamespaceRowWithPods, b: NamespaceRowWithPods) => number> = {
    name: (a, b) => text(a.name, b.name),
    status: (a, b) => text(a.status, b.status),
    // Youngest first reads like "age ascending", as kubectl's AGE column does.
    age: (a, b) => compareTimestamps(b.created, a.created),
    pods: (a, b) => (a.pods?.total ?? 0) - (b.pods?.total ?? 0),
  };
  const sign = descending ? -1 : 1;
  return rows.sort((a, b) => sign * compare[key](a, b) || compare.name(a, b));
}

/**
 * The namespaces a real API server never deletes: the NamespaceLifecycle admission plugin refuses them
 * with Forbidden, "this namespace may not be deleted" (`immortalNamespaces` in its source).
 */
export const PROTECTED_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

export function protectedNamespaceMessage(name: string): string {
  return `namespaces "${name}" is forbidden: this namespace may not be deleted`;
}

/**
 * Why the API server would refuse to create a namespace of this name, in its own words (a namespace name
 * is an RFC 1123 label), or undefined when it is acceptable.
 */
export function namespaceNameProblem(name: string): string | undefined {
  const errors = validateObjectMetaName(name, 'label');
  return errors.length ? invalidMessage(qualifiedKind('Namespace'), name, errors) : undefined;
}
