'use client';

import { autocompletion, closeBrackets, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers, type Tooltip } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { manifestChrome, manifestHighlightStyle } from './manifest-highlight';

/** A problem to mark in the text. */
export interface EditorMark {
  from: number;
  to: number;
  message: string;
}

export interface ManifestEditorHandle {
  /** Moves the cursor to an offset and focuses the editor. */
  select: (offset: number) => void;
  /** Replaces the whole text as one undoable change (Ctrl+Z brings the old text back). */
  replace: (text: string) => void;
}

export interface ManifestEditorProps {
  initialText: string;
  onChange: (text: string) => void;
  onCursor?: (offset: number) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  marks: readonly EditorMark[];
  complete?: CompletionSource;
  /** The text of a hover tooltip at an offset: `kubectl explain` for the field under the pointer. */
  hover?: (offset: number) => { from: number; to: number; text: string } | undefined;
  label?: string;
}

const isJson = (text: string) => /^\s*[[{]/.test(text);

const theme = EditorView.theme({
  '&': { fontSize: '13px', height: '100%' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-tooltip.cm-explain': { maxWidth: '42rem', maxHeight: '20rem', overflow: 'auto', whiteSpace: 'pre', padding: '0.5rem', fontFamily: 'ui-monospace, monospace', fontSize: '12px' },
});

/**
 * CodeMirror 6 over a manifest: YAML (or JSON, when the text starts with `{` or `[`), marks for the
 * problems the page computed, completion and hover from the page. Chosen over Monaco by measurement
 * (docs/benchmarks.md): a tenth of the bytes, no web worker, nothing loaded from elsewhere.
 */
export const ManifestEditor = forwardRef<ManifestEditorHandle, ManifestEditorProps>(function ManifestEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The callbacks change every render; the editor reads the latest through this ref.
  const latest = useRef(props);
  latest.current = props;
  const language = useRef(new Compartment());

  useEffect(() => {
    const json0 = isJson(latest.current.initialText);
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.initialText,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(manifestHighlightStyle),
          language.current.of(json0 ? json() : yaml()),
          EditorState.tabSize.of(2),
          autocompletion({ override: [(context) => latest.current.complete?.(context) ?? null], activateOnTyping: true }),
          hoverTooltip((_view, pos): Tooltip | null => {
            const found = latest.current.hover?.(pos);
            if (!found) return null;
            return {
              pos: found.from,
              end: found.to,
              above: true,
              create: () => {
                const dom = document.createElement('div');
                dom.className = 'cm-explain';
                dom.setAttribute('role', 'tooltip');
                dom.textContent = found.text;
                return { dom };
              },
            };
          }),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onSubmit?.(), true) }])),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
          // tabindex: the content is focusable anyway (contenteditable), but checkers such as axe only count
          // tabindex, and a scrolling editor must show it can be reached by keyboard.
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label ?? 'Manifest', tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              const text = update.state.doc.toString();
              const wantJson = isJson(text);
              if (wantJson !== isJson(update.startState.doc.toString())) {
                update.view.dispatch({ effects: language.current.reconfigure(wantJson ? json() : yaml()) });
              }
              latest.current.onChange(text);
            }
            if (update.selectionSet || update.docChanged) latest.current.onCursor?.(update.state.selection.main.head);
          }),
          theme,
          manifestChrome,
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const diagnostics: Diagnostic[] = props.marks.map((m) => {
      const from = Math.min(m.from, length);
      // A zero-width problem still gets a visible mark: the rest of its line.
      const to = Math.min(Math.max(m.to, from === m.to ? editor.state.doc.lineAt(from).to : m.to), length);
      return { from, to: Math.max(to, from), severity: 'error', message: m.message };
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [props.marks]);

  useImperativeHandle(ref, () => ({
    select: (offset) => {
      const editor = view.current;
      if (!editor) return;
      const pos = Math.min(offset, editor.state.doc.length);
      editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      editor.focus();
    },
    replace: (text) => {
      const editor = view.current;
      if (!editor) return;
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    },
  }));

  return <div ref={host} className="h-full min-h-[24rem] overflow-hidden rounded-md border border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100" />;
});
