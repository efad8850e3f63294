import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * The manifest editor's colours: the code viewer's (keys sky, strings emerald, numbers amber, literals
 * fuchsia) as Tailwind classes with their dark variants, so both themes keep 4.5:1. CodeMirror's default
 * style is for light backgrounds only (#00c keys are 1.8:1 on slate-950).
 */
export const manifestHighlightStyle = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], class: 'text-sky-800 dark:text-sky-300' },
  { tag: [tags.string, tags.special(tags.string), tags.content], class: 'text-emerald-800 dark:text-emerald-300' },
  { tag: tags.number, class: 'text-amber-700 dark:text-amber-300' },
  { tag: [tags.bool, tags.null, tags.atom, tags.keyword], class: 'text-fuchsia-700 dark:text-fuchsia-300' },
  { tag: [tags.punctuation, tags.separator, tags.bracket, tags.meta, tags.labelName], class: 'text-slate-600 dark:text-slate-400' },
  { tag: tags.comment, class: 'italic text-slate-600 dark:text-slate-400' },
  { tag: tags.invalid, class: 'text-rose-700 dark:text-rose-300' },
]);

/**
 * The editor's chrome in the page's theme: CodeMirror's base theme paints a light gutter and a light
 * active line, which in dark mode put light grey behind light text. The colours come from CSS variables
 * (app/globals.css) that follow the `dark` class.
 */
export const manifestChrome = EditorView.theme({
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter-bg)', color: 'var(--editor-gutter-fg)', borderRight: '1px solid var(--editor-gutter-border)' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'currentColor' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--editor-selection)' },
});
