import type { ReactNode } from 'react';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import type { ApiError } from '@/lib/client/api-fetch';
import type { WatchedListState } from '@/lib/client/use-watched-list';
import { EmptyState } from '@/components/ui/empty-state';

type Noun = Pick<ResourceDescriptor, 'resource' | 'singular' | 'namespaced'>;

/** The banner or panel for a list that is not simply showing rows: loading, failed, forbidden, reconnecting. */
export function ListStatus({ descriptor, state, error, children }: { descriptor: Noun; state: WatchedListState; error?: ApiError; children?: ReactNode }) {
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
      {state === 'reconnecting' ? (
        <p role="status" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Reconnecting to the cluster{error ? ` (${error.message})` : ''}… the list below may be out of date.
        </p>
      ) : null}
      {children}
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
