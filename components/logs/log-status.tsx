import type { LogEndReason } from '@/lib/contract/logs';
import type { LogStreamStatus } from './log-types';

/** Why the log ended, in words, and what the reader can do next. */
const END_TEXT: Record<LogEndReason, string> = {
  complete: 'End of log. Turn on Follow to keep reading new lines.',
  'container-stopped': 'The container stopped, so the log ended.',
  'pod-deleted': 'The pod was deleted, so the log ended.',
  unsubscribed: 'Stopped reading the log.',
  'upstream-closed': 'The API server closed the stream while the container still runs.',
};

/** The stream's state in one line, with a retry where one helps. */
export function LogStreamLine({ status, follow, onRetry }: { status: LogStreamStatus; follow: boolean; onRetry?: () => void }) {
  const retry = onRetry ? (
    <button type="button" onClick={onRetry} className="ml-2 font-medium text-sky-700 underline hover:no-underline dark:text-sky-300">
      Reconnect
    </button>
  ) : null;
  switch (status.state) {
    case 'idle':
      return <span>Not reading: pick a container.</span>;
    case 'connecting':
      return <span>Connecting to the log…</span>;
    case 'streaming':
      return (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2 rounded-full bg-emerald-500 ${follow ? 'animate-pulse' : ''}`} />
          {follow ? 'Following the log' : 'Reading the log'}
        </span>
      );
    case 'ended':
      return (
        <span>
          {END_TEXT[status.reason]}
          {status.reason === 'upstream-closed' ? retry : null}
        </span>
      );
    case 'error':
      return null;
  }
}

/** The server's Status, verbatim, with a hint for the failures people meet most. */
export function LogErrorBanner({ status, previous, onRetry }: { status: Extract<LogStreamStatus, { state: 'error' }>['status']; previous: boolean; onRetry?: () => void }) {
  const hint =
    previous && status.code === 400
      ? 'There may be no previous instance of this container: turn off Previous.'
      : status.code === 403
        ? 'Your account may not read pod logs here (pods/log, get).'
        : status.code === 404
          ? 'The pod or container no longer exists.'
          : 'Check the container is running, then reconnect.';
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-200">
      <p className="font-medium">
        Could not read the log{status.code ? ` (${status.code}${status.reason ? ` ${status.reason}` : ''})` : ''}
      </p>
      <p className="mt-0.5 font-mono text-xs break-words">{status.message ?? 'The server gave no message.'}</p>
      <p className="mt-1 text-xs">
        {hint}
        {onRetry ? (
          <button type="button" onClick={onRetry} className="ml-2 font-medium underline hover:no-underline">
            Retry
          </button>
        ) : null}
      </p>
    </div>
  );
}

/** The notice that the ring buffer dropped lines: never silently. */
export function DroppedNotice({ dropped, capacity }: { dropped: number; capacity: number }) {
  if (dropped <= 0) return null;
  return (
    <p role="status" className="border-b border-amber-200 bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
      {dropped.toLocaleString('en-US')} earlier {dropped === 1 ? 'line' : 'lines'} dropped: this view keeps the newest {capacity.toLocaleString('en-US')} lines. Download
      saves only these; use the kubectl command for the whole log.
    </p>
  );
}

/**
 * The notice that `--tail` may have left out the start of the log: the API does not say how long the log
 * is, so once as many lines as the tail were read, the numbers may count from a later line than the log's
 * first.
 */
export function TailNotice({ tailLines, read }: { tailLines?: number; read: number }) {
  if (tailLines === undefined || read < tailLines) return null;
  return (
    <p role="status" className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
      Read with --tail={tailLines}: if the log is longer, its earlier lines were not read, and line numbers count from the first line read. Choose All to
      number from the start of the log.
    </p>
  );
}

/** What an empty log area says, depending on where the stream is. */
export function EmptyLogMessage({ status }: { status: LogStreamStatus }) {
  const text =
    status.state === 'idle'
      ? 'Pick a container to read its log.'
      : status.state === 'connecting'
        ? 'Connecting to the log…'
        : status.state === 'streaming'
          ? 'No lines yet: the container has not written anything. New lines appear here as they are written.'
          : status.state === 'ended'
            ? 'The log is empty.'
            : 'No lines were read.';
  return <p className="px-4 py-8 text-center text-sm text-slate-600 dark:text-slate-400">{text}</p>;
}
