import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { scanJsonFields, type FieldScan } from './json-fields';
import { decodeKubernetesProtobuf } from './protobuf';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from './status';

/** The API server's default `--max-request-body-bytes`: 3 MiB (etcd's limit plus headroom). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** Reads a request body, failing with 413 RequestEntityTooLarge past the limit. */
export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) {
    req.resume();
    throw requestEntityTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw requestEntityTooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A decoded object body and, for JSON, the field scan used by field validation. */
export interface DecodedBody {
  value: unknown;
  fields?: FieldScan;
}

const OBJECT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

/** The media type of a Content-Type header without parameters, lower-cased. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Decodes a create/update body (JSON, YAML or Kubernetes protobuf). */
export function decodeObjectBody(body: Buffer, contentType: string | undefined): DecodedBody {
  const type = mediaType(contentType) || 'application/json';
  if (type === 'application/vnd.kubernetes.protobuf') {
    try {
      return { value: decodeKubernetesProtobuf(body) };
    } catch (err) {
      throw badRequest(`${(err as Error).message}`);
    }
  }
  if (type === 'application/yaml') {
    try {
      return { value: parseYaml(body.toString('utf8')) };
    } catch (err) {
      throw badRequest(`error converting YAML to JSON: ${(err as Error).message}`);
    }
  }
  if (type !== 'application/json') throw unsupportedMediaType(OBJECT_TYPES);
  return decodeJson(body);
}

/** Decodes a JSON body, mapping syntax errors to the serializer's 400 wording. */
export function decodeJson(body: Buffer): DecodedBody {
  const text = body.toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    return { value, fields: scanJsonFields(text) };
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}
