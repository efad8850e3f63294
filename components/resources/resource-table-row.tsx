'use client';

import Link from 'next/link';
import { memo, type ReactNode, type RefObject } from 'react';
import { LabelChip } from './label-chip';
import { NoneText } from './none-text';
import type { ResourceColumn, ResourceRow } from './resource-table';

/** How every row of a table is laid out and what it does; the table builds it on each render. */
export interface RowLayout<R extends ResourceRow, S extends string> {
  columns: ResourceColumn<R, S>[];
  showNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
  rowActions?: (row: R) => ReactNode;
  detailHref: (row: R) => string;
}

/** What the row's controls call: always the table's latest handlers, even in a row not rendered again since. */
export interface RowHandlers {
  onSelect: (uids: string[], selected: boolean) => void;
  onPickLabel: (name: string, value: string) => void;
}

interface RowProps<R extends ResourceRow, S extends string> {
  row: R;
  index: number;
  selected: boolean;
  highlighted: boolean;
  now: Date;
  layout: RowLayout<R, S>;
  handlers: RefObject<RowHandlers>;
}

/**
 * Every row's height, set on the row: the virtualizer places rows by it instead of measuring each one (a
 * ResizeObserver and a layout read per row mounted, a dozen a frame while scrolling).
 */
export const ROW_HEIGHT = 37;
const NONE = <NoneText />;
// Pinned cells paint their own background (the scrolled columns pass under them), so they follow the row's hover and highlight.
export const PINNED_CELL = 'sticky z-[1] bg-white group-hover:bg-slate-50 group-data-highlighted:bg-amber-100 dark:bg-slate-950 dark:group-hover:bg-slate-900 dark:group-data-highlighted:bg-amber-900/40';
export const PINNED_EDGE = 'shadow-[inset_-1px_0_0] shadow-slate-200 dark:shadow-slate-800';

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Whether a row would render the same: the same row object, place, selection, mark and clock, and the same
 * columns by label. Cells, actions and links are taken to depend on the row (and the clock) alone, which is
 * what lets an event re-render only the rows it changed while the others in view stay as they are.
 */
function sameRow<R extends ResourceRow, S extends string>(a: RowProps<R, S>, b: RowProps<R, S>): boolean {
  if (a.row !== b.row || a.index !== b.index || a.selected !== b.selected || a.highlighted !== b.highlighted || a.now !== b.now) return false;
  const x = a.layout;
  const y = b.layout;
  return (
    x.showNamespace === y.showNamespace &&
    x.showLabels === y.showLabels &&
    sameList(x.labelColumns, y.labelColumns) &&
    sameList(x.columns.map((c) => c.label), y.columns.map((c) => c.label)) &&
    Boolean(x.rowActions) === Boolean(y.rowActions)
  );
}

function TableRow<R extends ResourceRow, S extends string>({ row, index, selected, highlighted, now, layout, handlers }: RowProps<R, S>) {
  const { columns, showNamespace, showLabels, labelColumns, rowActions, detailHref } = layout;
  const pick = (name: string, value: string) => handlers.current.onPickLabel(name, value);
  const labels = showLabels ? Object.entries(row.labels) : [];
  return (
    <tr data-index={index} aria-rowindex={index + 2} data-highlighted={highlighted || undefined} style={{ height: ROW_HEIGHT }} className="group border-t border-slate-100 hover:bg-slate-50 data-highlighted:bg-amber-100 dark:border-slate-800/70 dark:hover:bg-slate-900 dark:data-highlighted:bg-amber-900/40">
      <td className={`${PINNED_CELL} left-0 w-10 min-w-10 px-3`}>
        <input type="checkbox" aria-label={`Select ${row.name}`} checked={selected} onChange={(event) => handlers.current.onSelect([row.uid], event.target.checked)} />
      </td>
      {showNamespace ? <td className="px-3 text-slate-600 dark:text-slate-400">{row.namespace}</td> : null}
      <td className={`${PINNED_CELL} left-10 px-3 font-medium ${PINNED_EDGE}`}>
        <Link href={detailHref(row)} prefetch={false} className="text-sky-700 hover:underline dark:text-sky-300">{row.name}</Link>
      </td>
      {columns.map((column) => <td key={column.label} className={`px-3 ${column.className ?? ''}`}>{column.cell(row, now)}</td>)}
      {labelColumns.map((key) => (
        <td key={key} className="px-3 font-mono text-xs">
          {key in row.labels ? <LabelChip name={key} value={row.labels[key]} valueOnly onPick={pick} /> : NONE}
        </td>
      ))}
      {showLabels ? (
        <td className="px-3">
          <div className="flex gap-1 py-1">
            {labels.length === 0 ? NONE : null}
            {labels.map(([name, value]) => <LabelChip key={name} name={name} value={value} onPick={pick} />)}
          </div>
        </td>
      ) : null}
      <td className={`${PINNED_CELL} right-0 px-2 text-right shadow-[inset_1px_0_0] shadow-slate-100 dark:shadow-slate-800`}>{rowActions?.(row)}</td>
    </tr>
  );
}

/** One row of a `ResourceTable`, rendered again only when what it shows changed (see `sameRow`). */
export const ResourceTableRow = memo(TableRow, sameRow) as typeof TableRow;
