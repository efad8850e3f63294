import type { Node } from 'yaml';
import { fieldErrorMessage, notSupported, required, type FieldError } from './field-errors';
import { parseManifestDocuments, type ManifestDocument } from './manifest-documents';
import { resolveObjectNamespace } from './namespace-rule';
import { definitionForGvk, definitionOf, resolveSchema } from './openapi-resolve';
import type { OpenApiSchema, OpenApiSchemas } from './openapi-types';
import { splitApiVersion } from './resource-path';
import { apiVersionOf, RESOURCES } from './resources';
import { findUnknownFields, isFreeForm, unknownFieldMessage } from './unknown-fields';
import { isDNS1123Label, validateAnnotations, validateLabels, validateObjectMetaName } from './validation';
import { locateField, type TextSpan } from './yaml-field-location';

/** One problem in the manifest text, where the editor marks it. */
export interface ManifestProblem extends TextSpan {
  message: string;
  /** The document (0-based, as the server numbers them) the problem is in. */
  document: number;
}

/**
 * The component schemas of one group-version (`v1`, `apps/v1`) from the cluster's `/openapi/v3`; `null`
 * when the cluster does not serve that group-version, `undefined` while its document is still loading.
 */
export type SchemaLookup = (apiVersion: string) => OpenApiSchemas | null | undefined;

export interface ManifestValidation {
  problems: ManifestProblem[];
  /** Group-versions whose schemas were not loaded yet: their documents were checked only for syntax. */
  pending: string[];
}

/** kubectl's messages for an object without them (resource.Builder). */
export const MISSING_API_VERSION = "Object 'apiVersion' is missing in the document";
export const MISSING_KIND = "Object 'Kind' is missing in the document";

// Fields the API server's validation requires although OpenAPI leaves them optional (for tools that
// fill them in later): `spec.containers[0].image: Required value` (core/v1 validation, ValidateContainers).
const SERVER_REQUIRED: Record<string, readonly string[]> = { 'io.k8s.api.core.v1.Container': ['image'] };

// The name rule `ValidateObjectMeta` applies per kind; subdomain is the default.
const NAME_RULES: Record<string, 'label' | 'dns1035'> = { Namespace: 'label', Service: 'dns1035' };

const typeOfValue = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value === 'object' ? 'object' : typeof value;

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The JSON types a schema accepts; empty means any (raw JSON, or a schema without a type). */
function acceptedTypes(schema: OpenApiSchema): string[] {
  if (schema['x-kubernetes-int-or-string']) return ['integer', 'string'];
  if (schema.oneOf) return schema.oneOf.map((s) => s.type).filter((t): t is NonNullable<typeof t> => Boolean(t));
  if (schema.type) return [schema.type];
  return schema.properties || typeof schema.additionalProperties === 'object' ? ['object'] : [];
}

interface Walk {
  schemas: OpenApiSchemas;
  errors: FieldError[];
}

