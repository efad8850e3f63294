/**
 * What a Kubernetes API path names, as the API server's request info resolver reads it
 * (`k8s.io/apiserver/pkg/endpoints/request.RequestInfoFactory`): `/api/v1/...` is the core group,
 * `/apis/{group}/{version}/...` a named group, then `namespaces/{ns}/` when namespaced, the resource, the
 * object's name and a subresource. `namespaces/{name}` alone is the Namespace object itself.
 */
export interface ApiObjectRef {
  apiGroup: string;
  apiVersion: string;
  resource?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** The object an API path's decoded segments (without a leading slash) address, or null outside `/api` and `/apis`. */
export function apiObjectRef(segments: readonly string[]): ApiObjectRef | null {
  let rest: readonly string[];
  let apiGroup: string;
  let apiVersion: string;
  if (segments[0] === 'api' && segments.length >= 2) {
    [apiGroup, apiVersion, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    [apiGroup, apiVersion, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return null;
  }
  const ref: ApiObjectRef = { apiGroup, apiVersion };
  // `namespaces/{ns}/{resource}...` is namespaced; `namespaces/{ns}` (or `namespaces/{ns}/status`) is the Namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !['status', 'finalize'].includes(rest[2] ?? '')) {
    ref.namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (resource) ref.resource = resource;
  if (name) ref.name = name;
  if (subresource) ref.subresource = subresource;
  return ref;
}
