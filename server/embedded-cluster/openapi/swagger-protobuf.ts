/**
 * `/openapi/v2` in protobuf: the swagger document as gnostic's `openapi.v2.Document`
 * (google/gnostic openapiv2/OpenAPIv2.proto), the form kubectl asks for with
 * `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and parses with
 * kube-openapi's proto package (client-side validation of `kind: List`, apply's schema lookups).
 * Encoded from the same swagger JSON as `/openapi/v2` in JSON. Values without a typed field
 * (`default`, `enum`, `x-` extensions) are `Any { yaml }`, as gnostic converts them.
 */
import { stringify } from 'yaml';
import { ProtoWriter } from './proto-writer';

type Json = Record<string, unknown>;

/** What kubectl's discovery client accepts for the protobuf document. */
export const SWAGGER_PROTOBUF_ACCEPT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** What kube-openapi answers with: the same type with `.v1.0`, since `@` is no valid MIME character. */
export const SWAGGER_PROTOBUF_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** gnostic `Any`: the value as YAML text. */
function any(value: unknown): ProtoWriter {
  return new ProtoWriter().string(2, stringify(value));
}

/** `repeated NamedAny vendor_extension`: every `x-` key. */
function extensions(obj: Json): ProtoWriter[] {
  return Object.entries(obj)
    .filter(([k]) => k.startsWith('x-'))
    .map(([name, value]) => new ProtoWriter().string(1, name).message(2, any(value)));
}

/** Named maps (`Definitions`, `Properties`): `repeated NamedX additional_properties = 1`. */
function named(map: unknown, encode: (value: Json) => ProtoWriter): ProtoWriter {
  const entries = isObject(map) ? Object.entries(map).filter(([, v]) => isObject(v)) : [];
  return new ProtoWriter().messages(1, entries.map(([name, value]) => new ProtoWriter().string(1, name).message(2, encode(value as Json))));
}

function schema(s: Json): ProtoWriter {
  const w = new ProtoWriter()
    .string(1, str(s.$ref))
    .string(2, str(s.format))
    .string(3, str(s.title))
    .string(4, str(s.description));
  if (s.default !== undefined) w.message(5, any(s.default));
  w.double(6, num(s.multipleOf)).double(7, num(s.maximum)).bool(8, bool(s.exclusiveMaximum)).double(9, num(s.minimum)).bool(10, bool(s.exclusiveMinimum));
  w.int64(11, num(s.maxLength)).int64(12, num(s.minLength)).string(13, str(s.pattern)).int64(14, num(s.maxItems)).int64(15, num(s.minItems));
  w.bool(16, bool(s.uniqueItems)).int64(17, num(s.maxProperties)).int64(18, num(s.minProperties)).strings(19, strs(s.required));
  if (Array.isArray(s.enum)) w.messages(20, s.enum.map(any));
  if (isObject(s.additionalProperties)) w.message(21, new ProtoWriter().message(1, schema(s.additionalProperties)));
  else if (typeof s.additionalProperties === 'boolean') w.message(21, new ProtoWriter().oneofBool(2, s.additionalProperties));
  const types = typeof s.type === 'string' ? [s.type] : strs(s.type);
  if (types?.length) w.message(22, new ProtoWriter().strings(1, types));
  const items = Array.isArray(s.items) ? s.items.filter(isObject) : isObject(s.items) ? [s.items] : [];
  if (items.length) w.message(23, new ProtoWriter().messages(1, items.map(schema)));
  if (Array.isArray(s.allOf)) w.messages(24, s.allOf.filter(isObject).map(schema));
  if (isObject(s.properties)) w.message(25, named(s.properties, schema));
  w.string(26, str(s.discriminator)).bool(27, bool(s.readOnly));
  if (s.example !== undefined) w.message(30, any(s.example));
  return w.messages(31, extensions(s));
}

