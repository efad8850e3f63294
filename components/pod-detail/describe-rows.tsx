import type { DescribeRow } from '@/lib/k8s/describe-pod-model';

/** A row's value as text lines; `<none>` and the like stay muted so real values stand out. */
function Value({ value }: { value: DescribeRow['value'] }) {
  const lines = typeof value === 'string' ? [value] : value;
  if (lines.length === 1 && lines[0] === '') return null;
  return (
    <div className="min-w-0">
      {lines.map((line, i) => (
        <div key={i} className={`whitespace-pre-wrap break-words ${/^<[a-z ]+>$/.test(line) ? 'text-slate-600 dark:text-slate-400' : ''}`}>
          {line}
        </div>
      ))}
    </div>
  );
}

/**
 * `Label: value` rows as a definition list, nested rows indented under their parent, as kubectl
 * indents them. Values are text: labels and annotations are never interpreted.
 */
export function DescribeRows({ rows, className = '' }: { rows: DescribeRow[]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-6 gap-y-1 text-sm ${className}`}>
      {rows.map((row, i) => (
        <div key={`${row.label}-${i}`} className="col-span-2 grid grid-cols-subgrid">
          <dt className="text-slate-600 dark:text-slate-400">{row.label}</dt>
          <dd className="min-w-0 font-mono text-xs leading-5 text-slate-900 dark:text-slate-100">
            <Value value={row.value} />
            {row.children?.length ? <DescribeRows rows={row.children} className="mt-1 border-l border-slate-200 pl-3 font-sans dark:border-slate-700" /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
