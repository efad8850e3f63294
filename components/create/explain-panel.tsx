'use client';

import type { Explanation } from '@/lib/k8s/explain';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';

/** `kubectl explain <kind>.<path>` for the field under the cursor: type, required, description, sub-fields. */
export function ExplainPanel({ explanation, required }: { explanation?: Explanation; required?: boolean }) {
  if (!explanation) {
    return (
      <aside aria-label="Explain" className="text-sm text-slate-600 dark:text-slate-400">
        Put the cursor on a field to see what <code>kubectl explain</code> says about it.
      </aside>
    );
  }
  const path = `${explanation.kind.toLowerCase()}${explanation.field ? `.${explanation.field}` : ''}`;
  return (
    <aside aria-label="Explain" className="space-y-2 text-sm">
      <code className="block font-mono text-xs text-slate-600 dark:text-slate-400">{kubectlCommand({ verb: 'explain', path })}</code>
      <h2 className="font-mono font-semibold">
        {explanation.field || explanation.kind} <span className="text-slate-600 dark:text-slate-400">&lt;{explanation.type}&gt;</span>
        {required ? <span className="ml-1 text-xs text-rose-700 dark:text-rose-300">-required-</span> : null}
      </h2>
      <p className="whitespace-pre-wrap text-slate-700 dark:text-slate-300">{explanation.description}</p>
      {explanation.fields.length > 0 ? (
        <dl className="max-h-80 space-y-1 overflow-auto border-t border-slate-200 pt-2 dark:border-slate-800">
          {explanation.fields.map((f) => (
            <div key={f.name}>
              <dt className="font-mono text-xs">
                {f.name} <span className="text-slate-600 dark:text-slate-400">&lt;{f.type}&gt;</span>
                {f.required ? <span className="ml-1 text-rose-700 dark:text-rose-300">-required-</span> : null}
              </dt>
              <dd className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">{f.description}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </aside>
  );
}
