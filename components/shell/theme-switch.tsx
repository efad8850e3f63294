'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { readThemeChoice, resolveTheme, saveThemeChoice, subscribeThemeChoice, type ThemeChoice } from '@/lib/client/theme';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

function applyTheme(choice: ThemeChoice): void {
  const dark = resolveTheme(choice, matchMedia('(prefers-color-scheme: dark)').matches) === 'dark';
  document.documentElement.classList.toggle('dark', dark);
}

/** Light / Dark / System, remembered in this browser; System follows the OS live. */
export function ThemeSwitch() {
  const choice = useSyncExternalStore(subscribeThemeChoice, readThemeChoice, () => 'system' as const);

  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [choice]);

  return (
    <div role="radiogroup" aria-label="Theme" className="flex rounded-md border border-slate-300 p-0.5 text-xs dark:border-slate-700">
      {CHOICES.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={choice === value}
          onClick={() => saveThemeChoice(value)}
          className="rounded px-2 py-1 text-slate-600 hover:text-slate-900 aria-checked:bg-slate-200 aria-checked:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-checked:bg-slate-700 dark:aria-checked:text-white"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
