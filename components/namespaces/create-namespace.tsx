'use client';

import Link from 'next/link';
import { useState } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { namespaceNameProblem } from '@/lib/k8s/namespace-row';
import { namespaces } from '@/lib/k8s/resources';
import { useCreateManifests } from '@/lib/client/create-manifests';
import { useCreateObject } from '@/lib/client/create-resource';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { useDeniedReason } from '@/lib/client/access';
import { Button } from '@/components/ui/button';
import { CommandLine } from '@/components/ui/command-line';
import { Dialog } from '@/components/ui/dialog';

/** The chapter's `custom-namespace.yaml`. */
export const NAMESPACE_TEMPLATE = `apiVersion: v1
kind: Namespace
metadata:
  name: custom-namespace
`;

/** `kubectl create namespace NAME`: the name checked as the API server checks it, before anything is sent. */
export function CreateNamespace({ context, onCreated }: { context?: string; onCreated?: (name: string) => void }) {
  const [name, setName] = useState('');
  const [yamlOpen, setYamlOpen] = useState(false);
  const create = useCreateObject(context, namespaces);
  const problem = name ? namespaceNameProblem(name) : undefined;
  const createDenied = useDeniedReason(context, accessAttributes(namespaces, 'create'));

  return (
    <section aria-label="Create a namespace" className="mb-4 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <form
        className="flex flex-wrap items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name || problem || createDenied || create.isPending) return;
          create.mutate({ object: { metadata: { name } } }, { onSuccess: () => { onCreated?.(name); setName(''); } });
        }}
      >
        <div className="min-w-64 flex-1">
          <input
            aria-label="Namespace name"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'namespace-name-problem' : undefined}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              create.reset();
            }}
            placeholder="New namespace, e.g. custom-namespace"
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 bg-transparent px-3 py-1.5 font-mono text-sm aria-invalid:border-rose-500 dark:border-slate-700"
          />
          {problem ? <p id="namespace-name-problem" role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{problem}</p> : null}
          {create.error ? <p role="alert" aria-label="Server error" className="mt-1 text-xs text-rose-700 dark:text-rose-300">{create.error.message}</p> : null}
          {create.isSuccess ? <p role="status" className="mt-1 text-xs text-emerald-800 dark:text-emerald-300">namespace/{String(create.variables?.object.metadata.name)} created</p> : null}
        </div>
        <Button type="submit" variant="primary" disabledReason={createDenied} disabled={!createDenied && (!name || Boolean(problem) || create.isPending)}>{create.isPending ? 'Creating…' : 'Create'}</Button>
        <Button disabledReason={createDenied} onClick={() => setYamlOpen(true)}>From YAML…</Button>
      </form>
      <div className="mt-2"><CommandLine label="kubectl equivalent of Create" command={kubectlCommand({ verb: 'create', namespaceName: name || 'NAME' })} /></div>
      <FromYamlDialog context={context} open={yamlOpen} onClose={() => setYamlOpen(false)} />
    </section>
  );
}

/**
 * `kubectl create -f custom-namespace.yaml` with a Namespace template, until the Create page's editor
 * lands: the text is posted to the manifests endpoint (all or nothing, the server's message on failure).
 */
function FromYamlDialog({ context, open, onClose }: { context?: string; open: boolean; onClose: () => void }) {
  const [text, setText] = useState(NAMESPACE_TEMPLATE);
  const create = useCreateManifests(context);
  const failures = create.data && !create.data.ok ? create.data.results.filter((r) => r.status).map((r) => r.status?.message ?? '') : [];
  return (
    <Dialog title="Create from YAML" open={open} onClose={onClose} wide>
      <form
        className="space-y-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ manifest: text }, { onSuccess: (result) => { if (result.ok) onClose(); } });
        }}
      >
        <textarea aria-label="Manifest" value={text} onChange={(event) => setText(event.target.value)} rows={10} spellCheck={false} className="w-full rounded-md border border-slate-300 bg-transparent p-2 font-mono text-xs dark:border-slate-700" />
        {create.error ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{create.error.message}</p> : null}
        {failures.length ? <ul role="alert" className="text-xs text-rose-700 dark:text-rose-300">{failures.map((f) => <li key={f}>{f}</li>)}</ul> : null}
        <CommandLine command={kubectlCommand({ verb: 'create', file: 'custom-namespace.yaml' })} />
        <div className="flex items-center justify-end gap-2">
          <Link href="/create?template=namespace" className="mr-auto text-xs text-sky-700 hover:underline dark:text-sky-300">Open the Create page</Link>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
