import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { bindPod } from './controllers/scheduler';
import { deleteObject, type DeleteOptions } from './deletion';
import { checkFields, fieldValidationMode } from './field-validation';
import { apiVersionOf, type KindSpec } from './kinds';
import { parseListOptions } from './list-options';
import { applyPatch, PatchError, PATCH_TYPES } from './patch/index';
import { decodeJson, decodeObjectBody, mediaType, readBody, type DecodedBody } from './request-body';
import { STREAMED, warningHeader, type Reply } from './reply';
import { withoutTypeMeta } from './render';
import type { UserInfo } from './auth/user-info';
import type { HandlerContext, ResourceRoute } from './resource-handler';
import { list } from './resource-handler';
import { fromScale, toScale } from './scale';
import { ApiError, badRequest, conflict, methodNotAllowed, pathNotFound, successStatus, unsupportedMediaType } from './status';
import { isPlainObject, type KubeObject } from './types';

/** POST, PUT, PATCH and DELETE on a resource or its subresources. */
export async function handleWrite(options: {
  ctx: HandlerContext;
  route: ResourceRoute;
  req: IncomingMessage;
  query: URLSearchParams;
  user: UserInfo;
}): Promise<Reply | typeof STREAMED> {
  const { ctx, route, req, query, user } = options;
  const { kind, name, subresource } = route;
  const namespace = route.namespace ?? '';
  const dryRun = dryRunOf(query.getAll('dryRun'));
  const body = await readBody(req);
  switch (req.method) {
    case 'POST': {
      if (name && subresource === 'binding' && kind.resource === 'pods') return bind(ctx, kind, namespace, name, body);
      if (name && subresource === 'eviction' && kind.resource === 'pods') {
        deleteObject(ctx.registry, { kind, namespace, name }, { dryRun });
        return { status: 201, body: successStatus(kind, name) };
      }
      if (name) throw methodNotAllowed();
      const decoded = decodeObjectBody(body, req.headers['content-type']);
      const warnings = checkFields({ kind, obj: decoded.value, scan: decoded.fields, mode: fieldValidationMode(query), decoding: true });
      authorizeWrite({ ctx, route, user, value: decoded.value });
      const created = ctx.registry.create(kind, namespace, decoded.value, { dryRun });
      return { status: 201, body: created, warnings: warnings.map(warningHeader) };
    }
    case 'PUT': {
      if (!name) throw methodNotAllowed();
      const decoded = decodeObjectBody(body, req.headers['content-type']);
      const warnings = checkFields({ kind, obj: decoded.value, scan: decoded.fields, mode: fieldValidationMode(query), decoding: true });
      const updated = update({ ctx, route, value: decoded.value, dryRun, user });
      return { status: 200, body: updated, warnings: warnings.map(warningHeader) };
    }
    case 'PATCH': {
      if (!name) throw methodNotAllowed();
      return patch({ ctx, route, body, contentType: req.headers['content-type'], query, dryRun, user });
    }
    case 'DELETE': {
      const deleteOptions = { ...deleteOptionsFrom(body, query), dryRun };
      if (!name) return deleteCollection(ctx, kind, route.namespace, query, deleteOptions);
      if (subresource) throw methodNotAllowed();
      const result = deleteObject(ctx.registry, { kind, namespace, name }, deleteOptions);
      // apiserver's DeleteResource answers 202 only when the object is not gone yet AND the client set the
      // deprecated orphanDependents=false; graceful pod deletion and finalizers otherwise answer 200.
      const status = !result.deleted && orphanDependentsFalse(body) ? 202 : 200;
      const answer = kind.returnsDeletedObject || !result.deleted ? result.object : successStatus(kind, name, result.object.metadata.uid);
      return { status, body: answer };
    }
    default:
      throw methodNotAllowed();
  }
}

