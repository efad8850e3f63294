'use client';

import type { ReactNode } from 'react';
import { Select } from '@/components/ui/select';
import type { LogContainer, LogViewOptions } from './log-types';

/** The `--tail` choices; `all` reads the whole log. */
const TAIL_CHOICES = ['all', '100', '1000', '10000'] as const;

export interface LogOptionsBarProps {
  containers: LogContainer[];
  options: LogViewOptions;
  onOptionsChange: (options: LogViewOptions) => void;
  wrap: boolean;
  onWrapChange: (wrap: boolean) => void;
  colors: boolean;
  onColorsChange: (colors: boolean) => void;
  /** False when the container never restarted, so there is no previous instance to read. */
  canShowPrevious: boolean;
}

function Check({ label, checked, onChange, disabled, title }: { label: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; title?: string }) {
  return (
    <label title={title} className={`flex items-center gap-1.5 text-xs ${disabled ? 'text-slate-400 dark:text-slate-600' : 'text-slate-700 dark:text-slate-300'}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

function ContainerOptions({ containers }: { containers: LogContainer[] }): ReactNode {
  const groups: [string, LogContainer[]][] = [
    ['Init containers', containers.filter((c) => c.kind === 'init')],
    ['Containers', containers.filter((c) => !c.kind || c.kind === 'app')],
    ['Ephemeral containers', containers.filter((c) => c.kind === 'ephemeral')],
  ];
  const nonEmpty = groups.filter(([, list]) => list.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0][1].map((c) => <option key={c.name} value={c.name}>{c.name}</option>);
  return nonEmpty.map(([label, list]) => (
    <optgroup key={label} label={label}>
      {list.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
    </optgroup>
  ));
}

/** The options of a log subscription (container, follow, tail, timestamps, previous) and view toggles. */
export function LogOptionsBar(props: LogOptionsBarProps) {
  const { containers, options, onOptionsChange, wrap, onWrapChange, colors, onColorsChange, canShowPrevious } = props;
  const set = (patch: Partial<LogViewOptions>) => onOptionsChange({ ...options, ...patch });
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Select label="Container" value={options.container ?? ''} disabled={containers.length === 0} onChange={(event) => set({ container: event.target.value })}>
        {containers.length === 0 ? <option value="">No containers</option> : <ContainerOptions containers={containers} />}
      </Select>
      <Select
        label="Tail lines"
        value={options.tailLines === undefined ? 'all' : String(options.tailLines)}
        onChange={(event) => set({ tailLines: event.target.value === 'all' ? undefined : Number(event.target.value) })}
      >
        {TAIL_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'all' ? 'All' : `Last ${Number(choice).toLocaleString('en-US')}`}
          </option>
        ))}
        {options.tailLines !== undefined && !TAIL_CHOICES.includes(String(options.tailLines) as (typeof TAIL_CHOICES)[number]) ? (
          <option value={String(options.tailLines)}>Last {options.tailLines}</option>
        ) : null}
      </Select>
      <Check label="Follow" checked={options.follow} onChange={(follow) => set({ follow })} />
      <Check label="Timestamps" checked={options.timestamps} onChange={(timestamps) => set({ timestamps })} />
      <Check
        label="Previous"
        checked={options.previous}
        disabled={!canShowPrevious && !options.previous}
        title={canShowPrevious ? 'The log of the previous, terminated instance of this container' : 'This container has not restarted: there is no previous instance'}
        onChange={(previous) => set({ previous })}
      />
      <Check label="Wrap lines" checked={wrap} onChange={onWrapChange} />
      <Check label="Colours" checked={colors} onChange={onColorsChange} title="Show ANSI colours; off strips them" />
    </div>
  );
}
