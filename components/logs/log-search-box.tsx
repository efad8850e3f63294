'use client';

export interface LogSearchBoxProps {
  query: string;
  onQueryChange: (query: string) => void;
  matchCount: number;
  lineCount: number;
  /** 1-based position of the current match line, when one is selected. */
  position?: number;
  /** True while the counts are still those of an earlier query (the search runs as a deferred render). */
  searching?: boolean;
  onNext: () => void;
  onPrevious: () => void;
}

const navButton =
  'rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';

/** Search over the held lines: a count of matches, Enter / Shift+Enter to step through them. */
export function LogSearchBox({ query, onQueryChange, matchCount, lineCount, position, searching = false, onNext, onPrevious }: LogSearchBoxProps) {
  const summary = !query
    ? ''
    : searching
      ? 'Searching…'
    : matchCount === 0
      ? 'No matches'
      : `${position ? `${position} of ${lineCount.toLocaleString('en-US')} ${lineCount === 1 ? 'line' : 'lines'} · ` : ''}${matchCount.toLocaleString('en-US')} ${matchCount === 1 ? 'match' : 'matches'}${position ? '' : ` in ${lineCount.toLocaleString('en-US')} ${lineCount === 1 ? 'line' : 'lines'}`}`;
  return (
    <div className="flex items-center gap-2">
      <input
        type="search"
        aria-label="Search logs"
        placeholder="Search logs"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (event.shiftKey) onPrevious();
          else onNext();
        }}
        className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500"
      />
      <button type="button" aria-label="Previous match" disabled={lineCount === 0} onClick={onPrevious} className={navButton}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={lineCount === 0} onClick={onNext} className={navButton}>
        ↓
      </button>
      <span role="status" className="min-w-28 text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {summary}
      </span>
    </div>
  );
}
