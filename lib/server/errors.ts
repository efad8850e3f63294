import { failureStatus, isStatus, type K8sStatus } from '@/lib/contract/status';

/**
 * The console's own failures. Each maps to exactly one HTTP code and `metav1.Status` reason in `ERROR_TABLE`,
 * the only place where that mapping is written.
 */
export type BffErrorCode =
  | 'ContextNotFound'
  | 'ContextUnavailable'
  | 'ContextForbidden'
  | 'InvalidInput'
  | 'InvalidPath'
  | 'PathNotProxied'
  | 'LongRunningRequest'
  | 'Unauthenticated'
  | 'CrossSiteRequest'
  | 'HostNotAllowed'
  | 'MethodNotAllowed'
  | 'BodyTooLarge'
  | 'TooManyRequests'
  | 'ReadOnly'
  | 'UnsupportedMediaType'
  | 'UpstreamUnreachable'
  | 'UpstreamTimeout'
  | 'Internal';

/** HTTP code and Status reason per error; reasons are apimachinery's `metav1.StatusReason` values. */
export const ERROR_TABLE: Record<BffErrorCode, { code: number; reason: string }> = {
  ContextNotFound: { code: 404, reason: 'NotFound' },
  ContextUnavailable: { code: 503, reason: 'ServiceUnavailable' },
  ContextForbidden: { code: 403, reason: 'Forbidden' },
  InvalidInput: { code: 400, reason: 'BadRequest' },
  InvalidPath: { code: 400, reason: 'BadRequest' },
  PathNotProxied: { code: 404, reason: 'NotFound' },
  LongRunningRequest: { code: 400, reason: 'BadRequest' },
  Unauthenticated: { code: 401, reason: 'Unauthorized' },
  CrossSiteRequest: { code: 403, reason: 'Forbidden' },
  HostNotAllowed: { code: 403, reason: 'Forbidden' },
  MethodNotAllowed: { code: 405, reason: 'MethodNotAllowed' },
  BodyTooLarge: { code: 413, reason: 'RequestEntityTooLarge' },
  TooManyRequests: { code: 429, reason: 'TooManyRequests' },
  ReadOnly: { code: 403, reason: 'Forbidden' },
  UnsupportedMediaType: { code: 415, reason: 'UnsupportedMediaType' },
  UpstreamUnreachable: { code: 503, reason: 'ServiceUnavailable' },
  UpstreamTimeout: { code: 504, reason: 'Timeout' },
  Internal: { code: 500, reason: 'InternalError' },
};

// Next bundles its own copy of this module, so an error thrown by the custom server's copy fails
// `instanceof` in a route handler. A registered symbol is the same in both copies.
const BRAND = Symbol.for('pilothouse.bff-error');
const KUBE_BRAND = Symbol.for('pilothouse.kube-status-error');

/** A failure of the console itself (not of the API server). */
export class BffError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: BffErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BffError';
  }
}

/** The API server answered with a failure; `status` is its `metav1.Status`, to be passed on unchanged. */
export class KubeStatusError extends Error {
  readonly [KUBE_BRAND] = true;
  constructor(readonly status: K8sStatus) {
    super(status.message ?? `the server answered ${status.code ?? 'with an error'}`);
    this.name = 'KubeStatusError';
  }
}

export function isBffError(error: unknown): error is BffError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

export function isKubeStatusError(error: unknown): error is KubeStatusError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[KUBE_BRAND] === true;
}

/** Any thrown value as the Status the browser receives: the server's unchanged, ours through the table. */
export function toStatus(error: unknown): K8sStatus {
  if (isKubeStatusError(error)) return error.status;
  if (isBffError(error)) {
    const { code, reason } = ERROR_TABLE[error.code];
    return failureStatus({ code, reason, message: error.message });
  }
  if (isStatus(error)) return error;
  const { code, reason } = ERROR_TABLE.Internal;
  return failureStatus({ code, reason, message: 'internal error in the console; see the server log' });
}

/** The HTTP code to answer with for a Status (500 when the Status carries none). */
export function httpCodeOf(status: K8sStatus): number {
  return status.code && status.code >= 400 && status.code <= 599 ? status.code : 500;
}
