'use client';

import { useMemo, useState } from 'react';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { withTypeMeta } from '@/lib/k8s/type-meta';
import { renderDocument, type DocumentFormat } from '@/lib/k8s/yaml-sections';
import { CopyButton } from './copy-button';
import { downloadText } from './clipboard';
import { highlightLines, type Token, type TokenKind } from './highlight';

export interface CodeViewerProps {
  /** The object as the server returned it (a list item lacks apiVersion and kind: set from `descriptor`). */
  object: object;
  /** The object's kind, whose apiVersion and kind the shown, copied and downloaded text carries. */
  descriptor: Pick<ResourceDescriptor, 'group' | 'version' | 'kind'>;
  format: DocumentFormat;
  /** File name for Download, e.g. `kubia.yaml`. */
  fileName: string;
  /** Accessible name of the code region, e.g. `Pod kubia as YAML`. */
  label: string;
}

const TOKEN_CLASS: Record<TokenKind, string> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-700 dark:text-amber-300',
  literal: 'text-fuchsia-700 dark:text-fuchsia-300',
  punct: 'text-slate-600 dark:text-slate-400',
  comment: 'italic text-slate-600 dark:text-slate-400',
  indicator: 'text-fuchsia-700 dark:text-fuchsia-300',
  plain: '',
};

/** The band colour of a top-level field, so metadata, spec and status are told apart at a glance. */
const SECTION_BAND: Record<string, string> = {
  metadata: 'border-l-sky-500 bg-sky-50/60 dark:border-l-sky-400 dark:bg-sky-950/30',
  spec: 'border-l-violet-500 bg-violet-50/60 dark:border-l-violet-400 dark:bg-violet-950/30',
  status: 'border-l-emerald-500 bg-emerald-50/60 dark:border-l-emerald-400 dark:bg-emerald-950/30',
};
const DEFAULT_BAND = 'border-l-slate-300 dark:border-l-slate-600';

function Line({ number, tokens }: { number: number; tokens: Token[] }) {
  return (
    <div className="flex">
      <span aria-hidden="true" className="w-12 shrink-0 select-none pr-3 text-right text-slate-600 dark:text-slate-400">
        {number}
      </span>
      <span className="whitespace-pre">
        {tokens.map((token, i) => (
          <span key={i} className={TOKEN_CLASS[token.kind]}>
            {token.text}
          </span>
        ))}
      </span>
    </div>
  );
}

/**
 * An object as highlighted YAML or JSON, each top-level field (metadata, spec, status…) in its own
 * coloured band that folds, with Copy and Download of the full text.
 */
export function CodeViewer({ object, descriptor, format, fileName, label }: CodeViewerProps) {
  const [showManagedFields, setShowManagedFields] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const doc = useMemo(
    () => renderDocument(withTypeMeta(descriptor, object), format, { omitManagedFields: !showManagedFields }),
    [descriptor, object, format, showManagedFields],
  );
  const tokens = useMemo(() => highlightLines(doc.lines, format), [doc, format]);

  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const lineRange = (start: number, end: number) =>
    tokens.slice(start, end).map((line, i) => <Line key={start + i} number={start + i + 1} tokens={line} />);
  const firstSection = doc.sections[0]?.start ?? doc.lines.length;
  const lastSection = doc.sections.at(-1)?.end ?? doc.lines.length;

  return (
    <div className="rounded-md border border-slate-200 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">{format}</span>
        <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
          <input type="checkbox" checked={showManagedFields} onChange={(event) => setShowManagedFields(event.target.checked)} />
          Managed fields
        </label>
        <span className="text-xs text-slate-600 dark:text-slate-400">{doc.lines.length} lines</span>
        <div className="ml-auto flex gap-2">
          <CopyButton text={doc.text} />
          <button
            type="button"
            onClick={() => downloadText({ fileName, text: doc.text, type: format === 'json' ? 'application/json' : 'application/yaml' })}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Download
          </button>
        </div>
      </div>
      <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto py-2 font-mono text-xs leading-5">
        {firstSection > 0 ? <div className="border-l-4 border-transparent pl-4">{lineRange(0, firstSection)}</div> : null}
        {doc.sections.map((section) => {
          const isCollapsed = collapsed.has(section.key);
          const hidden = section.end - section.start - 1;
          return (
            <section key={section.key} aria-label={section.key} className={`border-l-4 ${SECTION_BAND[section.key] ?? DEFAULT_BAND}`}>
              <div className="flex">
                <button
                  type="button"
                  aria-expanded={!isCollapsed}
                  aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${section.key}`}
                  disabled={hidden === 0}
                  onClick={() => toggle(section.key)}
                  className="w-4 shrink-0 select-none text-slate-600 dark:text-slate-400 hover:text-slate-700 disabled:invisible dark:hover:text-slate-200"
                >
                  {isCollapsed ? '▸' : '▾'}
                </button>
                <div className="min-w-0 flex-1">
                  {lineRange(section.start, section.start + 1)}
                </div>
              </div>
              {isCollapsed ? (
                <div className="pl-16 text-slate-600 italic dark:text-slate-400">… {hidden} lines folded</div>
              ) : (
                <div className="pl-4">{lineRange(section.start + 1, section.end)}</div>
              )}
            </section>
          );
        })}
        {lastSection < doc.lines.length ? <div className="border-l-4 border-transparent pl-4">{lineRange(lastSection, doc.lines.length)}</div> : null}
      </div>
    </div>
  );
}
