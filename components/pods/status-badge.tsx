import { statusTone, type StatusTone } from '@/lib/k8s/pod-list-row';

const TONES: Record<StatusTone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30',
  done: 'bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/30',
  progress: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-400/30',
  warning: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30',
  error: 'bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-300 dark:ring-rose-400/30',
};

/** A STATUS value as kubectl prints it; the colour only repeats what the text says (a pod's tone unless told). */
export function StatusBadge({ status, tone = statusTone(status) }: { status: string; tone?: StatusTone }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{status}</span>;
}
