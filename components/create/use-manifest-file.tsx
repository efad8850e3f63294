'use client';

import { useRef, useState } from 'react';
import { MANIFEST_MAX_BYTES } from '@/lib/contract/manifests';
import { Button } from '@/components/ui/button';

/** Open a manifest from disk (a button, or a file dropped on the editor) and download the text. */
export function useManifestFile({ text, onOpen }: { text: string; onOpen: (text: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('manifest.yaml');
  const [error, setError] = useState<string>();

  const open = async (file: File) => {
    if (file.size > MANIFEST_MAX_BYTES) {
      setError(`${file.name} is larger than 3 MiB`);
      return;
    }
    setError(undefined);
    setName(file.name);
    onOpen(await file.text());
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
  };

  const controls = (
    <>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        aria-label="Open a manifest file"
        className="hidden"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) void open(chosen);
          e.target.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()}>Open file…</Button>
      <Button onClick={download}>Download</Button>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
    </>
  );
  return { open, controls, name };
}
