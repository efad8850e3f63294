'use client';

import Link from 'next/link';
import type { CreateManifestsResponse, ManifestResult } from '@/lib/contract/manifests';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import type { ManifestProblem } from '@/lib/k8s/manifest-validation';
import { lineColumn } from '@/lib/k8s/manifest-documents';
import { CommandLine } from '@/components/ui/command-line';

/** The editor's problems, each a button that moves the cursor to it. */
export function ProblemsList({ text, problems, onSelect, ready }: { text: string; problems: readonly ManifestProblem[]; onSelect: (offset: number) => void; ready: boolean }) {
  return (
    <section aria-labelledby="problems-heading" className="space-y-1">
      <h2 id="problems-heading" className="text-sm font-semibold">
        Problems <span className="font-normal text-slate-600 dark:text-slate-400">({problems.length}){ready ? '' : ' · loading the cluster’s schemas…'}</span>
      </h2>
      <ul aria-label="Problems" className="max-h-48 space-y-0.5 overflow-auto text-sm" data-validation={ready ? 'ready' : 'pending'}>
        {problems.map((p, i) => {
          const { line, column } = lineColumn(text, p.from);
          return (
            <li key={`${p.from}-${i}`}>
              <button type="button" onClick={() => onSelect(p.from)} className="w-full rounded px-1 text-left font-mono text-xs text-rose-800 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950">
                <span className="text-slate-600 dark:text-slate-400">Ln {line}, Col {column}:</span> {p.message}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const OUTCOME_WORDS: Record<ManifestResult['outcome'], string> = { created: 'created', valid: 'valid (not created)', deferred: 'to be checked after its namespace', failed: 'failed' };

/** A created object's page in the console, when it has one. */
function objectHref(result: ManifestResult, context: string): string | undefined {
  const query = `?context=${encodeURIComponent(context)}`;
  if (result.outcome !== 'created' || !result.name) return undefined;
  if (result.kind === 'Pod' && result.apiVersion === 'v1' && result.namespace) return `/pods/${encodeURIComponent(result.namespace)}/${encodeURIComponent(result.name)}${query}`;
  if (result.kind === 'Namespace' && result.apiVersion === 'v1') return `/pods${query}&namespace=${encodeURIComponent(result.name)}`;
  return undefined;
}

/** Per document: what happened, a link to what was made, the server's message in full. */
export function ManifestResults({ response, context, namespace, fileName }: { response: CreateManifestsResponse; context: string; namespace?: string; fileName: string }) {
  const command = kubectlCommand({ verb: 'create', file: fileName, namespace: namespace || undefined, dryRun: response.dryRun });
  return (
    <section aria-label="Results" className="space-y-2 text-sm">
      <p role="status" className={response.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}>
        {response.dryRun ? (response.ok ? 'Dry run passed: nothing was created.' : 'Dry run failed: nothing was created.') : response.ok ? 'Created.' : 'Not everything was created.'}
      </p>
      <CommandLine command={command} />
      <ul className="space-y-1">
        {response.results.map((r) => {
          const href = objectHref(r, context);
          const title = `${r.kind ?? 'document'}${r.name ? ` ${r.name}` : ''}${r.namespace ? ` in ${r.namespace}` : ''}`;
          return (
            <li key={r.index} className="rounded border border-slate-200 px-2 py-1 dark:border-slate-800">
              <span className="font-medium">Document {r.index + 1}: </span>
              {href ? <Link href={href} className="text-sky-700 hover:underline dark:text-sky-300">{title}</Link> : title}{' '}
              <span className={r.outcome === 'failed' ? 'text-rose-700 dark:text-rose-300' : 'text-emerald-700 dark:text-emerald-300'}>{OUTCOME_WORDS[r.outcome]}</span>
              {r.note ? <p className="text-xs text-slate-600 dark:text-slate-400">{r.note}</p> : null}
              {r.status?.message ? <pre className="mt-1 whitespace-pre-wrap font-mono text-xs text-rose-800 dark:text-rose-300">{r.status.reason ? `${r.status.reason}: ` : ''}{r.status.message}</pre> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
