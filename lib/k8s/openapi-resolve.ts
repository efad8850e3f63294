import type { GroupVersionKind, OpenApiSchema, OpenApiSchemas } from './openapi-types';

/** The definition a `$ref` names (`#/components/schemas/X` in v3, `#/definitions/X` in v2). */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** The `$ref` of a schema, bare or wrapped in kube-openapi's one-element `allOf`. */
export function refOf(schema: OpenApiSchema): string | undefined {
  return schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
}

/** Follows `$ref`s to the schema they name; an unknown definition resolves to `{}` (anything goes). */
export function resolveSchema(schemas: OpenApiSchemas, schema: OpenApiSchema): OpenApiSchema {
  const ref = refOf(schema);
  return ref ? resolveSchema(schemas, schemas[refName(ref)] ?? {}) : schema;
}

/** The definition name a schema refers to, following chains of `$ref`s (`io.k8s.api.core.v1.Container`). */
export function definitionOf(schemas: OpenApiSchemas, schema: OpenApiSchema): string | undefined {
  let name: string | undefined;
  for (let ref = refOf(schema); ref; ref = schemas[refName(ref)] ? refOf(schemas[refName(ref)]) : undefined) name = refName(ref);
  return name;
}

/** The definition whose `x-kubernetes-group-version-kind` lists this GVK, as kubectl looks a kind up. */
export function definitionForGvk(schemas: OpenApiSchemas, gvk: GroupVersionKind): string | undefined {
  return Object.keys(schemas).find((name) =>
    schemas[name]['x-kubernetes-group-version-kind']?.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind),
  );
}
