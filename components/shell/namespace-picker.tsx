'use client';

import { Select } from '@/components/ui/select';
import { ALL_NAMESPACES } from '@/lib/contract/scope';

interface NamespacePickerProps {
  namespaces: readonly string[];
  value?: string;
  onChange?: (namespace: string) => void;
}

export function NamespacePicker({ namespaces, value, onChange }: NamespacePickerProps) {
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
