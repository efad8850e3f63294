import { matchesFields, parseFieldSelector } from '@/lib/k8s/field-selector';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import { selectableFields, unsupportedFieldError } from '@/lib/k8s/selectable-fields';
import type { KindSpec } from './kinds';
import { badRequest } from './status';
import type { KubeObject } from './types';

/** The metav1.ListOptions a list or watch request carries in its query. */
export interface ListOptions {
  /** True when the object passes the label and field selectors. */
  matches(obj: KubeObject): boolean;
  /** True when a selector was given (the server then omits remainingItemCount, as the real one does). */
  filtered: boolean;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  /** `Exact` or `NotOlderThan`; how a list applies `resourceVersion` (unset: the legacy rules). */
  resourceVersionMatch?: string;
  watch: boolean;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

/** Parses and checks the list options of a request; bad selectors are 400 BadRequest with the real text. */
export function parseListOptions(query: URLSearchParams, kind: KindSpec): ListOptions {
  const labelText = query.get('labelSelector') ?? '';
  const fieldText = query.get('fieldSelector') ?? '';
  const labels = parseLabelSelector(labelText);
  if (!labels.ok) throw badRequest(labels.apiMessage);
  const fields = parseFieldSelector(fieldText);
  if (!fields.ok) throw badRequest(fields.message);
  const unsupported = unsupportedFieldError(kind.resource, fields.selector.map((r) => r.field), kind.namespaced);
  if (unsupported) throw badRequest(unsupported);
  const limit = Number(query.get('limit') ?? '0');
  const timeout = query.get('timeoutSeconds');
  const sendInitialEvents = query.get('sendInitialEvents');
  // Without selectors every object matches; skipping the field extraction saves a second per 50,000 pods.
  const matchesAll = labels.selector.length === 0 && fields.selector.length === 0;
  return {
    matches: matchesAll
      ? () => true
      : (obj) =>
          matchesLabels(labels.selector, obj.metadata.labels ?? {}) &&
          matchesFields(fields.selector, selectableFields(kind.resource, obj, kind.namespaced)),
    filtered: labelText.trim() !== '' || fieldText.trim() !== '',
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : undefined,
    continueToken: query.get('continue') || undefined,
    resourceVersion: query.has('resourceVersion') ? (query.get('resourceVersion') ?? '') : undefined,
    resourceVersionMatch: query.get('resourceVersionMatch') || undefined,
    watch: isTrue(query.get('watch')),
    allowWatchBookmarks: isTrue(query.get('allowWatchBookmarks')),
    sendInitialEvents: sendInitialEvents === null ? undefined : isTrue(sendInitialEvents),
    timeoutSeconds: timeout !== null && Number.isFinite(Number(timeout)) ? Number(timeout) : undefined,
  };
}

function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}

/** What a continue token remembers: the list's revision and the last position served. */
export interface ContinuePosition {
  revision: number;
  after: string;
}

/** Encodes a continue token the way apiserver's storage does: base64 JSON, opaque to clients. */
export function encodeContinue(position: ContinuePosition): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: position.revision, start: `${position.after}\u0000` });
  return Buffer.from(json).toString('base64url');
}

/** Decodes a continue token; a malformed one is 400 BadRequest. */
export function decodeContinue(token: string): ContinuePosition {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      v?: string;
      rv?: number;
      start?: string;
    };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') {
      throw new Error('bad token');
    }
    return { revision: parsed.rv, after: parsed.start.replace(/\u0000$/, '') };
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
