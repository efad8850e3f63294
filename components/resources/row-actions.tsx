'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import { useRef } from 'react';
import { useReadOnly } from '@/components/shell/read-only';

/** One entry of a row's actions menu. */
export interface RowAction {
  /** The item's text, e.g. `Edit labels…` (an ellipsis when it opens a dialog). */
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A row's actions (all of them writes) behind one button ("Actions for kubia-manual"), so a row is one tab stop, not one per
 * action, and the pinned actions column stays narrow enough not to hide the columns it floats over.
 * Radix gives the menu its keyboard model (Enter/Space/ArrowDown open, arrows move, Escape closes).
 */
export function RowActionsMenu({ name, actions }: { name: string; actions: RowAction[] }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const chosen = useRef<RowAction | undefined>(undefined);
  if (useReadOnly()) return null;
  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while it stays focusable (axe
    // aria-hidden-focus), and a menu button needs no modality: Escape, Tab and a click outside close it.
    <Menu.Root modal={false}>
      <Menu.Trigger
        ref={trigger}
        aria-label={`Actions for ${name}`}
        className="inline-flex h-7 w-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 data-[state=open]:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[state=open]:bg-slate-800"
      >
        <span aria-hidden="true" className="text-base leading-none">⋯</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          // The action runs once focus is back on the trigger, so the dialog it opens returns focus there.
          onCloseAutoFocus={(event) => {
            const action = chosen.current;
            chosen.current = undefined;
            if (!action) return;
            event.preventDefault();
            trigger.current?.focus();
            action.onSelect();
          }}
          className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {actions.map((action) => (
            <Menu.Item
              key={action.label}
              onSelect={() => {
                chosen.current = action;
              }}
              className={`cursor-default rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800 ${action.danger ? 'text-rose-700 dark:text-rose-300' : ''}`}
            >
              {action.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** The actions every kind with metadata has: labels, annotations, delete. */
export function RowActions({ name, onLabels, onAnnotations, onDelete }: { name: string; onLabels: () => void; onAnnotations: () => void; onDelete: () => void }) {
  return (
    <RowActionsMenu
      name={name}
      actions={[
        { label: 'Edit labels…', onSelect: onLabels },
        { label: 'Edit annotations…', onSelect: onAnnotations },
        { label: 'Delete…', onSelect: onDelete, danger: true },
      ]}
    />
  );
}
