'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CreateManifestsResponse } from '@/lib/contract/manifests';
import type { ManifestTemplate } from '@/lib/k8s/manifest-templates';
import type { ManifestProblem } from '@/lib/k8s/manifest-validation';
import { serverErrorFields } from '@/lib/k8s/server-error-fields';
import { locateField } from '@/lib/k8s/yaml-field-location';
import { useCreateManifests } from '@/lib/client/create-manifests';
import { clearDraft, loadDraft, saveDraft } from '@/lib/client/manifest-draft';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { Select } from '@/components/ui/select';
import { ExplainPanel } from './explain-panel';
import { ManifestEditor, type ManifestEditorHandle } from './manifest-editor';
import { ManifestResults, ProblemsList } from './manifest-outcome';
import { useManifestAssist } from './use-manifest-assist';
import { useManifestFile } from './use-manifest-file';

const DEFAULT_TEMPLATE = 'kubia-manual';

/** The server's errors of a response, placed on the fields they name in the text that was sent. */
function serverProblems(response: CreateManifestsResponse, documents: ReturnType<typeof useManifestAssist>['documents']): ManifestProblem[] {
  const out: ManifestProblem[] = [];
  for (const result of response.results) {
    if (result.outcome !== 'failed' || !result.status) continue;
    const doc = documents[result.index];
    const start = doc?.range[0] ?? 0;
    const message = result.status.message ?? result.status.reason ?? 'failed';
    const fields = serverErrorFields(result.status);
    if (fields.length === 0) out.push({ from: doc?.error?.offset ?? start, to: doc?.error?.offset ?? start, message, document: result.index });
    for (const field of fields) {
      const span = locateField(doc?.node, field) ?? { from: start, to: start };
      out.push({ ...span, message: `${field}: ${message}`, document: result.index });
    }
  }
  return out;
}

/**
 * `/create`: a manifest editor checked against the selected cluster's own OpenAPI as it is typed, with
 * templates, `kubectl explain` beside it, and Dry run / Create (Ctrl/Cmd+Enter) through the console's
 * all-or-nothing `kubectl create -f`. The text is kept per context in the browser until it is created.
 */
export function CreateWorkspace({ templates }: { templates: ManifestTemplate[] }) {
  const scope = useClusterScope();
  const context = scope.context?.name;
  if (!context) return <p role="status" className="text-sm text-slate-600 dark:text-slate-400">{scope.loading ? 'Loading contexts…' : 'No cluster context.'}</p>;
  return <CreateForContext key={context} context={context} templates={templates} />;
}

function CreateForContext({ context, templates }: { context: string; templates: ManifestTemplate[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const draftScope = `create:${context}`;
  const editor = useRef<ManifestEditorHandle>(null);
  const [initial] = useState(() => {
    const asked = templates.find((t) => t.id === params.get('template'));
    const draft = loadDraft(draftScope);
    if (asked) return { text: asked.text, namespace: params.get('namespace') ?? '', restored: false };
    if (draft) return { text: draft.text, namespace: draft.namespace, restored: true };
    return { text: templates.find((t) => t.id === DEFAULT_TEMPLATE)?.text ?? templates[0]?.text ?? '', namespace: params.get('namespace') ?? '', restored: false };
  });
  const [text, setText] = useState(initial.text);
  const [namespace, setNamespace] = useState(initial.namespace);
  const [restored, setRestored] = useState(initial.restored);
  const [cursor, setCursor] = useState(0);
  const [bypass, setBypass] = useState(false);
  const [sent, setSent] = useState<{ text: string; response: CreateManifestsResponse }>();
  const assist = useManifestAssist({ context, text, namespace });
  const mutation = useCreateManifests(context);
  const file = useManifestFile({ text, onOpen: (opened) => editor.current?.replace(opened) });

  // A template as it came is nothing to keep; anything else typed is.
  useEffect(() => {
    if (templates.some((t) => t.text === text)) clearDraft(draftScope);
    else saveDraft(draftScope, { text, namespace });
  }, [draftScope, text, namespace, templates]);

  const fromServer = useMemo(() => (sent && sent.text === text ? serverProblems(sent.response, assist.documents) : []), [sent, text, assist.documents]);
  const problems = useMemo(() => [...assist.problems, ...fromServer].sort((a, b) => a.from - b.from), [assist.problems, fromServer]);

  const submit = (dryRun: boolean) => {
    if (mutation.isPending) return;
    if (assist.problems.length > 0 && !bypass) {
      editor.current?.select(assist.problems[0].from);
      return;
    }
    const body = { manifest: text, namespace: namespace || undefined, dryRun };
    mutation.mutate(body, {
      onSuccess: (response) => {
        setSent({ text: body.manifest, response });
        if (response.ok && !dryRun) clearDraft(draftScope);
      },
    });
  };

  const discard = () => {
    clearDraft(draftScope);
    setRestored(false);
    editor.current?.replace(templates.find((t) => t.id === DEFAULT_TEMPLATE)?.text ?? '');
  };

  const blocked = assist.problems.length > 0 && !bypass;
  const explanation = assist.explainAt(cursor);
  const onDrop = (event: DragEvent) => {
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    event.preventDefault();
    void file.open(dropped);
  };

  return (
    <div className="space-y-3">
      <PageTitle
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Select
              label="Template"
              value=""
              onChange={(e) => {
                const chosen = templates.find((t) => t.id === e.target.value);
                if (chosen) editor.current?.replace(chosen.text);
                if (params.get('template')) router.replace(`/create?context=${encodeURIComponent(context)}`);
              }}
            >
              <option value="">Choose…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>{t.label}</option>
              ))}
            </Select>
            <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              Namespace (-n)
              <input value={namespace} onChange={(e) => setNamespace(e.target.value.trim())} placeholder="context default" aria-label="Namespace (-n)" className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100" />
            </label>
            {file.controls}
          </div>
        }
      >
        Create
      </PageTitle>
      {restored ? (
        <p role="status" className="flex items-center gap-2 text-sm text-amber-800 dark:text-amber-300">
          Draft restored.
          <Button variant="ghost" onClick={discard}>Discard draft</Button>
        </p>
      ) : null}
      {assist.schemaError ? <p role="alert" className="text-sm text-rose-700">The cluster’s OpenAPI could not be read ({assist.schemaError.message}): only YAML syntax is checked.</p> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <div className="h-[28rem]">
            <ManifestEditor ref={editor} initialText={initial.text} onChange={setText} onCursor={setCursor} onSubmit={() => submit(false)} marks={problems} complete={assist.complete} hover={assist.hover} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button onClick={() => submit(true)} disabled={mutation.isPending || blocked}>Dry run</Button>
            <Button variant="primary" onClick={() => submit(false)} disabled={mutation.isPending || blocked}>Create</Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">Ctrl/⌘+Enter creates</span>
            <label className="ml-auto flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
              <input type="checkbox" checked={bypass} onChange={(e) => setBypass(e.target.checked)} />
              Send despite problems (the server decides)
            </label>
          </div>
          {mutation.error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{mutation.error.message}</p> : null}
          <ProblemsList text={text} problems={problems} ready={assist.ready} onSelect={(offset) => editor.current?.select(offset)} />
          {sent ? <ManifestResults response={sent.response} context={context} namespace={namespace} fileName={file.name} /> : null}
        </div>
        <ExplainPanel explanation={explanation} />
      </div>
    </div>
  );
}
