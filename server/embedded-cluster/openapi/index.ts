import { groupVersionDocument, swaggerDocument, v3Index } from './documents';
import { SERVED_GROUP_VERSIONS } from './served-resources';
import { SWAGGER_PROTOBUF_ACCEPT, SWAGGER_PROTOBUF_TYPE, swaggerToProtobuf } from './swagger-protobuf';
import { findUnknownFields as findUnknownIn } from '@/lib/k8s/unknown-fields';
import { componentSchemas, type Gvk } from './schemas';

/** `findUnknownFields` of lib/k8s (shared with the console's editor) over this cluster's own schemas. */
export function findUnknownFields(gvk: Gvk, obj: unknown): string[] {
  return findUnknownIn(componentSchemas(), gvk, obj);
}

interface Documents {
  v2: string;
  v2Protobuf: Buffer;
  index: string;
  groupVersions: Map<string, string>;
}

let documents: Documents | undefined;

/** The documents never change while the process runs, so they are rendered once. */
function render(): Documents {
  const groupVersions = new Map(SERVED_GROUP_VERSIONS.map((gv) => [gv.docPath, JSON.stringify(groupVersionDocument(gv))]));
  const swagger = swaggerDocument();
  return { v2: JSON.stringify(swagger), v2Protobuf: swaggerToProtobuf(swagger), index: JSON.stringify(v3Index(groupVersions)), groupVersions };
}

/**
 * Documents for `GET /openapi/v2` (swagger JSON, or gnostic protobuf when `accept` asks for it, as
 * kubectl's discovery client does), `/openapi/v3` (the index kubectl reads first) and
 * `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`. The query string (`?hash=`) is ignored: there is
 * only one version of each document. `undefined` means the path is not ours (answer 404).
 */
export function openApiResponse(path: string, accept = ''): { contentType: string; body: string | Buffer } | undefined {
  documents ??= render();
  const bare = path.split('?')[0].replace(/\/+$/, '');
  if (bare === '/openapi/v2') {
    if (accept.includes(SWAGGER_PROTOBUF_ACCEPT) || accept.includes(SWAGGER_PROTOBUF_TYPE)) return { contentType: SWAGGER_PROTOBUF_TYPE, body: documents.v2Protobuf };
    return { contentType: 'application/json', body: documents.v2 };
  }
  if (bare === '/openapi/v3') return { contentType: 'application/json', body: documents.index };
  const doc = bare.startsWith('/openapi/v3/') ? documents.groupVersions.get(bare.slice('/openapi/v3/'.length)) : undefined;
  return doc === undefined ? undefined : { contentType: 'application/json', body: doc };
}
