/**
 * What the console lets out of a Secret: its metadata, type and key names, never a value. Lists and
 * watches ask the API server for metadata only (`PartialObjectMetadata`, as client-go's metadata informers
 * do), and whatever comes back is redacted again before anything keeps or forwards it, in case a server
 * ignores that Accept header. A value is read only by `readSecretValue`, one key at a time.
 */

/** The core/v1 resource whose objects carry credentials. */
export function isSecretResource(target: { group?: string; resource: string }): boolean {
  return (target.group ?? '') === '' && target.resource === 'secrets';
}

/** Accept headers for metadata-only answers: lists are `PartialObjectMetadataList`, watch events `PartialObjectMetadata`. */
export const METADATA_ONLY_ACCEPT = {
  list: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
  watch: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json',
} as const;

/** `kubectl apply` keeps the whole manifest it applied, Secret values included, in this annotation. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const SECRET_KINDS = new Set(['Secret', 'PartialObjectMetadata']);
const LIST_KINDS = new Set(['SecretList', 'PartialObjectMetadataList']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A Secret (or its PartialObjectMetadata) without `data`, `stringData` or the last-applied annotation. */
export function redactSecret<T>(object: T): T {
  if (!isObject(object)) return object;
  const { data: _data, stringData: _stringData, ...rest } = object as Json;
  const metadata: unknown = rest.metadata;
  if (isObject(metadata) && isObject(metadata.annotations) && LAST_APPLIED in metadata.annotations) {
    const { [LAST_APPLIED]: _applied, ...annotations } = metadata.annotations;
    rest.metadata = { ...metadata, annotations };
  }
  return rest as T;
}

/**
 * Redacts any answer of the secrets resource: one Secret, a list, a Table (whose rows may embed their
 * objects), a watch event, or a Status (left as it is).
 */
export function redactSecretsBody(body: unknown): unknown {
  if (!isObject(body)) return body;
  if (SECRET_KINDS.has(String(body.kind))) return redactSecret(body);
  if (LIST_KINDS.has(String(body.kind)) && Array.isArray(body.items)) return { ...body, items: body.items.map(redactSecret) };
  if (body.kind === 'Table' && Array.isArray(body.rows)) {
    return { ...body, rows: body.rows.map((row) => (isObject(row) && isObject(row.object) ? { ...row, object: redactSecret(row.object) } : row)) };
  }
  if (typeof body.type === 'string' && isObject(body.object)) return { ...body, object: redactSecretsBody(body.object) };
  return body;
}
