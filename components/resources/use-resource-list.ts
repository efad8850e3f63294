'use client';

import { useCallback, useMemo, useState } from 'react';
import { listViewCommand, type ListViewSpec } from '@/lib/contract/list-view';
import type { ListView } from '@/lib/contract/row-view';
import { ALL_NAMESPACES } from '@/lib/contract/scope';
import { resourceListTarget } from '@/lib/contract/list-targets';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import { ChunkedList } from '@/lib/k8s/chunked-list';
import type { ListItem } from '@/lib/k8s/list-reducer';
import { LiveRows } from '@/lib/k8s/live-rows';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import type { LabelIndex } from '@/lib/k8s/selector-suggestions';
import { useListView } from '@/lib/client/use-list-view';
import { useWatchedList } from '@/lib/client/use-watched-list';
import type { SelectorBox } from './list-toolbar';
import type { ResourceRow, TableRows } from './resource-table';
import { useChangeNotice, type ChangeOutcome } from './use-change-notice';

/** Adds `key=value` to a selector unless it is already there. */
export function withLabel(selector: string, key: string, value: string): string {
  const clause = `${key}=${value}`;
  const clauses = selector.split(',').map((c) => c.trim()).filter(Boolean);
  return clauses.includes(clause) ? selector : [...clauses, clause].join(',');
}

/**
 * How rows are ordered: a comparator per sort key and direction, which lets a watch event move just the rows
 * it changed (what a list of thousands wants), or a function that sorts the matching rows again after every
 * change (fine for a hundred).
 */
export type RowOrder<R, S extends string> =
  | { compareRows: (key: S, descending: boolean) => (a: R, b: R) => number; sortRows?: never }
  | { sortRows: (rows: R[], key: S, descending: boolean) => R[]; compareRows?: never };

export type ResourceListOptions<T extends ListItem, R extends ResourceRow, S extends string> = RowOrder<R, S> & {
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
   * identity); a new function recomputes every row. Absent: the items are the rows.
   */
  toRow?: (item: T) => R;
};

const itemIsRow = <T, R>(item: T) => item as unknown as R;
const NO_ITEMS = new ChunkedList<never>();
const NO_ROWS: never[] = [];
const NOTHING_SELECTED: ReadonlySet<string> = new Set();
const matchesNothing = () => false;

/**
 * Everything a list page of one kind shares: the URL view, the live list (the field selector on the
 * server, the label selector here, so typing never resubscribes), rows, sort, selection, the kubectl line
 * and the share buttons. Pages compose the toolbar, table and dialogs over it.
 */
export function useResourceList<T extends ListItem, R extends ResourceRow, S extends string>(options: ResourceListOptions<T, R, S>) {
  const { descriptor, spec, context, view: listView, toRow = itemIsRow<T, R>, sortRows, compareRows } = options;
  const [view, setView] = useListView(spec);
  const namespace = descriptor.namespaced ? options.namespace : undefined;
  const allNamespaces = namespace === ALL_NAMESPACES;
  const target = context ? resourceListTarget({ type: descriptor, context, namespace, fieldSelector: view.fieldSelector, view: listView }) : null;
  const { data, state, error, offline } = useWatchedList<T>(target);
  const [pageSelection, setPageSelection] = useState<Set<string>>(() => new Set());
  const [copied, setCopied] = useState<'link' | 'command'>();

  // Rows, rows by uid, label index and the filtered, sorted rows follow the list's changes (see LiveRows):
  // an event costs the rows it touches, not the list.
  const [live] = useState(() => new LiveRows<T, R>());
  const items = data?.items ?? NO_ITEMS;
  const version = useMemo(() => live.sync(items, toRow), [live, items, toRow]);
  const rowsByUid: ReadonlyMap<string, R> = live.byUid;
  // A new index object only when a key or value appeared or went, so open suggestions follow the list.
  const labels = live.labels;
  const labelVersion = labels.version;
  const labelIndex = useMemo<LabelIndex>(
    () => ({ keys: () => labels.keys(), values: (key) => labels.values(key), has: (key) => labels.has(key), version: labelVersion }),
    [labels, labelVersion],
  );
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
  const matches = useMemo(() => {
    const parsed = parsedSelector;
    return parsed.ok ? (row: R) => matchesLabels(parsed.selector, row.labels) : matchesNothing;
  }, [parsedSelector]);
  const compare = useMemo(() => compareRows?.(view.sort.key, view.sort.descending), [compareRows, view.sort.key, view.sort.descending]);
  const rows: TableRows<R> = useMemo(
    () => (compare ? live.view(matches, compare) : sortRows!([...live.view(matches)], view.sort.key, view.sort.descending)),
    // `version` says that `live` changed, and so its view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [live, version, matches, compare, sortRows, view.sort.key, view.sort.descending],
  );
  // A selection kept in the URL is by name; the table works in uids.
  const urlSelection = view.selected;
  const selected = useMemo<ReadonlySet<string>>(() => {
    if (!spec.selectionInUrl) return pageSelection;
    if (!urlSelection?.length) return NOTHING_SELECTED;
    const names = new Set(urlSelection);
    const uids = new Set<string>();
    for (const row of rowsByUid.values()) if (names.has(row.name)) uids.add(row.uid);
    return uids;
    // `version` says that `rowsByUid` changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec.selectionInUrl, rowsByUid, version, urlSelection, pageSelection]);
  const setSelected = (update: (current: ReadonlySet<string>) => Set<string>) => {
    if (!spec.selectionInUrl) return setPageSelection(update);
    const uids = update(selected);
    setView({ selected: [...rowsByUid.values()].filter((row) => uids.has(row.uid)).map((row) => row.name) });
  };
  // In the view's order. With a comparator, that order is the comparator's, so the selected rows are looked
  // up and sorted rather than found by a pass over the view (which may hold 50,000 rows) after every event.
  const selectedRows = useMemo(() => {
    if (selected.size === 0) return NO_ROWS;
    if (!compare) return [...rows].filter((row) => selected.has(row.uid));
    const picked: R[] = [];
    for (const uid of selected) {
      const row = rowsByUid.get(uid);
      if (row && matches(row)) picked.push(row);
    }
    return picked.sort(compare);
  }, [rows, selected, compare, matches, rowsByUid]);
  const clearSelection = () => setSelected(() => new Set());
  const changes = useChangeNotice(rows);

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
    /** How many rows the list holds, before any filter. */
    total: rowsByUid.size,
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
      total: rowsByUid.size,
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