const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Types, enumerations and required fields, as the server's decoder and validation would refuse them. */
function checkValue(walk: Walk, raw: OpenApiSchema, value: unknown, path: string): void {
  // null means "unset" to the API server's decoder.
  if (value === null || value === undefined) return;
  const schema = resolveSchema(walk.schemas, raw);
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) return;
  const accepted = acceptedTypes(schema);
  const actual = typeOfValue(value);
  const fits = accepted.length === 0 || accepted.includes(actual) || (actual === 'integer' && accepted.includes('number'));
  if (!fits) {
    walk.errors.push({ type: 'FieldValueTypeInvalid', field: path, badValue: value, detail: `must be ${accepted.map(article).join(' or ')}, not ${article(actual)}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    walk.errors.push(notSupported(path, value, schema.enum.map(String)));
    return;
  }
  if (isFreeForm(schema)) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => checkValue(walk, schema.items!, item, `${path}[${i}]`));
    return;
  }
  if (actual !== 'object') return;
  const object = value as Record<string, unknown>;
  const definition = definitionOf(walk.schemas, raw);
  for (const name of [...(schema.required ?? []), ...(definition ? SERVER_REQUIRED[definition] ?? [] : [])]) {
    if (object[name] === undefined || object[name] === null || object[name] === '') walk.errors.push(required(child(path, name)));
  }
  for (const [key, v] of Object.entries(object)) {
    // Unknown fields are findUnknownFields' part; here only declared ones and map values are checked.
    const next = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (next) checkValue(walk, next, v, child(path, key));
  }
}

/** `metadata` as `ValidateObjectMeta` checks it: a name (or generateName), its syntax, labels, annotations. */
function checkMetadata(kind: string, object: Record<string, unknown>): FieldError[] {
  const meta = (object.metadata ?? {}) as { name?: unknown; generateName?: unknown; namespace?: unknown; labels?: unknown; annotations?: unknown };
  const errors: FieldError[] = [];
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name && !meta.generateName) errors.push(required('metadata.name', 'name or generateName is required'));
  if (name) errors.push(...validateObjectMetaName(name, NAME_RULES[kind] ?? 'subdomain'));
  if (typeof meta.namespace === 'string' && meta.namespace) {
    for (const message of isDNS1123Label(meta.namespace)) errors.push({ type: 'FieldValueInvalid', field: 'metadata.namespace', badValue: meta.namespace, detail: message });
  }
  const strings = (map: unknown) => (map && typeof map === 'object' && !Array.isArray(map) ? Object.entries(map as Record<string, unknown>) : []);
  // One key at a time, so each problem is marked at its own label although the server reports them all on
  // `metadata.labels`.
  for (const [key, value] of strings(meta.labels)) {
    if (typeof value === 'string') errors.push(...validateLabels({ [key]: value }, 'metadata.labels').map((e) => ({ ...e, at: `metadata.labels.${key}` })));
  }
  for (const [key, value] of strings(meta.annotations)) {
    if (typeof value === 'string') errors.push(...validateAnnotations({ [key]: value }, 'metadata.annotations').map((e) => ({ ...e, at: `metadata.annotations.${key}` })));
  }
  return errors;
}

type Located = FieldError & { at?: string };

export interface ValidateOptions {
  /** The `-n` namespace: an object naming another one is kubectl's mismatch error. */
  namespace?: string;
}

/** The problems of one parsed document; `undefined` when its group-version's schemas are still loading. */
function documentProblems(doc: ManifestDocument, lookup: SchemaLookup, options: ValidateOptions): ManifestProblem[] | undefined {
  const at = (span: TextSpan | undefined, message: string): ManifestProblem => ({ ...(span ?? { from: doc.range[0], to: doc.range[0] }), message, document: doc.index });
  const object = doc.object!;
  const node = doc.node as Node | undefined;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (!apiVersion) return [at(locateField(node, ''), MISSING_API_VERSION)];
  if (!kind) return [at(locateField(node, ''), MISSING_KIND)];
  const schemas = lookup(apiVersion);
  if (schemas === undefined) return undefined;
  const gvk = { ...splitApiVersion(apiVersion), kind };
  const definition = schemas && definitionForGvk(schemas, gvk);
  if (!schemas || !definition) return [at(locateField(node, 'kind'), `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`)];

  const problems = findUnknownFields(schemas, gvk, object).map((path) => at(locateField(node, path), unknownFieldMessage(path)));
  const walk: Walk = { schemas, errors: [] };
  checkValue(walk, schemas[definition], object, '');
  const errors: Located[] = [...walk.errors, ...checkMetadata(kind, object)];
  for (const error of errors) problems.push(at(locateField(node, error.at ?? error.field), fieldErrorMessage(error)));

  const descriptor = RESOURCES.find((d) => d.kind === kind && apiVersionOf(d) === apiVersion);
  const objectNamespace = (object.metadata as { namespace?: unknown } | undefined)?.namespace;
  if (descriptor && typeof objectNamespace === 'string') {
    const ns = resolveObjectNamespace({ namespaced: descriptor.namespaced, objectNamespace, requested: options.namespace, contextDefault: '' });
    if (!ns.ok) problems.push(at(locateField(node, 'metadata.namespace'), ns.message));
  }
  return problems;
}

/**
 * Checks a manifest against the cluster's own OpenAPI v3 schemas before anything is sent: YAML syntax,
 * unknown fields (as `fieldValidation=Strict` rejects them, in its words), wrong types, enumerations,
 * required fields, and names, labels and annotations with the API server's validators. Each problem
 * carries its place in the text.
 */
export function validateManifest(text: string, lookup: SchemaLookup, options: ValidateOptions = {}): ManifestValidation {
  const problems: ManifestProblem[] = [];
  const pending = new Set<string>();
  for (const doc of parseManifestDocuments(text)) {
    if (doc.error) {
      const from = doc.error.offset ?? doc.range[0];
      problems.push({ from, to: from, message: doc.error.message, document: doc.index });
      continue;
    }
    const found = documentProblems(doc, lookup, options);
    if (found) problems.push(...found);
    else pending.add(String(doc.object!.apiVersion));
  }
  return { problems: problems.sort((a, b) => a.from - b.from), pending: [...pending] };
}
