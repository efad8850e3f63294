'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { parseLabelSelector } from '@/lib/k8s/label-selector';
import { suggestSelector, type LabelIndex, type Suggestions } from '@/lib/k8s/selector-suggestions';
import { useDraft } from '@/components/ui/use-draft';

interface SelectorBarProps {
  /** The selector in effect (from the URL). */
  value: string;
  /** Called with every valid selector as it is typed; invalid text is never sent. The box follows `value` when it changes from elsewhere. */
  onChange: (selector: string) => void;
  labelIndex: LabelIndex;
  /** "12 of 340": how many listed objects match. */
  matched?: number;
  total?: number;
  /** The count is not of what the boxes say (another box, the field selector, does not parse). */
  countStale?: boolean;
  /** Told what is wrong with the text in the box (with where), or `undefined` once it parses. */
  onProblem?: (message: string | undefined) => void;
}

const NO_SUGGESTIONS: Suggestions = { from: 0, to: 0, options: [] };

/** No option is active: Enter applies the text as typed. */
const NONE_ACTIVE = -1;

/**
 * The label-selector filter: the full Kubernetes grammar through the shared parser, with the failing
 * character underlined and the reason tied to the box, and suggestions from the labels that exist.
 * Keyboard as the WAI-ARIA combobox with list autocomplete: nothing is pre-selected, so Enter keeps exactly
 * what was typed and Tab just moves on; ArrowDown/ArrowUp pick an option, Enter or a click takes it.
 */
export function SelectorBar({ value, onChange, labelIndex, matched, total, countStale, onProblem }: SelectorBarProps) {
  const [draft, typeDraft] = useDraft({ value, onValue: onChange, isValid: (text) => parseLabelSelector(text).ok });
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(NONE_ACTIVE);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const listId = useId();

  const parsed = useMemo(() => parseLabelSelector(draft), [draft]);
  const suggestions = useMemo(
    () => (open ? suggestSelector(draft, caret, labelIndex) : NO_SUGGESTIONS),
    [open, draft, caret, labelIndex],
  );
  const showList = open && suggestions.options.length > 0;

  const update = (text: string, at: number) => {
    typeDraft(text);
    setCaret(at);
    setOpen(true);
    setActive(NONE_ACTIVE);
  };

  const accept = (index: number) => {
    const option = suggestions.options[index];
    if (!option) return;
    const text = draft.slice(0, suggestions.from) + option.insert + draft.slice(suggestions.to);
    const at = suggestions.from + option.insert.length;
    update(text, at);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.options.length;
    if (event.key === 'Tab') {
      // Tab moves focus and never takes an option.
      setOpen(false);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const down = event.key === 'ArrowDown';
      if (!showList) {
        setOpen(true);
        setActive(NONE_ACTIVE);
      } else if (active === NONE_ACTIVE) setActive(down ? 0 : count - 1);
      else setActive((active + (down ? 1 : -1) + count) % count);
    } else if (event.key === 'Enter') {
      if (showList && active !== NONE_ACTIVE) accept(active);
      else setOpen(false);
    } else if (event.key === 'Escape' && showList) {
      setOpen(false);
      setActive(NONE_ACTIVE);
    } else return;
    event.preventDefault();
  };

  const error = parsed.ok ? undefined : parsed.error;
  const problem = error ? `${error.message} (at character ${error.position + 1})` : undefined;
  useEffect(() => onProblem?.(problem), [problem, onProblem]);

  return (
    <div className="relative min-w-0 flex-1">
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          {error ? (
            // A mirror of the text behind the transparent-background input, to underline the failing characters.
            <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden whitespace-pre px-3 py-1.5 font-mono text-sm text-transparent">
              {draft.slice(0, error.position)}
              <span className="underline decoration-rose-500 decoration-wavy decoration-2 underline-offset-4">
                {draft.slice(error.position, error.position + Math.max(1, error.length)) || '\u00a0'}
              </span>
            </div>
          ) : null}
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-label="Label selector"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && active !== NONE_ACTIVE ? `${listId}-${active}` : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="Label selector, e.g. env in (prod,devel),tier!=cache"
            value={draft}
            onChange={(event) => update(event.target.value, event.target.selectionStart ?? event.target.value.length)}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? draft.length)}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              setActive(NONE_ACTIVE);
            }}
            onKeyDown={onKeyDown}
            className="w-full rounded-md border border-slate-300 bg-transparent px-3 py-1.5 font-mono text-sm aria-invalid:border-rose-500 dark:border-slate-700 dark:aria-invalid:border-rose-400"
          />
        </div>
        {total !== undefined ? (
          // While the text does not parse, the rows below are not what it says: no count for them.
          <span className="shrink-0 text-xs tabular-nums text-slate-600 dark:text-slate-400" aria-live="polite">
            {error || countStale ? 'not applied' : `${matched ?? total} of ${total}`}
          </span>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label="Selector suggestions"
        hidden={!showList}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 font-mono text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {suggestions.options.map((option, index) => (
          <li
            key={`${option.label}-${index}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              accept(index);
            }}
            className="cursor-pointer px-3 py-1 aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900"
          >
            {option.label}
            {option.hint ? (
              <>
                {' '}
                <span className="ml-2 font-sans text-xs text-slate-600 dark:text-slate-400">{option.hint}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
