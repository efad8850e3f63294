'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Scrolls a column that was just added (a `-L` key, Show labels) into the visible part of the table: past
 * the pinned NAME on the left and the pinned actions on the right. Without it a new column lands off to
 * the right of a wide table, and adding it seems to do nothing. Header cells carry `data-column`; the
 * actions header carries `data-actions`; pinned headers are `position: sticky` on the left.
 */
export function useRevealAddedColumns(scroller: RefObject<HTMLElement | null>, columns: readonly string[]): void {
  const previous = useRef<readonly string[] | undefined>(undefined);
  const key = columns.join('\n');
  useEffect(() => {
    const before = previous.current;
    previous.current = columns;
    const element = scroller.current;
    // Columns that come with the page (a link's -L) are not "added": the page opens scrolled to the start.
    if (!element || before === undefined) return;
    const added = columns.filter((column) => !before.includes(column)).at(-1);
    if (added === undefined) return;
    const header = [...element.querySelectorAll<HTMLElement>('th[data-column]')].find((th) => th.dataset.column === added);
    if (header) revealColumn(element, header);
    // `columns` is compared by content through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, scroller]);
}

function revealColumn(scroller: HTMLElement, header: HTMLElement): void {
  const headers = [...(header.parentElement?.children ?? [])] as HTMLElement[];
  const pinnedRight = Math.max(scroller.getBoundingClientRect().left, ...headers.filter((th) => getComputedStyle(th).position === 'sticky' && !th.dataset.actions).map((th) => th.getBoundingClientRect().right));
  const actions = headers.find((th) => th.dataset.actions);
  const visibleRight = actions ? actions.getBoundingClientRect().left : scroller.getBoundingClientRect().right;
  const box = header.getBoundingClientRect();
  // A column wider than the free space is shown from its start; otherwise just far enough to see its end.
  if (box.left < pinnedRight || box.width > visibleRight - pinnedRight) scroller.scrollLeft -= pinnedRight - box.left;
  else if (box.right > visibleRight) scroller.scrollLeft += box.right - visibleRight;
}
