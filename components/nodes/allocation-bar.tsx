import type { NodeAllocation } from '@/lib/k8s/node-list-row';
import { compactResourceAmount, percentOf } from '@/lib/k8s/resource-amount-format';

/**
 * What the pods on a node request of one resource against its allocatable, as a bar and as numbers
 * (`750m / 1930m (38%)`, `70Mi / 2.7Gi (2%)`): the "Allocated resources" of `kubectl describe node`, in a table cell.
 */
export function AllocationBar({ resource, allocation }: { resource: string; allocation: NodeAllocation }) {
  const percent = percentOf(allocation.requested, allocation.allocatable);
  const text = `${compactResourceAmount(resource, allocation.requested)} / ${compactResourceAmount(resource, allocation.allocatable)} (${percent}%)`;
  const tone = percent >= 90 ? 'bg-rose-500' : percent >= 70 ? 'bg-amber-500' : 'bg-sky-500';
  return (
    <div className="flex min-w-28 flex-col gap-0.5">
      <div role="meter" aria-label={`${resource} requested`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(percent, 100)} aria-valuetext={text} className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(percent, 100)}%` }} />
      </div>
      <span className="font-mono text-[11px] text-slate-600 dark:text-slate-400">{text}</span>
    </div>
  );
}
