'use client';

import { Select } from '@/components/ui/select';

interface ContextPickerProps {
  contexts: readonly string[];
  value?: string;
  onChange?: (context: string) => void;
}

/** The cluster context every page works in. */
export function ContextPicker({ contexts, value, onChange }: ContextPickerProps) {
  if (contexts.length === 0) {
    return (
      <Select label="Context" disabled value="">
        <option value="">No cluster connected</option>
      </Select>
    );
  }
  return (
    <Select label="Context" value={value} onChange={(event) => onChange?.(event.target.value)}>
      {contexts.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </Select>
  );
}
