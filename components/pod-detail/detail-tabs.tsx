'use client';

import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The tabs of the pod page, as they appear in the URL. */
export const POD_DETAIL_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'yaml', label: 'YAML' },
  { id: 'json', label: 'JSON' },
  { id: 'logs', label: 'Logs' },
  { id: 'request', label: 'Request' },
  { id: 'shell', label: 'Shell' },
] as const;

export type PodDetailTab = (typeof POD_DETAIL_TABS)[number]['id'];

/** Narrows a URL value to a tab, falling back to Overview for anything unknown. */
export function parsePodDetailTab(value: string | null | undefined): PodDetailTab {
  return POD_DETAIL_TABS.find((tab) => tab.id === value)?.id ?? 'overview';
}

export interface DetailTabsProps {
  /** The selected tab, from the URL. */
  selected: PodDetailTab;
  onSelect: (tab: PodDetailTab) => void;
  /** The selected tab's content; only that panel is rendered. */
  children: ReactNode;
  /** Accessible name of the tab list. */
  label?: string;
  /** Tabs not offered (the Shell in a read-only console). */
  hidden?: readonly PodDetailTab[];
}

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move between tabs and select them,
 * the panel is labelled by its tab.
 */
export function DetailTabs({ selected, onSelect, children, label = 'Pod details', hidden = [] }: DetailTabsProps) {
  const tabs = useRef(new Map<PodDetailTab, HTMLButtonElement>());
  const shown = POD_DETAIL_TABS.filter((tab) => !hidden.includes(tab.id));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = shown.findIndex((tab) => tab.id === selected);
    const last = shown.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % shown.length
      : event.key === 'ArrowLeft' ? (index - 1 + shown.length) % shown.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const id = shown[next].id;
    tabs.current.get(id)?.focus();
    onSelect(id);
  };

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {shown.map((tab) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) tabs.current.set(tab.id, element);
                else tabs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`pod-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`pod-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                active
                  ? 'border-sky-600 text-sky-700 dark:border-sky-400 dark:text-sky-300'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100'
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`pod-panel-${selected}`} aria-labelledby={`pod-tab-${selected}`} tabIndex={0} className="pt-4 focus-visible:outline-offset-4">
        {children}
      </div>
    </div>
  );
}
