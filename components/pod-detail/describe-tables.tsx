import type { ReactNode } from 'react';
import type { DescribeCondition, DescribeEvent } from '@/lib/k8s/describe-pod-model';

const th = 'px-3 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-1.5 align-top';

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table aria-label={label} className="w-full border-collapse text-sm">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {head.map((name) => (
              <th key={name} scope="col" className={th}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** kubectl's Type/Status columns, with the reason, message and age kubectl leaves to `-o yaml`. */
export function ConditionsTable({ conditions }: { conditions: DescribeCondition[] }) {
  if (conditions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No conditions reported yet: the pod has not been scheduled.</p>;
  return (
    <Table label="Conditions" head={['Type', 'Status', 'Reason', 'Message', 'Last transition']}>
      {conditions.map((c) => (
        <tr key={c.type} className="border-t border-slate-100 dark:border-slate-800/70">
          <td className={`${td} font-medium`}>{c.type}</td>
          <td className={`${td} ${c.status === 'True' ? 'text-emerald-700 dark:text-emerald-300' : c.status === 'False' ? 'text-rose-700 dark:text-rose-300' : ''}`}>{c.status}</td>
          <td className={td}>{c.reason ?? ''}</td>
          <td className={`${td} break-words text-slate-600 dark:text-slate-400`}>{c.message ?? ''}</td>
          <td className={`${td} tabular-nums`}>{c.lastTransition ? `${c.lastTransition} ago` : ''}</td>
        </tr>
      ))}
    </Table>
  );
}

/** `Type Reason Age From Message`, oldest first as kubectl prints it; warnings stand out. */
export function EventsTable({ events, state = 'ready' }: { events: DescribeEvent[]; state?: 'loading' | 'ready' | 'error' }) {
  if (state === 'loading') return <p className="text-sm text-slate-600 dark:text-slate-400">Loading events…</p>;
  if (state === 'error') return <p className="text-sm text-rose-700 dark:text-rose-300">Could not load events for this pod. They may not be readable with your access (events, list).</p>;
  if (events.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No events. The API server keeps events for one hour by default, so an older, quiet pod has none.
      </p>
    );
  }
  return (
    <Table label="Events" head={['Type', 'Reason', 'Age', 'From', 'Message']}>
      {events.map((e) => (
        <tr key={e.key} className={`border-t border-slate-100 dark:border-slate-800/70 ${e.type === 'Warning' ? 'bg-amber-50/70 dark:bg-amber-950/30' : ''}`}>
          <td className={`${td} ${e.type === 'Warning' ? 'font-medium text-amber-800 dark:text-amber-300' : ''}`}>{e.type}</td>
          <td className={`${td} font-medium`}>{e.reason}</td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{e.age}</td>
          <td className={`${td} text-slate-600 dark:text-slate-400`}>{e.from}</td>
          <td className={`${td} break-words`}>{e.message}</td>
        </tr>
      ))}
    </Table>
  );
}
