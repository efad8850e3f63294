import type { OpenApiSchema } from '@/lib/k8s/openapi-types';
import { componentSchemas, definitionForGvk, refName, type Gvk } from './schemas';

/** Follows a `$ref` (bare or wrapped in a one-element `allOf`) to the schema it names. */
function resolve(schema: OpenApiSchema, schemas: Record<string, OpenApiSchema>): OpenApiSchema {
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  return ref ? resolve(schemas[refName(ref)] ?? {}, schemas) : schema;
}

/**
 * Paths of the fields in `obj` that the kind's schema does not declare, in the form kube-apiserver's
 * strict decoder (sigs.k8s.io/json) reports them: struct fields and map keys joined with `.`, list
 * items as `[i]` (`spec.containers[0].foo`), in document order. These drive `fieldValidation`
 * (Strict fails with `strict decoding error: unknown field "..."`, Warn sends one warning each).
 * An unknown kind yields no paths.
 */
export function findUnknownFields(gvk: Gvk, obj: unknown): string[] {
  const name = definitionForGvk(gvk);
  if (!name) return [];
  const schemas = componentSchemas();
  const unknown: string[] = [];
  walk({ schema: schemas[name], value: obj, path: '', schemas, unknown });
  return unknown;
}

interface Walk {
  schema: OpenApiSchema;
  value: unknown;
  path: string;
  schemas: Record<string, OpenApiSchema>;
  unknown: string[];
}

function walk({ schema: raw, value, path, schemas, unknown }: Walk): void {
  const schema = resolve(raw, schemas);
  // Free-form values: preserved-unknown objects, IntOrString, Quantity/Time strings and scalars.
  if (schema['x-kubernetes-preserve-unknown-fields'] || schema['x-kubernetes-int-or-string']) return;
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
