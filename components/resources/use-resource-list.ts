'use client';

import { useMemo, useState } from 'react';
import { listViewCommand, type ListViewSpec } from '@/lib/contract/list-view';
import { ALL_NAMESPACES } from '@/lib/contract/scope';
import type { WatchTarget } from '@/lib/contract/watch';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import type { ListItem } from '@/lib/k8s/list-reducer';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { indexLabels } from '@/lib/k8s/selector-suggestions';
import { useListView } from '@/lib/client/use-list-view';
import { useWatchedList } from '@/lib/client/use-watched-list';
import type { ResourceRow } from './resource-table';

/** Adds `key=value` to a selector unless it is already there. */
export function withLabel(selector: string, key: string, value: string): string {
  const clause = `${key}=${value}`;
  const clauses = selector.split(',').map((c) => c.trim()).filter(Boolean);
  return clauses.includes(clause) ? selector : [...clauses, clause].join(',');
}

export interface ResourceListOptions<T extends ListItem, R extends ResourceRow, S extends string> {
  descriptor: ResourceDescriptor;
  spec: ListViewSpec<S>;
  context?: string;
  /** The namespace in effect (`_all` for every one); ignored for a cluster-scoped kind. */
  namespace?: string;
  /** Rows are computed once per object (cache by identity). */
  toRow: (item: T) => R;
  sortRows: (rows: R[], key: S, descending: boolean) => R[];
}

/**
 * Everything a list page of one kind shares: the URL view, the live list (the field selector on the
 * server, the label selector here, so typing never resubscribes), rows, sort, selection, the kubectl line
 * and the share buttons. Pages compose the toolbar, table and dialogs over it.
 */
export function useResourceList<T extends ListItem, R extends ResourceRow, S extends string>(options: ResourceListOptions<T, R, S>) {
  const { descriptor, spec, context, toRow, sortRows } = options;
  const [view, setView] = useListView(spec);
  const namespace = descriptor.namespaced ? options.namespace : undefined;
  const allNamespaces = namespace === ALL_NAMESPACES;
  const target: WatchTarget | null = context
    ? {
        context,
        group: descriptor.group,
        version: descriptor.version,
        resource: descriptor.resource,
        namespace: allNamespaces ? undefined : namespace,
        fieldSelector: view.fieldSelector || undefined,
      }
    : null;
  const { data, state, error } = useWatchedList<T>(target);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [copied, setCopied] = useState<'link' | 'command'>();

  const allRows = useMemo(() => (data?.items ?? []).map(toRow), [data, toRow]);
  const rowsByUid = useMemo(() => new Map(allRows.map((row) => [row.uid, row])), [allRows]);
  const labelIndex = useMemo(() => indexLabels(allRows.map((row) => row.labels)), [allRows]);
  // The filter bar only passes valid selectors to the URL, but a hand-edited link may not be.
  const parsedSelector = useMemo(() => parseLabelSelector(view.labelSelector), [view.labelSelector]);
  const rows = useMemo(() => {
    const parsed = parsedSelector;
    const matching = parsed.ok ? allRows.filter((row) => matchesLabels(parsed.selector, row.labels)) : [];
    return sortRows(matching, view.sort.key, view.sort.descending);
  }, [allRows, parsedSelector, sortRows, view.sort.key, view.sort.descending]);
  const selectedRows = rows.filter((row) => selected.has(row.uid));

  const command = kubectlCommand(listViewCommand(descriptor, view, namespace));
  const copy = async (what: 'link' | 'command') => {
    await navigator.clipboard.writeText(what === 'link' ? window.location.href : command);
    setCopied(what);
    setTimeout(() => setCopied(undefined), 1500);
  };

  const onSort = (key: S) => setView({ sort: { key, descending: view.sort.key === key ? !view.sort.descending : false } });
  const onSelect = (uids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const uid of uids) if (on) next.add(uid);
      else next.delete(uid);
      return next;
    });
  const pickLabel = (key: string, value: string) => setView({ labelSelector: withLabel(view.labelSelector, key, value) });

  return {
    view,
    setView,
    namespace,
    allNamespaces,
    state,
    error,
    allRows,
    rows,
    rowsByUid,
    labelIndex,
    selectorValid: parsedSelector.ok,
    filtered: view.labelSelector !== '' || view.fieldSelector !== '',
    selected,
    selectedRows,
    command,
    copied,
    copy,
    /** What `ResourceTable` takes from the list: rows, view options, sort, selection, label picks. */
    tableProps: { rows, showLabels: view.showLabels, labelColumns: view.labelColumns, sort: view.sort, onSort, selected, onSelect, onPickLabel: pickLabel },
    clearSelection: () => setSelected(new Set()),
    clearSelectors: () => setView({ labelSelector: '', fieldSelector: '' }),
  };
}
