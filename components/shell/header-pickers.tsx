'use client';

import { namespaceRowsTarget } from '@/lib/contract/list-targets';
import type { NamespaceListRow } from '@/lib/k8s/namespace-row';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { useWatchedList } from '@/lib/client/use-watched-list';
import { ContextPicker } from './context-picker';
import { NamespacePicker } from './namespace-picker';

/** The header's Context and Namespace pickers, live from the cluster and kept in the URL. */
export function HeaderPickers() {
  const scope = useClusterScope();
  // Rows, not objects: the names are all it shows, and the namespaces page shares the subscription.
  const target = scope.context ? namespaceRowsTarget(scope.context.name) : null;
  const { data, state, error } = useWatchedList<NamespaceListRow>(target);
  const namespaces = (data?.items.toArray() ?? []).map((row) => row.name).filter(Boolean).sort();
  // The URL may name a namespace that is gone or not listed yet: keep it choosable.
  if (scope.namespace && scope.namespace !== '_all' && !namespaces.includes(scope.namespace)) namespaces.unshift(scope.namespace);
  return (
    <>
      <ContextPicker contexts={scope.contexts.map((c) => c.name)} value={scope.context?.name} onChange={scope.setContext} />
      <NamespacePicker namespaces={namespaces} value={scope.namespace} onChange={scope.setNamespace} unlisted={state === 'error' && error?.code === 403 ? error.message : undefined} />
    </>
  );
}
