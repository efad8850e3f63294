'use client';

import { useCallback, useEffect, useState } from 'react';
import { splitColumns, type ListView } from '@/lib/contract/list-view';
import { parseFieldSelector } from '@/lib/k8s/field-selector';
import type { LabelIndex } from '@/lib/k8s/selector-suggestions';
import { Button } from '@/components/ui/button';
import { useDraft } from '@/components/ui/use-draft';
import { SelectorBar } from './selector-bar';

interface ListToolbarProps<S extends string> {
  view: ListView<S>;
  onChange: (changes: Partial<ListView<S>>) => void;
  labelIndex: LabelIndex;
  matched: number;
  total: number;
  /** An example for the field selector box, in the kind's own fields. */
  fieldExample: string;
  onCopyLink: () => void;
  onCopyCommand: () => void;
  copied?: 'link' | 'command';
  /** Why the view's selectors cannot be shared or acted on now (the text in a box does not parse). */
  selectorProblem?: string;
  /** Told what is wrong with the text of the label or the field selector box, `undefined` once it parses. */
  onSelectorProblem: (box: SelectorBox, message: string | undefined) => void;
}

export type SelectorBox = 'label' | 'field';

/** The filter bar, the field selector, the label display options, and the share buttons of a list page. */
export function ListToolbar<S extends string>(props: ListToolbarProps<S>) {
  const { view, onChange, labelIndex, matched, total, fieldExample, onCopyLink, onCopyCommand, copied, selectorProblem, onSelectorProblem } = props;
  const [fieldOpen, setFieldOpen] = useState(view.fieldSelector !== '');
  const [fieldText, typeField] = useDraft({ value: view.fieldSelector, onValue: (fieldSelector) => onChange({ fieldSelector }), isValid: (text) => parseFieldSelector(text).ok });
  const [columnsText, typeColumns] = useDraft({
    value: view.labelColumns.join(','),
    onValue: (columns) => onChange({ labelColumns: splitColumns(columns) }),
    normalize: (text) => splitColumns(text).join(','),
  });
  const fieldParsed = parseFieldSelector(fieldText);
  const fieldProblem = fieldParsed.ok ? undefined : fieldParsed.message;
  useEffect(() => onSelectorProblem('field', fieldProblem), [fieldProblem, onSelectorProblem]);
  const labelProblem = useCallback((message: string | undefined) => onSelectorProblem('label', message), [onSelectorProblem]);

  return (
    <div className="mb-3 space-y-2">
      <div className="flex items-start gap-2">
        <SelectorBar value={view.labelSelector} onChange={(labelSelector) => onChange({ labelSelector })} labelIndex={labelIndex} matched={matched} total={total} countStale={Boolean(fieldProblem)} onProblem={labelProblem} />
        <Button variant="ghost" aria-expanded={fieldOpen} aria-controls="field-selector" onClick={() => setFieldOpen(!fieldOpen)}>
          Field selector {fieldOpen ? '▴' : '▾'}
        </Button>
      </div>
      {fieldOpen ? (
        <div id="field-selector">
          <input
            aria-label="Field selector"
            aria-invalid={!fieldParsed.ok || undefined}
            aria-describedby={!fieldParsed.ok ? 'field-selector-error' : undefined}
            value={fieldText}
            placeholder={`e.g. ${fieldExample}`}
            spellCheck={false}
            onChange={(event) => typeField(event.target.value)}
            className="w-full rounded-md border border-slate-300 bg-transparent px-3 py-1.5 font-mono text-sm aria-invalid:border-rose-500 dark:border-slate-700"
          />
          {!fieldParsed.ok ? (
            <p id="field-selector-error" role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{fieldParsed.message}</p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" role="switch" aria-checked={view.showLabels} checked={view.showLabels} onChange={(event) => onChange({ showLabels: event.target.checked })} />
          Show labels
        </label>
        <label className="flex items-center gap-2">
          Label columns
          <input
            aria-label="Label columns"
            value={columnsText}
            placeholder="e.g. creation_method,env"
            spellCheck={false}
            onChange={(event) => typeColumns(event.target.value)}
            className="w-56 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700"
          />
        </label>
        <div className="ml-auto flex gap-2">
          <Button onClick={onCopyLink} disabledReason={selectorProblem}>{copied === 'link' ? 'Link copied' : 'Copy link'}</Button>
          <Button onClick={onCopyCommand} disabledReason={selectorProblem}>{copied === 'command' ? 'Command copied' : 'Copy as kubectl'}</Button>
        </div>
      </div>
    </div>
  );
}
