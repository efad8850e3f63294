/**
 * metav1.Status builders. Every failure the embedded cluster answers is one of these, with the reason,
 * code, details and message wording of k8s.io/apimachinery/pkg/api/errors, because kubectl and
 * client-node show (and sometimes branch on) exactly those.
 */

/** The `details.causes[]` entry of a metav1.Status. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.StatusDetails. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A metav1.Status with status Failure, thrown by handlers and turned into a response by the router. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  /** The JSON body the real server sends for this error. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** Identifies a resource in messages: `pods`, or `deployments.apps` outside the core group. */
export interface ResourceRef {
  group: string;
  resource: string;
}

/** `pods` or `deployments.apps`, as errors.NewNotFound formats a GroupResource. */
export function qualifiedResource({ group, resource }: ResourceRef): string {
  return group ? `${resource}.${group}` : resource;
}

function details(ref: ResourceRef, name?: string): StatusDetails {
  return { ...(name !== undefined ? { name } : {}), ...(ref.group ? { group: ref.group } : {}), kind: ref.resource };
}

/** 404 NotFound: `pods "x" not found`. */
export function notFound(ref: ResourceRef, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(ref)} "${name}" not found`, details(ref, name));
}

/** 409 AlreadyExists: `pods "x" already exists`. */
export function alreadyExists(ref: ResourceRef, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(ref)} "${name}" already exists`, details(ref, name));
}

/** 409 Conflict: `Operation cannot be fulfilled on pods "x": <why>`. */
export function conflict(ref: ResourceRef, name: string, why: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(ref)} "${name}": ${why}`,
    details(ref, name),
  );
}

/** The optimistic-concurrency message of the registry store (storage.ErrConflict wording). */
export const MODIFIED_CONFLICT =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 401 Unauthorized, exactly as the authentication filter answers. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** 400 BadRequest with a free-form message. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 422 Invalid, built from the message and causes that `@/lib/k8s/field-errors` renders. */
export function invalid(options: {
  kind: string;
  group: string;
  name: string;
  message: string;
  causes: StatusCause[];
}): ApiError {
  const { kind, group, name, message, causes } = options;
  return new ApiError(422, 'Invalid', message, { name, ...(group ? { group } : {}), kind, causes });
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(): ApiError {
  return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 410 Expired for a watch resumed from a compacted resourceVersion. */
export function tooOldResourceVersion(requested: string, oldest: string): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** 410 Expired for a list continued from a compacted snapshot (storage.ErrResourceExpired wording). */
export function continueExpired(): ApiError {
  return new ApiError(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );
}

/** 406 NotAcceptable. */
export function notAcceptable(): ApiError {
  return new ApiError(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  );
}

/** 415 UnsupportedMediaType. */
export function unsupportedMediaType(accepted: string[]): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/** 413 RequestEntityTooLarge for a body over the server's limit. */
export function requestEntityTooLarge(limit: number): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** 500 InternalError wrapping an unexpected exception. */
export function internalError(err: unknown): ApiError {
  const text = err instanceof Error ? err.message : String(err);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
}

/** 404 for a URL the server does not route, as the real server's NotFound handler answers. */
export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** The Status a successful delete without a returned object answers with. */
export function successStatus(ref: ResourceRef, name: string, uid?: string): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { ...details(ref, name), ...(uid ? { uid } : {}) },
  };
}