// The kind's own check of what a write grants (RBAC escalation prevention), on the object as it would be stored.
function authorizeWrite(options: { ctx: HandlerContext; route: ResourceRoute; user: UserInfo; value: unknown; old?: KubeObject }): void {
  const { ctx, route, user, value, old } = options;
  if (!route.kind.authorizeWrite || route.subresource) return;
  const obj = (isPlainObject(value) ? value : {}) as KubeObject;
  const metadata = { ...(isPlainObject(obj.metadata) ? obj.metadata : {}), namespace: route.namespace ?? '' };
  route.kind.authorizeWrite({ ctx, user, obj: { ...obj, metadata }, old });
}

function update(options: { ctx: HandlerContext; route: ResourceRoute; value: unknown; dryRun: boolean; user: UserInfo }): KubeObject {
  const { ctx, route, value, dryRun, user } = options;
  const { kind, name = '', subresource } = route;
  const namespace = route.namespace ?? '';
  if (kind.authorizeWrite) authorizeWrite({ ctx, route, user, value, old: ctx.registry.get(kind, namespace, name) });
  if (subresource === 'scale' && kind.group === 'apps') {
    const current = ctx.registry.get(kind, namespace, name);
    return toScale(ctx.registry.update({ kind, namespace, name, body: fromScale(current, value), dryRun }));
  }
  const target = subresource === 'status' ? 'status' : subresource === 'finalize' && kind.resource === 'namespaces' ? 'finalize' : subresource ? undefined : 'main';
  if (!target) throw pathNotFound();
  return ctx.registry.update({ kind, namespace, name, body: value, target, dryRun });
}

async function patch(options: {
  ctx: HandlerContext;
  route: ResourceRoute;
  body: Buffer;
  contentType: string | undefined;
  query: URLSearchParams;
  dryRun: boolean;
  user: UserInfo;
}): Promise<Reply> {
  const { ctx, route, body, contentType, query, dryRun, user } = options;
  const { kind, name = '', subresource } = route;
  const namespace = route.namespace ?? '';
  const type = mediaType(contentType);
  if (!PATCH_TYPES.includes(type)) throw unsupportedMediaType(PATCH_TYPES);
  const decoded: DecodedBody = type === 'application/apply-patch+yaml' ? { value: parseApply(body) } : decodeJson(body);
  const scale = subresource === 'scale' && kind.group === 'apps';
  let current: KubeObject;
  try {
    current = ctx.registry.get(kind, namespace, name);
  } catch (err) {
    // Server-side apply creates what does not exist yet.
    if (type !== 'application/apply-patch+yaml' || !(err instanceof ApiError) || err.code !== 404 || subresource) throw err;
    const warnings = checkFields({ kind, obj: decoded.value, mode: fieldValidationMode(query), decoding: false });
    authorizeWrite({ ctx, route, user, value: decoded.value });
    return { status: 201, body: ctx.registry.create(kind, namespace, decoded.value, { dryRun }), warnings: warnings.map(warningHeader) };
  }
  const original = scale ? toScale(current) : current;
  const patchType = type === 'application/apply-patch+yaml' ? 'application/strategic-merge-patch+json' : type;
  let patched: unknown;
  try {
    patched = applyPatch(patchType, original, decoded.value);
  } catch (err) {
    if (!(err instanceof PatchError)) throw err;
    throw patchError(type, err, body);
  }
  // Duplicate keys of a JSON patch sit in its operations, not at object paths; only merge-style
  // patches mirror the object, so only their scan is reported.
  const scan = type === 'application/json-patch+json' ? undefined : decoded.fields;
  const warnings = scale ? [] : checkFields({ kind, obj: patched, scan, mode: fieldValidationMode(query), decoding: false });
  const result = update({ ctx, route, value: patched, dryRun, user });
  return { status: 200, body: result, warnings: warnings.map(warningHeader) };
}

