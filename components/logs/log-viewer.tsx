'use client';

import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { LogBuffer } from '@/lib/client/log-buffer';
import { LogSearch } from '@/lib/client/log-search';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { downloadText } from '@/components/code/clipboard';
import { LogLines, type LogLinesHandle } from './log-lines';
import { LogOptionsBar } from './log-options-bar';
import { LogSearchBox } from './log-search-box';
import { DroppedNotice, EmptyLogMessage, LogErrorBanner, LogStreamLine, TailNotice } from './log-status';
import type { LogContainer, LogStreamStatus, LogViewOptions } from './log-types';
import { useLogBufferVersion } from './use-log-buffer';

export interface LogViewerProps {
  pod: string;
  namespace: string;
  containers: LogContainer[];
  /** The subscription's options; every control reports changes through `onOptionsChange`. */
  options: LogViewOptions;
  onOptionsChange: (options: LogViewOptions) => void;
  /**
   * The lines: the page appends each `logs:lines` batch with `buffer.append(lines)` and clears it when it
   * subscribes anew. The viewer repaints at most once per frame, however fast batches come.
   */
  buffer: LogBuffer;
  status: LogStreamStatus;
  /** Subscribe again (after an error or an upstream close). */
  onRetry?: () => void;
  /** False when the picked container never restarted; disables Previous. */
  canShowPrevious?: boolean;
}

/**
 * A container's log, like `kubectl logs`: the options as controls, a virtualized view that follows the
 * tail, search with highlighted matches, Download, and the equivalent kubectl command.
 */
export function LogViewer(props: LogViewerProps) {
  const { pod, namespace, containers, options, onOptionsChange, buffer, status, onRetry, canShowPrevious = true } = props;
  // Re-renders at most once a frame when lines come; everything below reads the buffer as it is now.
  useLogBufferVersion(buffer);
  const [wrap, setWrap] = useState(false);
  const [colors, setColors] = useState(true);
  const [query, setQuery] = useState('');
  const [activeSeq, setActiveSeq] = useState<number | undefined>();
  const lines = useRef<LogLinesHandle>(null);

  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => new LogSearch(deferredQuery), [deferredQuery]);
  // Incremental and idempotent: scans only lines appended since the last render.
  search.update(buffer);

  const step = (direction: 1 | -1) => {
    const total = search.lineCount;
    if (total === 0) return;
    const from = activeSeq === undefined ? (direction === 1 ? buffer.firstSeq : buffer.endSeq) : activeSeq + (direction === 1 ? 1 : 0);
    let index = search.indexAtOrAfter(from);
    if (direction === -1) index = (index - 1 + total) % total;
    // indexAtOrAfter wraps to 0 past the end, which is right for Next; for Previous it maps to the last.
    if (direction === -1 && activeSeq === undefined) index = total - 1;
    const seq = search.lineSeq(index);
    if (seq === undefined) return;
    setActiveSeq(seq);
    lines.current?.reveal(seq);
  };

  const activeIndex = activeSeq === undefined ? -1 : search.indexAtOrAfter(activeSeq);
  const position = activeIndex >= 0 && search.lineSeq(activeIndex) === activeSeq ? activeIndex + 1 : undefined;
  const command = kubectlCommand({ verb: 'logs', pod, namespace, ...options });

  return (
    <div className="flex h-[calc(100vh-14rem)] min-h-96 flex-col gap-2">
      <LogOptionsBar
        containers={containers}
        options={options}
        onOptionsChange={onOptionsChange}
        wrap={wrap}
        onWrapChange={setWrap}
        colors={colors}
        onColorsChange={setColors}
        canShowPrevious={canShowPrevious}
      />
      <div className="flex flex-wrap items-center gap-3">
        <LogSearchBox
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            setActiveSeq(undefined);
          }}
          matchCount={search.matchCount}
          lineCount={search.lineCount}
          position={position}
          searching={query !== deferredQuery}
          onNext={() => step(1)}
          onPrevious={() => step(-1)}
        />
        <button
          type="button"
          disabled={buffer.length === 0}
          onClick={() => downloadText({ fileName: `${pod}${options.container ? `-${options.container}` : ''}${options.previous ? '-previous' : ''}.log`, text: buffer.toArray().join('\n') + '\n' })}
          className="ml-auto rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Download
        </button>
      </div>
      <code className="block truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300" title={command}>
        <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
        {command}
      </code>
      {status.state === 'error' ? <LogErrorBanner status={status.status} previous={options.previous} onRetry={onRetry} /> : null}
      <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-md border border-slate-200 dark:border-slate-800">
        <DroppedNotice dropped={buffer.dropped} capacity={buffer.capacity} />
        <TailNotice tailLines={options.tailLines} read={buffer.length + buffer.dropped} />
        {buffer.length === 0 ? (
          <EmptyLogMessage status={status} />
        ) : (
          <LogLines
            handle={lines}
            buffer={buffer}
            wrap={wrap}
            colors={colors}
            timestamps={options.timestamps}
            query={deferredQuery}
            activeSeq={activeSeq}
          />
        )}
        <div className="flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          <LogStreamLine status={status} follow={options.follow} onRetry={onRetry} />
          <span className="tabular-nums">{buffer.length.toLocaleString('en-US')} {buffer.length === 1 ? 'line' : 'lines'}</span>
        </div>
      </div>
    </div>
  );
}
