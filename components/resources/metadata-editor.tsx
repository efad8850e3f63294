'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { metadataChange, type MetadataEdits, type MetadataMap } from '@/lib/k8s/metadata-change';

export interface MetadataTarget {
  name: string;
  namespace?: string;
  values: Record<string, string>;
  resourceVersion?: string;
}

interface MetadataEditorProps {
  descriptor: Pick<ResourceDescriptor, 'singular'>;
  map: MetadataMap;
  targets: MetadataTarget[];
  /** Applies the edits; on failure `error` is the server's message, and the form keeps what was typed. */
  onApply: (edits: MetadataEdits) => void;
  pending: boolean;
  error?: string;
  onCancel: () => void;
}

interface Row {
  id: number;
  key: string;
  value: string;
}

let nextRowId = 0;
const emptyRow = (): Row => ({ id: nextRowId++, key: '', value: '' });

/** Add, change and remove labels or annotations, validated as the API server would before anything is sent. */
export function MetadataEditor({ descriptor, map, targets, onApply, pending, error, onCancel }: MetadataEditorProps) {
  const noun = map === 'labels' ? 'label' : 'annotation';
  const single = targets.length === 1 ? targets[0] : undefined;
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const [removed, setRemoved] = useState<Set<string>>(() => new Set());
  const [removeText, setRemoveText] = useState('');
  const [overwrite, setOverwrite] = useState(false);

  const edits: MetadataEdits = useMemo(() => {
    const set: Record<string, string> = {};
    for (const row of rows) if (row.key.trim()) set[row.key.trim()] = row.value;
    const remove = single ? [...removed] : removeText.split(',').map((k) => k.trim()).filter(Boolean);
    return { set, remove, overwrite };
  }, [rows, removed, removeText, overwrite, single]);

  const errors = useMemo(() => {
    const all = new Set<string>();
    for (const target of targets) {
      const change = metadataChange({ map, current: target.values, edits, resourceVersion: target.resourceVersion });
      if (!change.ok) for (const error of change.errors) all.add(targets.length > 1 ? `${target.name}: ${error}` : error);
    }
    return [...all];
  }, [targets, map, edits]);

  const nothing = Object.keys(edits.set).length === 0 && edits.remove.length === 0;
  const command = kubectlCommand({
    verb: map === 'labels' ? 'label' : 'annotate',
    resource: descriptor.singular,
    names: targets.map((t) => t.name),
    namespace: targets[0]?.namespace,
    set: edits.set,
    remove: edits.remove,
    overwrite: edits.overwrite,
    resourceVersion: single?.resourceVersion,
  });

  const updateRow = (id: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <form
      className="space-y-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!errors.length && !nothing && !pending) onApply(edits);
      }}
    >
      {single ? (
        <fieldset>
          <legend className="mb-2 font-medium">Current {map}</legend>
          {Object.keys(single.values).length === 0 ? <p className="text-slate-600 dark:text-slate-400">No {map}.</p> : null}
          <ul className="space-y-1">
            {Object.entries(single.values).map(([key, value]) => (
              // min-h-7: rows of 13 px checkboxes need 24 px between them (WCAG 2.5.8 target size).
              <li key={key} className="flex min-h-7 items-center gap-2">
                <code className={`min-w-0 flex-1 truncate font-mono text-xs ${removed.has(key) ? 'text-slate-600 dark:text-slate-400 line-through' : ''}`}>{`${key}=${value}`}</code>
                <label className="flex items-center gap-1 text-xs">
                  <input
                    type="checkbox"
                    aria-label={`Remove ${noun} ${key}`}
                    checked={removed.has(key)}
                    onChange={(event) =>
                      setRemoved((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(key);
                        else next.delete(key);
                        return next;
                      })
                    }
                  />
                  Remove
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <label className="block">
          <span className="mb-1 block font-medium">Keys to remove</span>
          <input
            aria-label={`${noun[0].toUpperCase()}${noun.slice(1)} keys to remove`}
            value={removeText}
            onChange={(event) => setRemoveText(event.target.value)}
            placeholder="key1,key2"
            className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700"
          />
        </label>
      )}

      <fieldset className="space-y-2">
        <legend className="mb-1 font-medium">Add or change</legend>
        {rows.map((row, index) => (
          <div key={row.id} className="flex items-center gap-2">
            <input aria-label={`Key ${index + 1}`} value={row.key} onChange={(event) => updateRow(row.id, { key: event.target.value })} placeholder="key" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700" />
            <span aria-hidden="true">=</span>
            <input aria-label={`Value ${index + 1}`} value={row.value} onChange={(event) => updateRow(row.id, { value: event.target.value })} placeholder="value" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700" />
            <Button variant="ghost" aria-label={`Delete row ${index + 1}`} onClick={() => setRows((current) => (current.length > 1 ? current.filter((r) => r.id !== row.id) : [emptyRow()]))}>
              ✕
            </Button>
          </div>
        ))}
        <Button variant="ghost" onClick={() => setRows((current) => [...current, emptyRow()])}>+ Add row</Button>
      </fieldset>

      <label className="flex items-center gap-2">
        <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
        Overwrite existing values (<code className="font-mono text-xs">--overwrite</code>)
      </label>

      {errors.length ? (
        <ul role="alert" aria-label="Problems" className="space-y-1 rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" aria-label="Server error" className="whitespace-pre-line rounded-md bg-rose-50 p-2 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">{error}</p>
      ) : null}

      <CommandLine command={command} />

      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" type="submit" disabled={pending || errors.length > 0 || nothing}>
          {pending ? 'Applying…' : 'Apply'}
        </Button>
      </div>
    </form>
  );
}
