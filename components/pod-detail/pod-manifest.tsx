'use client';

import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { resourceQueryOptions } from '@/lib/client/get-resource';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { pods } from '@/lib/k8s/resources';
import type { Pod } from '@/lib/k8s/types';
import { CodeViewer } from '@/components/code/code-viewer';

/** The YAML and JSON tabs: the pod as the server returned it (with its apiVersion and kind, as kubectl prints it), and the `kubectl get -o` that shows the same. */
export function PodManifest({ context, pod: watched, format }: { context: string; pod: Pod; format: 'yaml' | 'json' }) {
  const name = watched.metadata?.name ?? 'pod';
  const namespace = watched.metadata?.namespace ?? '';
  // The live list keeps a lean pod (no managedFields, no last-applied annotation): the whole one is read
  // over HTTP, and read again when the watched pod's resourceVersion says it changed.
  const whole = useQuery(resourceQueryOptions<Pod>(context, pods, { namespace, name }));
  const { refetch } = whole;
  const stale = whole.data !== undefined && whole.data.metadata?.resourceVersion !== watched.metadata?.resourceVersion;
  useEffect(() => {
    if (stale) void refetch();
  }, [stale, refetch, watched.metadata?.resourceVersion]);
  const pod = whole.data ?? watched;
  return (
    <div className="space-y-2">
      <code className="block truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
        {kubectlCommand({ verb: 'get', resource: 'pod', names: [name], scope: namespace ? { namespace } : undefined, output: format })}
      </code>
      <CodeViewer object={pod} descriptor={pods} format={format} fileName={`${name}.${format}`} label={`Pod ${name} as ${format.toUpperCase()}`} />
    </div>
  );
}
