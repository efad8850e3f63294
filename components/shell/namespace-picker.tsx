'use client';

import { useState } from 'react';
import { Select } from '@/components/ui/select';
import { ALL_NAMESPACES } from '@/lib/contract/scope';
import { isDNS1123Label } from '@/lib/k8s/validation';

interface NamespacePickerProps {
  namespaces: readonly string[];
  value?: string;
  onChange?: (namespace: string) => void;
  /** The server refused to list namespaces: the user types the one they may work in instead. */
  unlisted?: string;
}

export function NamespacePicker({ namespaces, value, onChange, unlisted }: NamespacePickerProps) {
  if (unlisted) return <TypedNamespace value={value} onChange={onChange} reason={unlisted} />;
  if (namespaces.length === 0) {
    return (
      <Select label="Namespace" disabled value="">
        <option value="">—</option>
      </Select>
    );
  }
  return (
    <Select label="Namespace" value={value} onChange={(event) => onChange?.(event.target.value)}>
      <option value={ALL_NAMESPACES}>All namespaces</option>
      {namespaces.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </Select>
  );
}

/** A namespace typed by name (Enter applies it), for credentials that may work in it but not list them. */
function TypedNamespace({ value, onChange, reason }: { value?: string; onChange?: (namespace: string) => void; reason: string }) {
  const [text, setText] = useState(value === ALL_NAMESPACES ? '' : (value ?? ''));
  const valid = text !== '' && isDNS1123Label(text).length === 0;
  return (
    <form
      className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onChange?.(text);
      }}
    >
      <label className="flex items-center gap-2">
        <span>Namespace</span>
        <input
          aria-label="Namespace"
          title={`Namespaces cannot be listed (${reason}); type the one to work in and press Enter`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={text !== '' && !valid ? true : undefined}
          placeholder="type a namespace"
          spellCheck={false}
          className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900 aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        />
      </label>
    </form>
  );
}
