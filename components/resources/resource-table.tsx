'use client';

import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { useNow } from '@/components/ui/use-now';
import { PINNED_EDGE, ResourceTableRow, ROW_HEIGHT, type RowHandlers, type RowLayout } from './resource-table-row';
import { useRevealAddedColumns } from './use-reveal-added-columns';

/** What the table needs of every row; a kind's row type adds its own columns' data. */
export interface ResourceRow {
  uid: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
}

/** The rows a table shows, in order: an array, or a persistent list (`ChunkedList`) for thousands of rows. */
export interface TableRows<R> extends Iterable<R> {
  readonly length: number;
  at(index: number): R | undefined;
}

/** One column of a kind's table (after NAME, which every table has). */
export interface ResourceColumn<R extends ResourceRow, S extends string = string> {
  label: string;
  /** The view's sort key for this column; absent: not sortable. */
  sortKey?: S;
  className?: string;
  /** What the cell shows: of the row and the clock alone (a row is rendered again only when either changes). */
  cell: (row: R, now: Date) => ReactNode;
}

export interface ResourceTableProps<R extends ResourceRow, S extends string> {
  descriptor: Pick<ResourceDescriptor, 'resource'>;
  rows: TableRows<R>;
  columns: ResourceColumn<R, S>[];
  /** A NAMESPACE column first, as `kubectl get --all-namespaces` prints it. */
  showNamespace?: boolean;
  showLabels: boolean;
  labelColumns: string[];
  sort: { key: S; descending: boolean };
  onSort: (key: S) => void;
  selected: ReadonlySet<string>;
  onSelect: (uids: string[], selected: boolean) => void;
  onPickLabel: (name: string, value: string) => void;
  /** Rows just changed (by uid), marked for a moment. */
  highlighted?: ReadonlySet<string>;
  /** Per-row actions (delete, …), rendered in the last cell; of the row alone, like the cells. */
  rowActions?: (row: R) => ReactNode;
  /** The row's detail page; of the row alone, like the cells. */
  detailHref: (row: R) => string;
}

function everyRow<R>(rows: Iterable<R>, test: (row: R) => boolean): boolean {
  for (const row of rows) if (!test(row)) return false;
  return true;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function SortHeader<S extends string>({ label, column, sort, onSort, className = '' }: { label: string; column?: S; sort: { key: S; descending: boolean }; onSort: (key: S) => void; className?: string }) {
  if (!column) return <th scope="col" className={`px-3 py-2 text-left font-medium uppercase tracking-wide ${className}`}>{label}</th>;
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={`px-3 py-2 text-left font-medium ${className}`}>
      <button type="button" onClick={() => onSort(column)} className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 dark:hover:text-white">
        {label}
        <span aria-hidden="true" className="text-[10px]">{active ? (sort.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  );
}

/**
 * The checkbox and NAME stay pinned left while the other columns scroll under them (a row is read by its
 * name); their backgrounds must be opaque for that, and follow the row's hover.
 */
const PINNED_HEAD = 'sticky z-[2] bg-slate-50 dark:bg-slate-900';
const LABELS_COLUMN = ':labels';

/**
 * The live table of any kind: named after the resource ("Pods"), sortable, selectable, with kubectl's
 * `-L` label columns and `--show-labels`, labels that add themselves to the selector, and row actions.
 * Only the rows in view are rendered, so 50,000 objects scroll as smoothly as ten; rows come precomputed
 * per object and each row is rendered again only when its row object (or selection, mark, clock) changed,
 * so an event re-renders the rows it changed, not every row in view.
 */
export function ResourceTable<R extends ResourceRow, S extends string>(props: ResourceTableProps<R, S>) {
  const { descriptor, rows, columns, showNamespace = false, showLabels, labelColumns, sort, onSort, selected, onSelect, onPickLabel, highlighted, rowActions, detailHref } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  // TanStack Virtual returns fresh functions each render by design; nothing here is memoized on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // Fewer selected than rows (nearly always): not all selected, without a pass over 50,000 rows.
  const allSelected = rows.length > 0 && selected.size >= rows.length && everyRow(rows, (row) => selected.has(row.uid));
  const layout: RowLayout<R, S> = { columns, showNamespace, showLabels, labelColumns, rowActions, detailHref };
  const handlers = useRef<RowHandlers>({ onSelect, onPickLabel });
  useLayoutEffect(() => {
    handlers.current = { onSelect, onPickLabel };
  });
  const revealed = labelColumns.concat(showLabels ? [LABELS_COLUMN] : []);
  useRevealAddedColumns(scroller, revealed);
  const columnCount = 3 + columns.length + (showNamespace ? 1 : 0) + labelColumns.length + (showLabels ? 1 : 0);

  return (
    // `visible-scrollbar`: a table wider than the page says so with a scrollbar that does not fade away.
    <div ref={scroller} className="visible-scrollbar max-h-[calc(100vh-15rem)] min-h-48 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table aria-label={capitalized(descriptor.resource)} aria-rowcount={rows.length + 1} className="w-full border-collapse whitespace-nowrap text-sm">
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-600 shadow-[0_1px_0] shadow-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:shadow-slate-800">
          <tr aria-rowindex={1}>
            <th scope="col" className={`${PINNED_HEAD} left-0 w-10 min-w-10 px-3 py-2`}>
              <input type="checkbox" aria-label={`Select all ${descriptor.resource}`} checked={allSelected} onChange={(event) => onSelect(Array.from(rows, (row) => row.uid), event.target.checked)} />
            </th>
            {showNamespace ? <SortHeader label="Namespace" column={'namespace' as S} sort={sort} onSort={onSort} /> : null}
            <SortHeader label="Name" column={'name' as S} sort={sort} onSort={onSort} className={`${PINNED_HEAD} left-10 ${PINNED_EDGE}`} />
            {columns.map((column) => <SortHeader key={column.label} label={column.label} column={column.sortKey} sort={sort} onSort={onSort} />)}
            {labelColumns.map((key) => (
              <th key={key} scope="col" data-column={key} className="px-3 py-2 text-left font-medium uppercase tracking-wide">{key}</th>
            ))}
            {showLabels ? <th scope="col" data-column={LABELS_COLUMN} className="px-3 py-2 text-left font-medium uppercase tracking-wide">Labels</th> : null}
            {/* Pinned right, and one button wide: the actions stay in reach without hiding the columns. */}
            <th scope="col" data-actions className="sticky right-0 w-px bg-slate-50 px-2 py-2 shadow-[inset_1px_0_0] shadow-slate-200 dark:bg-slate-900 dark:shadow-slate-800"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={columnCount} /></tr> : null}
          {items.map((item) => {
            const row = rows.at(item.index)!;
            return <ResourceTableRow key={row.uid} row={row} index={item.index} selected={selected.has(row.uid)} highlighted={highlighted?.has(row.uid) ?? false} now={now} layout={layout} handlers={handlers} />;
          })}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={columnCount} /></tr> : null}
        </tbody>
      </table>
    </div>
  );
}
