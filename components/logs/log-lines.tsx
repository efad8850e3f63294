'use client';

import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LogBuffer } from '@/lib/client/log-buffer';
import { lineParts } from './log-line-parts';
import { LogLineText } from './log-line';
import { stickAfterScroll } from './tail-stick';

const ROW_HEIGHT = 20;
const OVERSCAN = 20;

/** What the toolbar can ask of the list. */
export interface LogLinesHandle {
  /** Scrolls a line into the middle of the view and stops following the tail. */
  reveal(seq: number): void;
}

export interface LogLinesProps {
  /** Read as it is at each render: the viewer re-renders when it changes (`useLogBufferVersion`). */
  buffer: LogBuffer;
  wrap: boolean;
  colors: boolean;
  timestamps: boolean;
  query: string;
  /** The current search match, highlighted as a line. */
  activeSeq?: number;
  handle?: Ref<LogLinesHandle>;
}

/** The rows in view (and some either side) when every row is one line high: no per-line bookkeeping at all. */
function fixedRows(scrollTop: number, viewport: number, count: number): { index: number; start: number }[] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index++) rows.push({ index, start: index * ROW_HEIGHT });
  return rows;
}

/**
 * The virtualized lines: only those in view are in the DOM, so 1,000,000 lines scroll like 100. Unwrapped
 * rows are all one line high and their window is arithmetic; only wrapped rows, whose heights vary, are
 * measured (TanStack Virtual keeps a position per row, work that grows with the line count). The view
 * follows the tail until the reader scrolls up, then holds still (even while old lines are dropped from
 * the front) and offers "Jump to latest".
 */
export function LogLines({ buffer, wrap, colors, timestamps, query, activeSeq, handle }: LogLinesProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [stick, setStick] = useState(true);
  const firstSeqSeen = useRef(buffer.firstSeq);
  /** The scroll position the view last saw or set, so a scroll event can tell a move up from the reader. */
  const lastTop = useRef(0);
  const count = buffer.length;
  const firstSeq = buffer.firstSeq;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  // TanStack Virtual returns fresh functions each render by design; nothing here is memoized on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: wrap ? count : 0,
    enabled: wrap,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => buffer.seqAt(index),
    overscan: OVERSCAN,
  });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useImperativeHandle(handle, () => ({
    reveal(seq: number) {
      const index = seq - buffer.firstSeq;
      if (index < 0 || index >= buffer.length) return;
      setStick(false);
      if (wrap) virtualizer.scrollToIndex(index, { align: 'center' });
      else if (scroller.current) scroller.current.scrollTop = index * ROW_HEIGHT - (scroller.current.clientHeight - ROW_HEIGHT) / 2;
    },
  }));

  // Keyed on what this render drew (not on the buffer's version): the viewer also re-renders for its own
  // reasons (the stream's status, a notice), and each time the rows below may have grown.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const dropped = firstSeq - firstSeqSeen.current;
    firstSeqSeen.current = firstSeq;
    if (stick) {
      element.scrollTop = element.scrollHeight;
    } else if (dropped > 0) {
      // Lines left the front of the ring: move up by as much so the lines being read stay put.
      element.scrollTop = Math.max(0, element.scrollTop - dropped * ROW_HEIGHT);
    }
    lastTop.current = element.scrollTop;
    // Paint the rows of the new position in this same frame, not after the scroll event.
    setScrollTop(element.scrollTop);
  }, [count, firstSeq, viewport, stick, wrap]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    // Read now: React may run the updater later, after the ref has moved on and the rows have changed.
    const sample = { top: element.scrollTop, lastTop: lastTop.current, fromBottom: element.scrollHeight - element.scrollTop - element.clientHeight };
    setStick((stick) => stickAfterScroll({ stick, ...sample }));
    lastTop.current = sample.top;
    setScrollTop(sample.top);
  };

  const items = wrap ? virtualizer.getVirtualItems() : fixedRows(scrollTop, viewport, count);
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-live="off"
        aria-label="Log lines"
        tabIndex={0}
        className="h-full overflow-auto bg-white font-mono text-xs leading-5 text-slate-800 dark:bg-slate-950 dark:text-slate-200"
      >
        <div className="relative" style={{ height: wrap ? virtualizer.getTotalSize() : count * ROW_HEIGHT }}>
          {items.map((item) => {
            const seq = buffer.seqAt(item.index);
            const { parts, truncated } = lineParts(buffer.at(item.index), { query, colors, timestamps });
            return (
              <div
                key={seq}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className={`absolute left-0 top-0 flex min-w-full ${wrap ? 'w-full' : 'w-max'} ${seq === activeSeq ? 'bg-amber-50 ring-1 ring-amber-400 ring-inset dark:bg-amber-950/40' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, minHeight: ROW_HEIGHT }}
              >
                <span aria-hidden="true" className="w-16 shrink-0 select-none pr-3 text-right text-slate-600 tabular-nums dark:text-slate-400">
                  {buffer.lineNumber(seq)}
                </span>
                <span className={wrap ? 'min-w-0 flex-1 whitespace-pre-wrap break-all' : 'whitespace-pre pr-4'}>
                  <LogLineText parts={parts} truncated={truncated} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {!stick && count > 0 ? (
        <button
          type="button"
          onClick={() => setStick(true)}
          className="absolute right-5 bottom-4 rounded-full bg-sky-700 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-sky-800 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          Jump to latest <span aria-hidden="true">↓</span>
        </button>
      ) : null}
    </div>
  );
}
