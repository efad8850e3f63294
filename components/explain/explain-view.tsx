'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { explainField, type Explanation } from '@/lib/k8s/explain';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import type { OpenApiSchemas } from '@/lib/k8s/openapi-types';
import { apiVersionOf, findResource } from '@/lib/k8s/resources';
import { useClusterSchemas } from '@/lib/client/openapi-schemas';
import { useClusterScope } from '@/lib/client/use-cluster-scope';
import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';

// kubectl --recursive prints every level; the tree stops here so a self-referencing schema (a CRD's
// JSONSchemaProps) cannot expand forever.
const MAX_DEPTH = 12;

interface TreeProps {
  schemas: OpenApiSchemas;
  path: string;
  depth: number;
  expandAll: boolean;
  query: string;
  hrefOf: (path: string) => string;
}

/** Whether a field or any field below it (within the depth limit) has the query in its name. */
function matches(schemas: OpenApiSchemas, path: string, name: string, query: string, depth: number): boolean {
  if (name.toLowerCase().includes(query)) return true;
  if (depth >= MAX_DEPTH) return false;
  return (explainField(schemas, `${path}.${name}`)?.fields ?? []).some((f) => matches(schemas, `${path}.${name}`, f.name, query, depth + 1));
}

function FieldTree({ schemas, path, depth, expandAll, query, hrefOf }: TreeProps) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const fields = explainField(schemas, path)?.fields ?? [];
  const shown = query ? fields.filter((f) => matches(schemas, path, f.name, query, depth)) : fields;
  return (
    <ul className={depth === 0 ? 'space-y-1' : 'ml-4 space-y-1 border-l border-slate-200 pl-3 dark:border-slate-800'}>
      {shown.map((f) => {
        const child = `${path}.${f.name}`;
        const hasChildren = depth < MAX_DEPTH && (explainField(schemas, child)?.fields.length ?? 0) > 0;
        const expanded = hasChildren && (open[f.name] ?? (expandAll || Boolean(query)));
        return (
          <li key={f.name} data-explain-field={f.name} data-type={f.type} data-required={f.required} data-depth={depth}>
            <div className="flex items-baseline gap-2 font-mono text-sm">
              {hasChildren ? (
                <button type="button" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${f.name}`} onClick={() => setOpen({ ...open, [f.name]: !expanded })} className="w-4 text-slate-600 dark:text-slate-400">
                  {expanded ? '▾' : '▸'}
                </button>
              ) : (
                <span className="w-4" />
              )}
              <Link href={hrefOf(child)} className="font-semibold text-sky-700 hover:underline dark:text-sky-300">{f.name}</Link>
              <span className="text-slate-600 dark:text-slate-400">&lt;{f.type}&gt;</span>
              {f.required ? <span className="text-xs text-rose-700 dark:text-rose-300">-required-</span> : null}
            </div>
            {f.description ? <p data-description className="ml-6 whitespace-pre-wrap text-xs text-slate-600 dark:text-slate-400">{f.description}</p> : null}
            {expanded ? <FieldTree schemas={schemas} path={child} depth={depth + 1} expandAll={expandAll} query={query} hrefOf={hrefOf} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * `/explain?context=&path=pods.spec`: `kubectl explain` of any kind the cluster serves, from its own
 * OpenAPI v3, as a tree: each field with its type, required marker and description, expandable one level
 * or all (`--recursive`), searchable by field name. The path is in the URL, so a link shares it.
 */
export function ExplainView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const scope = useClusterScope();
  const context = scope.context?.name;
  const path = params.get('path') ?? 'pods';
  const [query, setQuery] = useState('');
  const [expandAll, setExpandAll] = useState(params.get('recursive') === 'true');
  const resource = path.split('.')[0];
  const descriptor = findResource(resource);
  const index = useClusterSchemas(context, []);
  // A kind the console knows is looked up in its own group-version; any other (a CRD) in all of them.
  const apiVersions = descriptor ? [apiVersionOf(descriptor)] : index.apiVersions;
  const { lookup } = useClusterSchemas(context, apiVersions);
  let found: { schemas: OpenApiSchemas; explanation: Explanation } | undefined;
  for (const version of apiVersions) {
    const schemas = lookup(version);
    const explanation = schemas ? explainField(schemas, path) : undefined;
    if (schemas && explanation && !found) found = { schemas, explanation };
  }
  const loading = apiVersions.length === 0 || apiVersions.some((v) => lookup(v) === undefined);

  const hrefOf = (next: string) => {
    const query = new URLSearchParams(params.toString());
    query.set('path', next);
    return `${pathname}?${query.toString()}`;
  };
  const parents = path.split('.');

  return (
    <div className="space-y-3">
      <PageTitle>Explain</PageTitle>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get('path');
          if (typeof value === 'string' && value.trim()) router.push(hrefOf(value.trim()));
        }}
      >
        <input name="path" defaultValue={path} key={path} aria-label="Resource or field path" className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900" />
        <Button type="submit">Explain</Button>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value.toLowerCase())} placeholder="Search field names" aria-label="Search field names" className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900" />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={expandAll} onChange={(e) => setExpandAll(e.target.checked)} /> Expand all (--recursive)
        </label>
      </form>
      <code className="block font-mono text-xs text-slate-600 dark:text-slate-400">{kubectlCommand({ verb: 'explain', path })}{expandAll ? ' --recursive' : ''}</code>
      <nav aria-label="Path" className="flex flex-wrap gap-1 font-mono text-sm">
        {parents.map((segment, i) => (
          <span key={i}>
            {i > 0 ? '.' : ''}
            <Link href={hrefOf(parents.slice(0, i + 1).join('.'))} className="text-sky-700 hover:underline dark:text-sky-300">{segment}</Link>
          </span>
        ))}
      </nav>
      {found ? (
        <section aria-label="Explanation" className="space-y-3">
          <p className="font-mono text-sm">
            KIND: {found.explanation.kind} · VERSION: {found.explanation.version}
            {found.explanation.field ? ` · FIELD: ${found.explanation.field} <${found.explanation.type}>` : ''}
          </p>
          <p className="whitespace-pre-wrap text-sm">{found.explanation.description}</p>
          <h2 className="text-sm font-semibold">Fields</h2>
          <FieldTree key={`${path}:${expandAll}`} schemas={found.schemas} path={path} depth={0} expandAll={expandAll} query={query} hrefOf={hrefOf} />
        </section>
      ) : (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">{loading && !index.error ? 'Loading the cluster’s schemas…' : `the server doesn't have a resource type or field "${path}"`}</p>
      )}
    </div>
  );
}
