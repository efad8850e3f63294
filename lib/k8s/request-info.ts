/**
 * The request-info resolver of k8s.io/apiserver (pkg/endpoints/request/requestinfo.go): what the
 * authorizer decides on. Resource requests are `/api/{version}/...` and `/apis/{group}/{version}/...`;
 * everything else is a non-resource request whose verb is the lower-cased HTTP method.
 */
export interface RequestAttributes {
  isResourceRequest: boolean;
  /** The URL path (non-resource rules match it). */
  path: string;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

// `/api/v1/watch/...` and `/api/v1/proxy/...`: the verb is in the path.
const SPECIAL_VERBS = new Set(['proxy', 'watch']);
// Subresources of a namespace itself: /api/v1/namespaces/{name}/status, /finalize.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** Resolves method, path and query to the attributes the authorizer sees. */
export function resolveRequestInfo(method: string, path: string, query: URLSearchParams): RequestAttributes {
  const nonResource: RequestAttributes = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
  };
  let parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return nonResource;
  const info: RequestAttributes = { ...nonResource, isResourceRequest: true };
  const grouped = parts[0] === 'apis';
  parts = parts.slice(1);
  if (grouped) {
    if (parts.length < 3) return nonResource;
    info.apiGroup = parts[0] ?? '';
    parts = parts.slice(1);
  }
  info.apiVersion = parts[0] ?? '';
  parts = parts.slice(1);
  if (SPECIAL_VERBS.has(parts[0] ?? '')) {
    if (parts.length < 2) return nonResource;
    info.verb = parts[0] ?? '';
    parts = parts.slice(1);
  } else {
    info.verb = METHOD_VERBS[method] ?? '';
  }
  if (parts[0] === 'namespaces' && parts.length > 1) {
    info.namespace = parts[1] ?? '';
    // /namespaces/{ns}/{resource}/...: the resource is what follows, unless it is a namespace subresource.
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? '')) parts = parts.slice(2);
  }
  info.resource = parts[0] ?? '';
  info.name = parts[1] ?? '';
  // `proxy` keeps everything after the name as the proxied path, not a subresource.
  if (parts.length >= 3 && info.verb !== 'proxy') info.subresource = parts[2] ?? '';
  if (!info.name && info.verb === 'get') {
    info.verb = watchRequested(query) ? 'watch' : 'list';
    // A list or watch of one object by `fieldSelector=metadata.name=x` is authorized as that name.
    const byName = /^metadata\.name==?([^,=!]+)$/.exec(query.get('fieldSelector') ?? '');
    if (byName?.[1]) info.name = byName[1];
  }
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}

const STREAMING_SUBRESOURCES = new Set(['attach', 'exec', 'portforward']);

/**
 * The AuthorizePodWebsocketUpgradeCreatePermission check (on by default since 1.31): a WebSocket
 * upgrade of pods/exec, attach or portforward is a GET, but it also needs `create`, as the SPDY POST does.
 */
export function websocketCreateCheck(attrs: RequestAttributes, req: { headers: Record<string, string | string[] | undefined> }): RequestAttributes[] {
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  const streaming = attrs.isResourceRequest && attrs.apiGroup === '' && attrs.resource === 'pods' && STREAMING_SUBRESOURCES.has(attrs.subresource);
  return upgrade && streaming && attrs.verb === 'get' ? [{ ...attrs, verb: 'create' }] : [];
}

// The `watch` list option is a Go bool; a value that does not parse is taken as true unless it is false or 0.
function watchRequested(query: URLSearchParams): boolean {
  const value = query.get('watch');
  if (value === null) return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return !['false', '0'].includes(value.toLowerCase());
}

/** A path segment decoded, or left as it is when its percent-encoding is broken. */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