function parameter(p: Json): ProtoWriter {
  if (typeof p.$ref === 'string') return new ProtoWriter().message(2, new ProtoWriter().string(1, p.$ref).string(2, str(p.description)));
  let param: ProtoWriter;
  if (p.in === 'body') {
    const body = new ProtoWriter().string(1, str(p.description)).string(2, str(p.name)).string(3, 'body').bool(4, bool(p.required));
    if (isObject(p.schema)) body.message(5, schema(p.schema));
    param = new ProtoWriter().message(1, body.messages(6, extensions(p)));
  } else {
    // Query and form parameters have allowEmptyValue at 5, which shifts their later fields by one.
    const shifted = p.in === 'query' || p.in === 'formData';
    const o = shifted ? 1 : 0;
    const sub = new ProtoWriter().bool(1, bool(p.required)).string(2, str(p.in)).string(3, str(p.description)).string(4, str(p.name));
    if (shifted) sub.bool(5, bool(p.allowEmptyValue));
    sub.string(5 + o, str(p.type)).string(6 + o, str(p.format)).string(8 + o, str(p.collectionFormat));
    if (p.default !== undefined) sub.message(9 + o, any(p.default));
    sub.bool(19 + o, bool(p.uniqueItems)).messages(22 + o, extensions(p));
    const which = { header: 1, formData: 2, query: 3, path: 4 }[String(p.in)] ?? 3;
    param = new ProtoWriter().message(2, new ProtoWriter().message(which, sub));
  }
  return new ProtoWriter().message(1, param);
}

function operation(op: Json): ProtoWriter {
  const w = new ProtoWriter().strings(1, strs(op.tags)).string(2, str(op.summary)).string(3, str(op.description)).string(5, str(op.operationId));
  w.strings(6, strs(op.produces)).strings(7, strs(op.consumes));
  if (Array.isArray(op.parameters)) w.messages(8, op.parameters.filter(isObject).map(parameter));
  if (isObject(op.responses)) {
    const codes = Object.entries(op.responses).filter(([, r]) => isObject(r)).map(([code, r]) => {
      const response = new ProtoWriter().string(1, str((r as Json).description));
      if (isObject((r as Json).schema)) response.message(2, new ProtoWriter().message(1, schema((r as Json).schema as Json)));
      return new ProtoWriter().string(1, code).message(2, new ProtoWriter().message(1, response));
    });
    w.message(9, new ProtoWriter().messages(1, codes));
  }
  return w.strings(10, strs(op.schemes)).bool(11, bool(op.deprecated)).messages(13, extensions(op));
}

const METHOD_FIELDS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function pathItem(item: Json): ProtoWriter {
  const w = new ProtoWriter().string(1, str(item.$ref));
  for (const [method, field] of Object.entries(METHOD_FIELDS)) if (isObject(item[method])) w.message(field, operation(item[method] as Json));
  if (Array.isArray(item.parameters)) w.messages(9, item.parameters.filter(isObject).map(parameter));
  return w.messages(10, extensions(item));
}

/** Encodes a swagger 2.0 document as gnostic's `openapi.v2.Document`. */
export function swaggerToProtobuf(doc: object): Buffer {
  if (!isObject(doc)) return Buffer.alloc(0);
  const info = isObject(doc.info) ? doc.info : {};
  const w = new ProtoWriter()
    .string(1, str(doc.swagger))
    .message(2, new ProtoWriter().string(1, str(info.title)).string(2, str(info.version)).string(3, str(info.description)).messages(7, extensions(info)));
  if (isObject(doc.paths)) {
    const paths = Object.entries(doc.paths).filter(([, v]) => isObject(v)).map(([name, item]) => new ProtoWriter().string(1, name).message(2, pathItem(item as Json)));
    w.message(8, new ProtoWriter().messages(2, paths));
  }
  w.message(9, named(doc.definitions, schema));
  if (Array.isArray(doc.security)) {
    const requirements = doc.security.filter(isObject).map((req) =>
      new ProtoWriter().messages(1, Object.entries(req).map(([name, scopes]) => new ProtoWriter().string(1, name).message(2, new ProtoWriter().strings(1, strs(scopes) ?? [])))),
    );
    w.messages(12, requirements);
  }
  if (isObject(doc.securityDefinitions)) {
    const items = Object.entries(doc.securityDefinitions).filter(([, v]) => isObject(v)).map(([name, d]) => {
      const def = d as Json;
      // Kubernetes declares one scheme, BearerToken, an apiKey in the authorization header.
      const apiKey = new ProtoWriter().string(1, str(def.type)).string(2, str(def.name)).string(3, str(def.in)).string(4, str(def.description));
      return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(2, apiKey));
    });
    w.message(13, new ProtoWriter().messages(1, items));
  }
  return w.finish();
}
