/**
 * The subset of an OpenAPI v3 schema object (as kube-openapi emits for Kubernetes types) that
 * explain, unknown-field detection and the embedded cluster read.
 */
export interface OpenApiSchema {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  /** `#/components/schemas/<name>` in v3, `#/definitions/<name>` in v2. */
  $ref?: string;
  /** kube-openapi wraps a `$ref` that has a sibling description in a one-element `allOf`. */
  allOf?: OpenApiSchema[];
  /** IntOrString and Quantity in v3: one of a few scalar types. */
  oneOf?: OpenApiSchema[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
}

/** An API group/version/kind; `group` is "" for the core group. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Component schemas keyed by definition name, e.g. `io.k8s.api.core.v1.Pod`. */
export type OpenApiSchemas = Record<string, OpenApiSchema>;