// JSON patch failures are 422 Invalid on the `patch` field; malformed strategic patches are 400.
function patchError(type: string, err: PatchError, body: Buffer): ApiError {
  if (type !== 'application/json-patch+json') return badRequest(err.message);
  // errors.NewInvalid with an empty GroupKind and name, as the patcher reports a failed operation.
  const value = JSON.stringify(body.toString('utf8'));
  return new ApiError(422, 'Invalid', ` "" is invalid: patch: Invalid value: ${value}: ${err.message}`, {
    causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${value}: ${err.message}`, field: 'patch' }],
  });
}

function parseApply(body: Buffer): unknown {
  try {
    return parseYaml(body.toString('utf8'));
  } catch (err) {
    throw badRequest(`error decoding YAML: ${(err as Error).message}`);
  }
}

// `dryRun=All` is the only directive (an empty value means a real write).
function dryRunOf(values: string[]): boolean {
  for (const value of values) {
    if (value !== 'All' && value !== '') throw badRequest(`dryRun: Unsupported value: "${value}": supported values: "All"`);
  }
  return values.includes('All');
}

function orphanDependentsFalse(body: Buffer): boolean {
  return body.length > 0 && (decodeJson(body).value as Record<string, unknown>).orphanDependents === false;
}

function deleteOptionsFrom(body: Buffer, query: URLSearchParams): DeleteOptions {
  const fromBody: Record<string, unknown> = body.length > 0 ? (decodeJson(body).value as Record<string, unknown>) : {};
  const options: DeleteOptions = {};
  const grace = fromBody.gracePeriodSeconds ?? query.get('gracePeriodSeconds') ?? undefined;
  if (grace !== undefined && grace !== null) options.gracePeriodSeconds = Number(grace);
  const policy = fromBody.propagationPolicy ?? query.get('propagationPolicy') ?? undefined;
  if (policy !== undefined && policy !== null) {
    if (!['Orphan', 'Background', 'Foreground'].includes(String(policy))) {
      throw badRequest(`propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan"`);
    }
    options.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  }
  if (fromBody.orphanDependents === true) options.propagationPolicy = 'Orphan';
  if (isPlainObject(fromBody.preconditions)) options.preconditions = fromBody.preconditions as DeleteOptions['preconditions'];
  if (Array.isArray(fromBody.dryRun)) dryRunOf(fromBody.dryRun.map(String));
  return options;
}

function deleteCollection(
  ctx: HandlerContext,
  kind: KindSpec,
  namespace: string | undefined,
  query: URLSearchParams,
  options: DeleteOptions,
): Reply {
  if (kind.resource === 'namespaces') throw methodNotAllowed();
  const { items } = list(ctx, kind, namespace, { ...parseListOptions(query, kind), limit: undefined, continueToken: undefined });
  const deleted = items.map((obj) => deleteObject(ctx.registry, { kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' }, options).object);
  return {
    status: 200,
    body: { kind: `${kind.kind}List`, apiVersion: apiVersionOf(kind), metadata: { resourceVersion: ctx.registry.store.currentResourceVersion() }, items: withoutTypeMeta(deleted) },
  };
}

// pods/binding: what the scheduler posts to place a pod on a node (spec.nodeName is set only here).
function bind(ctx: HandlerContext, kind: KindSpec, namespace: string, name: string, body: Buffer): Reply {
  const binding = decodeJson(body).value;
  const target = isPlainObject(binding) && isPlainObject(binding.target) ? binding.target : {};
  const node = typeof target.name === 'string' ? target.name : '';
  const pod = ctx.registry.get(kind, namespace, name);
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  if (spec.nodeName) {
    throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is already assigned to node "${String(spec.nodeName)}"`);
  }
  if (!node) throw badRequest('target.name: Required value');
  if (pod.metadata.deletionTimestamp) {
    throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  }
  // As the scheduler binds: spec.nodeName and a True PodScheduled condition (storage assignPod).
  bindPod(ctx.registry, pod, node, new Date());
  return { status: 201, body: successStatus(kind, name) };
}
