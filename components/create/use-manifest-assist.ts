'use client';

import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { explainField, type Explanation } from '@/lib/k8s/explain';
import { explainText } from '@/lib/k8s/explain-text';
import { cursorContext, fieldsAt, gvkOf, kindsIn, schemaAt } from '@/lib/k8s/manifest-completion';
import { parseManifestDocuments, type ManifestDocument } from '@/lib/k8s/manifest-documents';
import { validateManifest, type ManifestProblem } from '@/lib/k8s/manifest-validation';
import { fieldAtOffset } from '@/lib/k8s/yaml-field-location';
import { useClusterSchemas } from '@/lib/client/openapi-schemas';

export interface ManifestAssist {
  documents: ManifestDocument[];
  problems: ManifestProblem[];
  /** The cluster's schemas for every document are in and the text was checked against them. */
  ready: boolean;
  schemaError?: Error;
  complete: (context: CompletionContext) => CompletionResult | null;
  hover: (offset: number) => { from: number; to: number; text: string } | undefined;
  explainAt: (offset: number) => Explanation | undefined;
}

/** `apiVersion: apps/v1` in YAML, `"apiVersion": "v1"` in JSON. */
const API_VERSION = /^apiVersion:[ \t]*["']?([^\s"'#]+)|"apiVersion"\s*:\s*"([^"]+)"/gm;

const apiVersionOf = (doc: ManifestDocument) => (typeof doc.object?.apiVersion === 'string' ? doc.object.apiVersion : undefined);

/**
 * What the editor knows from the selected cluster's OpenAPI: the problems of the text (checked as it is
 * typed, a render behind the keys), completion, and `kubectl explain` of the field under an offset.
 */
export function useManifestAssist(options: { context?: string; text: string; namespace?: string }): ManifestAssist {
  const text = useDeferredValue(options.text);
  const documents = useMemo(() => parseManifestDocuments(text), [text]);
  // Read from the text, not the parse: a half-typed line breaks the YAML, and its schemas must stay loaded
  // for completion right there.
  const apiVersions = useMemo(() => [...new Set(Array.from(text.matchAll(API_VERSION), (m) => m[1] ?? m[2]))].sort(), [text]);
  const schemas = useClusterSchemas(options.context, apiVersions);
  const { lookup } = schemas;
  const validation = useMemo(() => validateManifest(text, lookup, { namespace: options.namespace || undefined }), [text, lookup, options.namespace]);

  const explainAt = useCallback(
    (offset: number): Explanation | undefined => {
      const doc = documents.find((d) => d.node && offset >= d.range[0] && offset <= d.range[1]);
      const apiVersion = doc && apiVersionOf(doc);
      const kind = typeof doc?.object?.kind === 'string' ? doc.object.kind : undefined;
      const found = doc && fieldAtOffset(doc.node, offset);
      const docSchemas = apiVersion ? lookup(apiVersion) : undefined;
      if (!found || !apiVersion || !kind || !docSchemas) return undefined;
      const path = found.segments.filter((s): s is string => typeof s === 'string').join('.');
      return explainField(docSchemas, { gvk: gvkOf(apiVersion, kind), path });
    },
    [documents, lookup],
  );

  const hover = useCallback(
    (offset: number) => {
      const doc = documents.find((d) => d.node && offset >= d.range[0] && offset <= d.range[1]);
      const found = doc && fieldAtOffset(doc.node, offset);
      if (!found?.onKey || !found.span) return undefined;
      const explanation = explainAt(offset);
      return explanation ? { ...found.span, text: explainText(explanation) } : undefined;
    },
    [documents, explainAt],
  );

  const complete = useCallback(
    (completion: CompletionContext): CompletionResult | null => {
      const cursor = cursorContext(completion.state.doc.toString(), completion.pos);
      if (!completion.explicit && cursor.from === completion.pos && cursor.at === 'key') return null;
      if (cursor.at === 'value' && cursor.path.length === 0 && cursor.key === 'apiVersion') {
        return { from: cursor.from, options: schemas.apiVersions.map((v) => ({ label: v, type: 'constant' })) };
      }
      const docSchemas = cursor.apiVersion ? lookup(cursor.apiVersion) : undefined;
      if (!docSchemas || !cursor.apiVersion) return null;
      if (cursor.at === 'value' && cursor.path.length === 0 && cursor.key === 'kind') {
        return { from: cursor.from, options: kindsIn(docSchemas, cursor.apiVersion).map((k) => ({ label: k, type: 'type' })) };
      }
      if (!cursor.kind) return null;
      const gvk = gvkOf(cursor.apiVersion, cursor.kind);
      if (cursor.at === 'value') {
        const values = schemaAt(docSchemas, gvk, [...cursor.path, cursor.key ?? ''])?.enum ?? [];
        return values.length ? { from: cursor.from, options: values.map((v) => ({ label: String(v), type: 'enum' })) } : null;
      }
      const fields = fieldsAt(docSchemas, gvk, cursor.path);
      if (fields.length === 0) return null;
      return {
        from: cursor.from,
        validFor: /^[\w-]*$/,
        options: fields.map((f) => ({ label: f.name, apply: `${f.name}: `, detail: `<${f.type}>${f.required ? ' required' : ''}`, info: f.description, type: 'property' })),
      };
    },
    [lookup, schemas.apiVersions],
  );

  return {
    documents,
    problems: validation.problems,
    ready: schemas.indexReady && validation.pending.length === 0 && text === options.text,
    schemaError: schemas.error,
    complete,
    hover,
    explainAt,
  };
}
