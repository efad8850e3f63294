import type { GroupVersionKind, OpenApiSchema, OpenApiSchemas } from './openapi-types';
import { definitionForGvk, refName, refOf, resolveSchema as resolve } from './openapi-resolve';

/** One field as `kubectl explain` lists it under FIELDS. */
export interface ExplainedField {
  name: string;
  /** kubectl's type label: `string`, `integer`, `PodSpec`, `[]Container`, `map[string]string`. */
  type: string;
  required: boolean;
  description: string;
}

/** What `kubectl explain <kind>[.<field>...]` prints: the header, the described node and its fields. */
export interface Explanation {
  kind: string;
  /** `v1` or `apps/v1`, as the VERSION line shows it. */
  version: string;
  /** The dotted field path below the kind (`spec.containers`); "" for the kind itself. */
  field: string;
  type: string;
  description: string;
  fields: ExplainedField[];
}

/** The subject of an explanation: a GVK and a field path, or kubectl's `pod.spec` form. */
export type ExplainTarget = { gvk: GroupVersionKind; path?: string } | string;

const shortName = (definition: string) => definition.slice(definition.lastIndexOf('.') + 1);

/**
 * kubectl's type label (its explain template's `typeGuess`): arrays and maps spell their element, a
 * reference to an object definition is its short name, a reference to a scalar definition (Time,
 * Quantity, IntOrString) is its scalar type, so `port <string>` and `limits <map[string]string>`.
 */
export function typeLabel(schemas: OpenApiSchemas, schema: OpenApiSchema): string {
  if (schema.items) return `[]${typeLabel(schemas, schema.items)}`;
  if (typeof schema.additionalProperties === 'object') return `map[string]${typeLabel(schemas, schema.additionalProperties)}`;
  const ref = refOf(schema);
  if (ref) {
    const target = schemas[refName(ref)];
    if (target?.type && target.type !== 'object') return target.type;
    return shortName(refName(ref));
  }
  return schema.type ?? 'Object';
}

/** Matches kubectl's resource argument against a kind: `pod`, `pods`, `Pod`, `replicasets`. */
function gvkForResource(schemas: OpenApiSchemas, resource: string): GroupVersionKind | undefined {
  const wanted = resource.toLowerCase();
  for (const schema of Object.values(schemas)) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      const kind = gvk.kind.toLowerCase();
      if (kind.endsWith('list') || ['status', 'deleteoptions', 'watchevent'].includes(kind)) continue;
      if ([kind, `${kind}s`, `${kind}es`].includes(wanted)) return gvk;
    }
  }
  return undefined;
}

/**
 * kubectl prints a field's own description followed by its type's (`pod.spec`: "Specification of the
 * desired behavior of the pod..." then "PodSpec is a description of a pod.").
 */
function describe(schemas: OpenApiSchemas, node: OpenApiSchema): string {
  let target = resolve(schemas, node);
  while (target.items || typeof target.additionalProperties === 'object') {
    target = resolve(schemas, target.items ?? (target.additionalProperties as OpenApiSchema));
  }
  const parts = node === target ? [node.description] : [node.description, target.description];
  return parts.filter((p): p is string => Boolean(p)).join('\n');
}

/**
 * Explains a kind or one of its fields the way `kubectl explain` does from the OpenAPI v3 schemas
 * (components.schemas of /openapi/v3/<group-version>). Returns undefined when the kind or a path
 * segment is unknown, where kubectl says `field "x" does not exist`.
 */
export function explainField(schemas: OpenApiSchemas, target: ExplainTarget): Explanation | undefined {
  let gvk: GroupVersionKind | undefined;
  let path: string[];
  if (typeof target === 'string') {
    const [resource, ...rest] = target.split('.').filter(Boolean);
    gvk = resource ? gvkForResource(schemas, resource) : undefined;
    path = rest;
  } else {
    gvk = target.gvk;
    path = (target.path ?? '').split('.').filter(Boolean);
  }
  const definition = gvk && definitionForGvk(schemas, gvk);
  if (!gvk || !definition) return undefined;

  let node: OpenApiSchema = schemas[definition];
  let label = shortName(definition);
  for (const segment of path) {
    // Descend through arrays and maps to their element, as kubectl does for `pod.spec.containers.ports`.
    let container = resolve(schemas, node);
    while (container.items || typeof container.additionalProperties === 'object') {
      container = resolve(schemas, container.items ?? (container.additionalProperties as OpenApiSchema));
    }
    const next = container.properties?.[segment];
    if (!next) return undefined;
    node = next;
    label = typeLabel(schemas, next);
  }

  let body = resolve(schemas, node);
  while (body.items || typeof body.additionalProperties === 'object') {
    body = resolve(schemas, body.items ?? (body.additionalProperties as OpenApiSchema));
  }
  const required = new Set(body.required ?? []);
  const fields = Object.entries(body.properties ?? {})
    .map(([name, schema]) => ({
      name,
      type: typeLabel(schemas, schema),
      required: required.has(name),
      description: schema.description ?? resolve(schemas, schema).description ?? '',
    }))
    // Go's sort.Strings order (bytes), as kubectl lists them: `hostIPC` before `hostname`.
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    kind: gvk.kind,
    version: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version,
    field: path.join('.'),
    type: label,
    description: describe(schemas, node),
    fields,
  };
}
