'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import type { ResourceType } from '@/lib/k8s/resources';
import { useDeniedReason } from '@/lib/client/access';
import { useReadOnly } from '@/components/shell/read-only';

/** One entry of a row's actions menu. */
export interface RowAction {
  /** The item's text, e.g. `Edit labels…` (an ellipsis when it opens a dialog). */
  label: string;
  onSelect: () => void;
  danger?: boolean;
  /** Why the action may not be taken (RBAC says no): the item is disabled and says so. */
  disabledReason?: string;
}

const TRIGGER_CLASS =
  'inline-flex h-7 w-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 data-[state=open]:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[state=open]:bg-slate-800';
const DOTS = <span aria-hidden="true" className="text-base leading-none">⋯</span>;

/** What first reached a lazily mounted menu: a press opens it; focus (from the keyboard) mounts it closed, focused. */
type Opening = 'pointer' | 'focus';

/**
 * A row's menu button, mounted as a plain button until first used: a table scrolling through 50,000 rows
 * mounts a dozen rows a frame, and a Radix menu per row (its providers, popper, presence, and the access
 * reviews its items ask for) is most of what a row costs. A pointer press mounts the real menu open; focus
 * mounts it closed and hands it the focus, so the key that opens it (Enter, Space, ArrowDown) is Radix's
 * own from the start, keyboard model and all.
 */
function LazyMenuButton({ name, menu }: { name: string; menu: (opening: Opening) => ReactNode }) {
  const [opening, setOpening] = useState<Opening>();
  if (opening) return menu(opening);
  return (
    <button
      type="button"
      aria-label={`Actions for ${name}`}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      className={TRIGGER_CLASS}
      onPointerDown={(event) => {
        // As Radix's trigger: the left button without Ctrl opens, and the button is not focused (the menu is).
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        setOpening('pointer');
      }}
      onFocus={() => setOpening('focus')}
    >
      {DOTS}
    </button>
  );
}

/**
 * The Radix menu behind a row's button, mounted open by `LazyMenuButton`. Radix gives the menu its keyboard
 * model (Enter/Space/ArrowDown open, arrows move, Escape closes).
 */
function ActionsMenu({ name, actions, opening }: { name: string; actions: RowAction[]; opening: Opening }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const chosen = useRef<RowAction | undefined>(undefined);
  const [open, setOpen] = useState(opening === 'pointer');
  const id = useId();
  // The plain button that had the focus is gone: its successor takes it.
  useEffect(() => {
    if (opening === 'focus') trigger.current?.focus();
  }, [opening]);
  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while it stays focusable (axe
    // aria-hidden-focus), and a menu button needs no modality: Escape, Tab and a click outside close it.
    <Menu.Root modal={false} open={open} onOpenChange={setOpen}>
      <Menu.Trigger ref={trigger} aria-label={`Actions for ${name}`} className={TRIGGER_CLASS}>
        {DOTS}
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
          {actions.map((action, index) => (
            <Menu.Item
              key={action.label}
              // aria-disabled, not Radix's `disabled`: a disabled item stays reachable with the arrow keys, so
              // its reason is read out, as the APG's menu pattern recommends; choosing it does nothing.
              aria-disabled={action.disabledReason ? true : undefined}
              aria-label={action.label}
              aria-describedby={action.disabledReason ? `${id}-${index}` : undefined}
              onSelect={(event) => {
                if (action.disabledReason) event.preventDefault();
                else chosen.current = action;
              }}
              className={`cursor-default rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 aria-disabled:text-slate-500 dark:data-[highlighted]:bg-slate-800 dark:aria-disabled:text-slate-400 ${action.danger && !action.disabledReason ? 'text-rose-700 dark:text-rose-300' : ''}`}
            >
              {action.label}
              {action.disabledReason ? <span id={`${id}-${index}`} className="block max-w-64 text-xs">{action.disabledReason}</span> : null}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/**
 * A row's actions (all of them writes) behind one button ("Actions for kubia-manual"), so a row is one tab stop, not one per
 * action, and the pinned actions column stays narrow enough not to hide the columns it floats over.
 */
export function RowActionsMenu({ name, actions }: { name: string; actions: RowAction[] }) {
  if (useReadOnly()) return null;
  return <LazyMenuButton name={name} menu={(opening) => <ActionsMenu name={name} actions={actions} opening={opening} />} />;
}

/** Where a row's object lives, so its actions can ask the cluster whether they are allowed. */
export interface RowAccess {
  context?: string;
  descriptor: Pick<ResourceType, 'group' | 'resource' | 'namespaced'>;
  namespace?: string;
}

/**
 * The actions every kind with metadata has: labels, annotations (both patches), delete. Each is disabled
 * with the reason when a SelfSubjectAccessReview says no; pending or failed reviews leave it enabled.
 */
export function RowActions(props: RowActionsProps) {
  if (useReadOnly()) return null;
  // The access reviews are asked for once the menu is first used, not for every row scrolled past.
  return <LazyMenuButton name={props.name} menu={(opening) => <ReviewedActions {...props} opening={opening} />} />;
}

interface RowActionsProps {
  name: string;
  access: RowAccess;
  onLabels: () => void;
  onAnnotations: () => void;
  onDelete: () => void;
}

function ReviewedActions({ name, access, onLabels, onAnnotations, onDelete, opening }: RowActionsProps & { opening: Opening }) {
  const patchDenied = useDeniedReason(access.context, accessAttributes(access.descriptor, 'patch', access.namespace));
  const deleteDenied = useDeniedReason(access.context, accessAttributes(access.descriptor, 'delete', access.namespace));
  return (
    <ActionsMenu
      name={name}
      opening={opening}
      actions={[
        { label: 'Edit labels…', onSelect: onLabels, disabledReason: patchDenied },
        { label: 'Edit annotations…', onSelect: onAnnotations, disabledReason: patchDenied },
        { label: 'Delete…', onSelect: onDelete, danger: true, disabledReason: deleteDenied },
      ]}
    />
  );
}
