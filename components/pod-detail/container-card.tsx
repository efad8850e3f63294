import type { DescribeContainer } from '@/lib/k8s/describe-pod-model';
import { StatusBadge } from '@/components/pods/status-badge';
import { DescribeRows } from './describe-rows';

/** One container of the describe output: name and state at a glance, then kubectl's rows. */
export function ContainerCard({ container, kind }: { container: DescribeContainer; kind: string }) {
  const badge = container.reason || container.state;
  return (
    <section aria-label={`${kind} ${container.name}`} className="rounded-md border border-slate-200 dark:border-slate-800">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
        <h4 className="font-mono text-sm font-semibold">{container.name}</h4>
        {badge ? <StatusBadge status={badge} /> : <span className="text-xs text-slate-600 dark:text-slate-400">No status reported yet</span>}
        {container.ready !== undefined ? (
          <span className={`text-xs ${container.ready ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-600 dark:text-slate-400'}`}>
            {container.ready ? 'Ready' : 'Not ready'}
          </span>
        ) : null}
        {container.restartCount ? (
          <span className="text-xs text-amber-700 dark:text-amber-300">
            {container.restartCount} {container.restartCount === 1 ? 'restart' : 'restarts'}
          </span>
        ) : null}
      </header>
      <DescribeRows rows={container.rows} className="p-3" />
    </section>
  );
}
