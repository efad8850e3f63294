'use client';

import { useCallback, useMemo, useState } from 'react';
import { listViewCommand, type ListViewSpec } from '@/lib/contract/list-view';
import type { ListView } from '@/lib/contract/row-view';
import { ALL_NAMESPACES } from '@/lib/contract/scope';
import type { WatchTarget } from '@/lib/contract/watch';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import type { ListItem } from '@/lib/k8s/list-reducer';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { indexLabels } from '@/lib/k8s/selector-suggestions';
import { useListView } from '@/lib/client/use-list-view';
import { useWatchedList } from '@/lib/client/use-watched-list';
import type { SelectorBox } from './list-toolbar';
import type { ResourceRow } from './resource-table';
import { useChangeNotice, type ChangeOutcome } from './use-change-notice';

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
  /**
   * What the list asks the BFF for: its kind's `rows` (lib/contract/row-view.ts), or whole `objects` for a
   * kind without a rows view.
   */
  view: ListView;
  /**
   * The table's row of each item (an object, or the BFF's row), computed once per item (cache by
   * identity). Absent: the items are the rows.
   */
  toRow?: (item: T) => R;
  sortRows: (rows: R[], key: S, descending: boolean) => R[];
}

/**
 * Everything a list page of one kind shares: the URL view, the live list (the field selector on the
 * server, the label selector here, so typing never resubscribes), rows, sort, selection, the kubectl line
 * and the share buttons. Pages compose the toolbar, table and dialogs over it.
 */
export function useResourceList<T extends ListItem, R extends ResourceRow, S extends string>(options: ResourceListOptions<T, R, S>) {
  const { descriptor, spec, context, view: listView, toRow, sortRows } = options;
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
        ...(listView === 'rows' ? { view: listView } : {}),
      }
    : null;
  const { data, state, error, offline } = useWatchedList<T>(target);
  const [pageSelection, setPageSelection] = useState<Set<string>>(() => new Set());
  const [copied, setCopied] = useState<'link' | 'command'>();

  const allRows = useMemo(() => (toRow ? (data?.items ?? []).map(toRow) : ((data?.items ?? []) as unknown as R[])), [data, toRow]);
  const rowsByUid = useMemo(() => new Map(allRows.map((row) => [row.uid, row])), [allRows]);
  const labelIndex = useMemo(() => indexLabels(allRows.map((row) => row.labels)), [allRows]);
  // The filter bar only passes valid selectors to the URL, but a hand-edited link may not be.
  const parsedSelector = useMemo(() => parseLabelSelector(view.labelSelector), [view.labelSelector]);
  // What the filter boxes hold but cannot apply: the URL (and so rows, command, link) keeps the last valid one.
  const [problems, setProblems] = useState<Partial<Record<SelectorBox, string>>>({});
  const onSelectorProblem = useCallback(
    (box: SelectorBox, message: string | undefined) => setProblems((current) => (current[box] === message ? current : { ...current, [box]: message })),
    [],
  );
  const selectorProblem = problems.label
    ? `The label selector is not valid: ${problems.label}`
    : problems.field
      ? `The field selector is not valid: ${problems.field}`
      : !parsedSelector.ok
        ? `The label selector is not valid: ${parsedSelector.error.message}`
        : undefined;
  const rows = useMemo(() => {
    const parsed = parsedSelector;
    const matching = parsed.ok ? allRows.filter((row) => matchesLabels(parsed.selector, row.labels)) : [];
    return sortRows(matching, view.sort.key, view.sort.descending);
  }, [allRows, parsedSelector, sortRows, view.sort.key, view.sort.descending]);
  // A selection kept in the URL is by name; the table works in uids.
  const urlSelection = view.selected;
  const selected = useMemo(
    () => (spec.selectionInUrl ? new Set(allRows.filter((row) => urlSelection?.includes(row.name)).map((row) => row.uid)) : pageSelection),
    [spec.selectionInUrl, allRows, urlSelection, pageSelection],
  );
  const setSelected = (update: (current: Set<string>) => Set<string>) => {
    if (!spec.selectionInUrl) return setPageSelection(update);
    const uids = update(selected);
    setView({ selected: allRows.filter((row) => uids.has(row.uid)).map((row) => row.name) });
  };
  const selectedRows = rows.filter((row) => selected.has(row.uid));
  const clearSelection = () => setSelected(() => new Set());
  const changes = useChangeNotice(allRows);

  const command = kubectlCommand(listViewCommand(descriptor, view, namespace));
  const copy = async (what: 'link' | 'command') => {
    if (selectorProblem) return;
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
    /** What `ListStatus` takes from the list (the page adds the descriptor). */
    statusProps: { state, error, offline, invalidSelector: selectorProblem },
    allRows,
    rows,
    rowsByUid,
    labelIndex,
    /** Set while a filter box holds text that does not parse: the rows, command and link are not what it says. */
    selectorProblem,
    filtered: view.labelSelector !== '' || view.fieldSelector !== '',
    selected,
    selectedRows,
    command,
    copied,
    copy,
    /** What `ListToolbar` takes from the list (the page adds its field example). */
    toolbarProps: {
      view,
      onChange: setView,
      labelIndex,
      matched: rows.length,
      total: allRows.length,
      onCopyLink: () => void copy('link'),
      onCopyCommand: () => void copy('command'),
      copied,
      selectorProblem,
      onSelectorProblem,
    },
    /** What `ResourceTable` takes from the list: rows, view options, sort, selection, label picks. */
    tableProps: { rows, showLabels: view.showLabels, labelColumns: view.labelColumns, sort: view.sort, onSort, selected, onSelect, onPickLabel: pickLabel, highlighted: changes.highlighted },
    clearSelection,
    /** After a write: clears the selection, says what changed in kubectl's words and marks the rows. */
    changed: (outcome: ChangeOutcome) => {
      clearSelection();
      changes.announce(outcome);
    },
    /** What `ChangeNotice` takes. */
    noticeProps: { notice: changes.notice, onDismiss: changes.dismiss },
    clearSelectors: () => setView({ labelSelector: '', fieldSelector: '' }),
  };
}
