import type { GroupVersionKind, OpenApiSchema, OpenApiSchemas } from './openapi-types';
import { definitionForGvk, resolveSchema } from './openapi-resolve';

/**
 * Paths of the fields in `obj` that the kind's schema does not declare, in the form kube-apiserver's
 * strict decoder (sigs.k8s.io/json) reports them: struct fields and map keys joined with `.`, list
 * items as `[i]` (`spec.containers[0].foo`), in document order. These drive `fieldValidation`
 * (Strict fails with `strict decoding error: unknown field "..."`, Warn sends one warning each).
 * The embedded cluster and the console's editor share this one walk. An unknown kind yields no paths.
 */
export function findUnknownFields(schemas: OpenApiSchemas, gvk: GroupVersionKind, obj: unknown): string[] {
  const name = definitionForGvk(schemas, gvk);
  if (!name) return [];
  const unknown: string[] = [];
  walk({ schema: schemas[name], value: obj, path: '', schemas, unknown });
  return unknown;
}

/** The server's Strict wording for one unknown field. */
export function unknownFieldMessage(path: string): string {
  return `unknown field ${JSON.stringify(path)}`;
}

interface Walk {
  schema: OpenApiSchema;
  value: unknown;
  path: string;
  schemas: OpenApiSchemas;
  unknown: string[];
}

/** Free-form values: preserved-unknown objects and IntOrString (Quantity and Time are scalars anyway). */
export function isFreeForm(schema: OpenApiSchema): boolean {
  return Boolean(schema['x-kubernetes-preserve-unknown-fields'] || schema['x-kubernetes-int-or-string']);
}

function walk({ schema: raw, value, path, schemas, unknown }: Walk): void {
  const schema = resolveSchema(schemas, raw);
  if (isFreeForm(schema)) return;
  if (value === null || typeof value !== 'object') return;
  const child = (segment: string) => (path ? `${path}.${segment}` : segment);
  if (Array.isArray(value)) {
    if (schema.type !== 'array' || !schema.items) return;
    value.forEach((item, i) => walk({ schema: schema.items!, value: item, path: `${path}[${i}]`, schemas, unknown }));
    return;
  }
  if (schema.type !== 'object') return;
  const entries = Object.entries(value as Record<string, unknown>);
  if (schema.properties) {
    for (const [key, v] of entries) {
      const prop = schema.properties[key];
      if (prop) walk({ schema: prop, value: v, path: child(key), schemas, unknown });
      else unknown.push(child(key));
    }
  } else if (typeof schema.additionalProperties === 'object') {
    for (const [key, v] of entries) walk({ schema: schema.additionalProperties, value: v, path: child(key), schemas, unknown });
  }
  // An object with neither (FieldsV1, RawExtension) holds raw JSON: nothing in it is unknown.
}
