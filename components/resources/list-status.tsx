import type { ReactNode } from 'react';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import type { ApiError } from '@/lib/client/api-fetch';
import type { OfflineList, WatchedListState } from '@/lib/client/use-watched-list';
import { EmptyState } from '@/components/ui/empty-state';
import { ChannelDown } from './channel-down';

type Noun = Pick<ResourceDescriptor, 'resource' | 'singular' | 'namespaced'>;

interface ListStatusProps {
  descriptor: Noun;
  state: WatchedListState;
  error?: ApiError;
  /** Why the rows are not what the filter boxes say (a selector that does not parse): they are dimmed and inert. */
  invalidSelector?: string;
  /** Set while the live channel is down (the rows, if any, were fetched once). */
  offline?: OfflineList;
  children?: ReactNode;
}

/** The banner or panel for a list that is not simply showing rows: loading, failed, forbidden, reconnecting, unfiltered. */
export function ListStatus(props: ListStatusProps) {
  const { descriptor, offline } = props;
  if (!offline) return <ListState {...props} />;
  return (
    <>
      <ChannelDown noun={descriptor.resource} offline={offline} />
      {/* The banner says why the list failed (no channel, nor HTTP): no second error panel. */}
      {props.state === 'error' ? null : <ListState {...props} />}
    </>
  );
}

function ListState({ descriptor, state, error, invalidSelector, children }: ListStatusProps) {
  const noun = descriptor.resource;
  if (state === 'connecting') {
    return (
      <p role="status" className="py-10 text-center text-sm text-slate-600 dark:text-slate-400">
        Loading {noun}…
      </p>
    );
  }
  if (state === 'error') {
    const forbidden = error?.code === 403;
    return (
      <section role="alert" aria-label={forbidden ? 'Forbidden' : 'Error'} className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        <h2 className="font-medium">{forbidden ? `You may not list ${noun} here` : `The ${noun} could not be listed`}</h2>
        <p className="mt-1 font-mono text-xs">{error?.message ?? 'Unknown error'}</p>
        <p className="mt-2 text-xs">
          {forbidden
            ? `Ask a cluster admin for access${descriptor.namespaced ? ', or pick another context or namespace' : ', or pick another context'}.`
            : 'Check that the cluster is reachable; the list retries on its own.'}
        </p>
      </section>
    );
  }
  return (
    <>
      {state === 'syncing' ? (
        <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
          Loading more {noun}: the list grows as the cluster sends them…
        </p>
      ) : null}
      {state === 'reconnecting' ? (
        <p role="status" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Reconnecting to the cluster{error ? ` (${error.message})` : ''}… the list below may be out of date.
        </p>
      ) : null}
      {invalidSelector ? (
        <>
          <p role="status" aria-label="Selector not applied" className="mb-2 rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
            {invalidSelector}. Until it is fixed, nothing uses it: the dimmed {noun} below are those of the last valid selector, and the actions that use the selector are off.
          </p>
          <div inert className="select-none opacity-40">{children}</div>
        </>
      ) : (
        children
      )}
    </>
  );
}

/** An empty list, in kubectl's words, or an offer to clear the selectors that emptied it. */
export function NoResources({ descriptor, namespace, filtered, onClear, children }: { descriptor: Noun; namespace?: string; filtered: boolean; onClear: () => void; children?: ReactNode }) {
  const noun = descriptor.resource;
  if (filtered) {
    return (
      <EmptyState title={`No ${noun} match`}>
        <p>No {descriptor.singular} matches the selectors.</p>
        <button type="button" onClick={onClear} className="mt-2 text-sky-700 hover:underline dark:text-sky-300">
          Clear the selectors
        </button>
      </EmptyState>
    );
  }
  const scoped = descriptor.namespaced && namespace && namespace !== '_all';
  return (
    <EmptyState title={`No ${noun}`}>
      <p>{scoped ? `No resources found in ${namespace} namespace.` : 'No resources found.'}</p>
      {children ?? <p className="mt-1">Create one from a manifest on the Create page.</p>}
    </EmptyState>
  );
}

/** No context to work in: the reason, or how the console came to have none. */
export function NoCluster({ error }: { error?: Error }) {
  return (
    <EmptyState title="No cluster connected">
      {error ? error.message : 'No kubeconfig context was found and the embedded cluster is turned off (PILOTHOUSE_EMBEDDED=false).'}
    </EmptyState>
  );
}
