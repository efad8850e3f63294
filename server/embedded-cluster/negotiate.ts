import { notAcceptable } from './status';

/** The representation a GET or watch answers with, chosen from the Accept header. */
export type Representation =
  | { as: 'object' }
  | { as: 'Table'; includeObject: 'None' | 'Metadata' | 'Object' }
  | { as: 'PartialObjectMetadata' };

/**
 * Content negotiation over `Accept`: the first acceptable entry wins. Server-side tables
 * (`application/json;as=Table;v=v1;g=meta.k8s.io`, what `kubectl get` asks for) and partial metadata
 * are JSON renderings; protobuf alone is not produced, and an Accept with nothing usable is 406.
 */
export function negotiate(accept: string | undefined, query: URLSearchParams): Representation {
  if (!accept || accept.trim() === '') return { as: 'object' };
  for (const entry of accept.split(',')) {
    const [typePart, ...paramParts] = entry.split(';');
    const type = (typePart ?? '').trim().toLowerCase();
    const params = new Map(
      paramParts.map((p) => {
        const [k, v] = p.split('=');
        return [(k ?? '').trim(), (v ?? '').trim()] as const;
      }),
    );
    const jsonLike = ['application/json', '*/*', 'application/*', 'application/yaml'].includes(type);
    if (!jsonLike) continue;
    const as = params.get('as');
    if (!as) return { as: 'object' };
    if (params.get('g') !== 'meta.k8s.io' || !['v1', 'v1beta1'].includes(params.get('v') ?? '')) continue;
    if (as === 'Table') return { as: 'Table', includeObject: includeObject(query.get('includeObject')) };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { as: 'PartialObjectMetadata' };
  }
  // Typed clients send protobuf with a JSON fallback; protobuf alone cannot be served.
  throw notAcceptable();
}

function includeObject(value: string | null): 'None' | 'Metadata' | 'Object' {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}
