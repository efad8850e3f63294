'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { editableText, withResourceVersion } from '@/lib/k8s/editable-object';
import { lineDiff } from '@/lib/k8s/line-diff';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { serverErrorFields } from '@/lib/k8s/server-error-fields';
import { locateField } from '@/lib/k8s/yaml-field-location';
import { ApiError } from '@/lib/client/api-fetch';
import { getResource, useResource } from '@/lib/client/get-resource';
import { clearDraft, loadDraft, saveDraft } from '@/lib/client/manifest-draft';
import { useReplaceResource } from '@/lib/client/replace-resource';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { Button } from '@/components/ui/button';
import { ExplainPanel } from './explain-panel';
import { ManifestEditor, type ManifestEditorHandle } from './manifest-editor';
import { ProblemsList } from './manifest-outcome';
import { useManifestAssist } from './use-manifest-assist';

interface Props {
  descriptor: ResourceDescriptor;
  namespace?: string;
  name: string;
  /** Where the object's own page is, to go back. */
  backHref: string;
}

type Editable = { metadata?: { resourceVersion?: string } };

/** Edit YAML: the object in the manifest editor, saved as a replace guarded by its resourceVersion. */
export function EditWorkspace(props: Props) {
  const scope = useClusterScope();
  const context = scope.context?.name;
  const object = useResource<Editable>(context, props.descriptor, { namespace: props.namespace, name: props.name });
  if (!context || object.isPending) return <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (object.error || !object.data) return <p role="alert" className="text-sm text-rose-700">{object.error?.message ?? 'not found'}</p>;
  return <EditForContext {...props} context={context} original={object.data} />;
}

function EditForContext({ descriptor, namespace, name, backHref, context, original }: Props & { context: string; original: Editable }) {
  const ref = { namespace, name };
  const draftScope = `edit:${context}:${descriptor.resource}/${namespace ?? ''}/${name}`;
  const editor = useRef<ManifestEditorHandle>(null);
  const base = useMemo(() => editableText(descriptor, original), [descriptor, original]);
  const [initial] = useState(() => {
    const draft = loadDraft(draftScope);
    return draft && draft.text !== base ? { text: draft.text, restored: true } : { text: base, restored: false };
  });
  const [text, setText] = useState(initial.text);
  const [cursor, setCursor] = useState(0);
  const [conflict, setConflict] = useState<{ message: string; theirs: string; resourceVersion?: string }>();
  const [saved, setSaved] = useState(false);
  const assist = useManifestAssist({ context, text });
  const replace = useReplaceResource(context, descriptor, ref);

  useEffect(() => {
    if (text === base) clearDraft(draftScope);
    else saveDraft(draftScope, { text, namespace: namespace ?? '' });
  }, [text, base, draftScope, namespace]);

  const save = () => {
    const doc = assist.documents[0];
    if (replace.isPending || !doc?.object || assist.problems.length > 0) {
      if (assist.problems[0]) editor.current?.select(assist.problems[0].from);
      return;
    }
    setConflict(undefined);
    replace.mutate(doc.object, {
      onSuccess: () => {
        clearDraft(draftScope);
        setSaved(true);
      },
      onError: async (error) => {
        if (!(error instanceof ApiError) || error.code !== 409) return;
        const theirs = await getResource<Editable>(context, descriptor, ref);
        setConflict({ message: error.message, theirs: editableText(descriptor, theirs), resourceVersion: theirs.metadata?.resourceVersion });
      },
    });
  };

  const serverError = replace.error instanceof ApiError ? replace.error : undefined;
  const fromServer = serverError
    ? serverErrorFields(serverError.status).map((field) => ({ ...(locateField(assist.documents[0]?.node, field) ?? { from: 0, to: 0 }), message: `${field}: ${serverError.message}`, document: 0 }))
    : [];
  const problems = [...assist.problems, ...fromServer];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={backHref} className="text-sm text-sky-700 hover:underline dark:text-sky-300">← {name}</Link>
        <h1 className="text-xl font-semibold tracking-tight">Edit {descriptor.singular} {name}</h1>
      </div>
      {initial.restored ? <p role="status" className="text-sm text-amber-800 dark:text-amber-300">Draft restored.</p> : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">status and managedFields are left out; saving replaces the object if it is still at resourceVersion {original.metadata?.resourceVersion}.</p>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-3">
          <div className="h-[28rem]">
            <ManifestEditor ref={editor} initialText={initial.text} onChange={(t) => (setText(t), setSaved(false))} onCursor={setCursor} onSubmit={save} marks={problems} complete={assist.complete} hover={assist.hover} />
          </div>
          <div className="flex items-center gap-2">
            <Button variant="primary" onClick={save} disabled={replace.isPending}>Save</Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">Ctrl/⌘+Enter saves</span>
            {saved ? <span role="status" className="text-sm text-emerald-700 dark:text-emerald-300">Saved.</span> : null}
          </div>
          {serverError ? <p role="alert" className="whitespace-pre-wrap text-sm text-rose-700 dark:text-rose-300">{serverError.reason}: {serverError.message}</p> : null}
          {conflict ? (
            <section aria-label="Conflict" className="space-y-2 rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800">
              <p>Someone changed the object since it was opened. Your text is unchanged; their version against yours:</p>
              <pre aria-label="Their version against yours" className="max-h-72 overflow-auto font-mono text-xs">
                {lineDiff(conflict.theirs, text).map((l, i) => (
                  <div key={i} className={l.op === '+' ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' : l.op === '-' ? 'bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200' : ''}>
                    {l.op} {l.text}
                  </div>
                ))}
              </pre>
              {conflict.resourceVersion ? (
                <Button onClick={() => editor.current?.replace(withResourceVersion(text, conflict.resourceVersion!))}>Use my text on their version</Button>
              ) : null}
            </section>
          ) : null}
          <ProblemsList text={text} problems={problems} ready={assist.ready} onSelect={(offset) => editor.current?.select(offset)} />
        </div>
        <ExplainPanel explanation={assist.explainAt(cursor)} />
      </div>
    </div>
  );
}
