/** The theme a user picked; `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'pilothouse.theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system';
}

/** Resolves a choice against the system preference. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * Runs inline in <head> before the first paint, so a dark-mode user never sees a white flash.
 * It cannot import anything, hence the literal key.
 */
export const themeBootScript = `(()=>{try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=c==='dark'||((c!=='light')&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

const listeners = new Set<() => void>();

/** The saved choice as an external store, for `useSyncExternalStore` (the server renders `system`). */
export function subscribeThemeChoice(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function readThemeChoice(): ThemeChoice {
  const saved = localStorage.getItem(THEME_STORAGE_KEY);
  return isThemeChoice(saved) ? saved : 'system';
}

export function saveThemeChoice(choice: ThemeChoice): void {
  localStorage.setItem(THEME_STORAGE_KEY, choice);
  for (const listener of listeners) listener();
}
