import { createHash } from 'node:crypto';
import type { OpenApiSchema } from '@/lib/k8s/openapi-types';
import { groupVersionPaths } from './paths';
import { componentSchemas, refName } from './schemas';
import { SERVED_GROUP_VERSIONS, type ServedGroupVersion } from './served-resources';

/** The version kube-apiserver reports in `info`; kubectl only displays it. */
const INFO = { title: 'Kubernetes', version: 'v1.32.0' };
const BEARER = { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } };

/** Every `$ref` target reachable from a JSON value, following refs through the component schemas. */
function referencedSchemas(root: unknown): string[] {
  const schemas = componentSchemas();
  const seen = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const name = refName(child);
        if (!seen.has(name)) {
          seen.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(root);
  return [...seen].sort();
}

/** The OpenAPI v3 document of one group/version: its paths and the schemas they reach. */
export function groupVersionDocument(gv: ServedGroupVersion): object {
  const paths = groupVersionPaths(gv);
  const all = componentSchemas();
  const schemas = Object.fromEntries(referencedSchemas(paths).map((name) => [name, all[name]]));
  return { openapi: '3.0.0', info: INFO, paths, components: { schemas, securitySchemes: BEARER } };
}

/**
 * The `/openapi/v3` discovery index. The hash lets clients cache a document under its URL
 * forever (kube-apiserver uses the document's SHA-512, in upper-case hex).
 */
export function v3Index(docs: Map<string, string>): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [docPath, body] of docs) {
    const hash = createHash('sha512').update(body).digest('hex').toUpperCase();
    paths[docPath] = { serverRelativeURL: `/openapi/v3/${docPath}?hash=${hash}` };
  }
  return { paths };
}

/** v2 spells a described `$ref` as a sibling `$ref`, and refs point at `#/definitions/`. */
function toV2Schema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toV2Schema);
  if (typeof value !== 'object' || value === null) return value;
  const schema = value as OpenApiSchema & Record<string, unknown>;
  // v2 has no oneOf: IntOrString and Quantity are `type: string` there (curated-markers V3_ONE_OF_TYPES).
  if (Array.isArray(schema.oneOf)) {
    const { oneOf: _v3Only, ...rest } = schema;
    return toV2Schema({ ...rest, type: 'string' });
  }
  if (schema.allOf?.length === 1 && schema.allOf[0].$ref) {
    const { allOf, ...rest } = schema;
    return toV2Schema({ ...rest, $ref: allOf[0].$ref });
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof child === 'string' ? `#/definitions/${refName(child)}` : toV2Schema(child);
  }
  return out;
}

type Json = Record<string, unknown>;

/** A v3 operation as swagger 2.0 spells it: a body parameter, flat parameter types, one schema per response. */
function toV2Operation(op: Json): Json {
  const { requestBody, responses, parameters, ...rest } = op as { requestBody?: Json; responses: Json; parameters?: Json[] };
  const params = (parameters ?? []).map(toV2Parameter);
  const bodyContent = requestBody?.content as Record<string, { schema: unknown }> | undefined;
  if (bodyContent) {
    const schema = Object.values(bodyContent)[0].schema;
    params.unshift({ name: 'body', in: 'body', required: requestBody?.required === true, schema: toV2Schema(schema) });
  }
  const v2Responses: Json = {};
  for (const [code, response] of Object.entries(responses as Record<string, Json>)) {
    const first = response.content ? Object.values(response.content as Record<string, { schema: unknown }>)[0] : undefined;
    v2Responses[code] = { description: response.description, ...(first ? { schema: toV2Schema(first.schema) } : {}) };
  }
  return {
    ...rest,
    ...(bodyContent ? { consumes: Object.keys(bodyContent) } : {}),
    produces: ['application/json', 'application/yaml'],
    schemes: ['https'],
    ...(params.length ? { parameters: params } : {}),
    responses: v2Responses,
  };
}

function toV2Parameter(param: Json): Json {
  const { schema, ...rest } = param as { schema?: Json };
  return { ...rest, ...(schema ?? {}) };
}

/** The swagger 2.0 document (`/openapi/v2`) of every served group/version. */
export function swaggerDocument(): object {
  const paths: Json = {};
  for (const gv of SERVED_GROUP_VERSIONS) {
    for (const [path, item] of Object.entries(groupVersionPaths(gv))) {
      const v2Item: Json = {};
      for (const [key, value] of Object.entries(item)) {
        v2Item[key] = key === 'parameters' ? (value as Json[]).map(toV2Parameter) : toV2Operation(value as Json);
      }
      paths[path] = v2Item;
    }
  }
  return {
    swagger: '2.0',
    info: INFO,
    paths,
    definitions: toV2Schema(componentSchemas()),
    securityDefinitions: BEARER,
    security: [{ BearerToken: [] }],
  };
}
