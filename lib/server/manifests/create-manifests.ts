import { isDNS1123Label } from '@/lib/k8s/validation';
import type { CreateManifestsResponse, ManifestResult } from '@/lib/contract/manifests';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { BffError, toStatus } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { resourcePath, type ResourceLocation } from '@/lib/k8s/resource-path';
import { findResource, type ResourceMapping } from '@/lib/server/manifests/discovery';
import { resolveObjectNamespace } from '@/lib/k8s/namespace-rule';
import { ManifestLimitError, parseManifestDocuments, type ManifestDocument } from '@/lib/k8s/manifest-documents';
import { getRuntime } from '@/lib/server/runtime';

export interface CreateManifestsOptions {
  context: ResolvedContext;
  manifest: string;
  namespace?: string;
  dryRun?: boolean;
}

/** A document ready to send: where it goes and the object itself. */
interface Planned {
  result: ManifestResult;
  location?: ResourceLocation;
  object?: Record<string, unknown>;
}

const badRequest = (message: string): K8sStatus => failureStatus({ code: 400, reason: 'BadRequest', message });

const metaOf = (object: Record<string, unknown>) => (object.metadata ?? {}) as { name?: string; generateName?: string; namespace?: string };

async function plan(doc: ManifestDocument, options: CreateManifestsOptions): Promise<Planned> {
  if (doc.error) {
    const { message, line, column } = doc.error;
    const where = line ? `line ${line}, column ${column}: ` : '';
    return {
      result: { index: doc.index, outcome: 'failed', status: badRequest(`error parsing YAML: ${where}${message}`), ...(line ? { position: { line, column: column ?? 1 } } : {}) },
    };
  }
  const object = doc.object!;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : undefined;
  const kind = typeof object.kind === 'string' ? object.kind : undefined;
  const meta = metaOf(object);
  const result: ManifestResult = { index: doc.index, apiVersion, kind, name: meta.name, namespace: meta.namespace, outcome: 'failed' };
  if (!apiVersion) return { result: { ...result, status: badRequest("Object 'apiVersion' is missing in the document") } };
  if (!kind) return { result: { ...result, status: badRequest("Object 'Kind' is missing in the document") } };
  let mapping: ResourceMapping;
  try {
    mapping = await findResource(options.context.kubeConfig, apiVersion, kind);
  } catch (error) {
    return { result: { ...result, status: toStatus(error) } };
  }
  const ns = resolveObjectNamespace({
    namespaced: mapping.namespaced,
    objectNamespace: meta.namespace,
    requested: options.namespace,
    contextDefault: options.context.info.namespace,
  });
  if (!ns.ok) return { result: { ...result, status: badRequest(ns.message) } };
  if (ns.namespace && isDNS1123Label(ns.namespace).length > 0) {
    return { result: { ...result, status: badRequest(`invalid namespace ${JSON.stringify(ns.namespace)}`) } };
  }
  return { result: { ...result, namespace: ns.namespace }, location: { ...mapping, namespace: ns.namespace }, object };
}

async function send(planned: Planned, options: CreateManifestsOptions, dryRun: boolean): Promise<ManifestResult> {
  const { result, location, object } = planned;
  if (!location || !object) return result;
  // Strict field validation: an unknown or duplicated field is an error, not silently dropped.
  const path = resourcePath({ ...location, query: { fieldValidation: 'Strict', dryRun: dryRun ? 'All' : undefined } });
  try {
    const created = await kubeJson<Record<string, unknown>>(options.context.kubeConfig, { method: 'POST', path, body: object });
    const meta = metaOf(created ?? {});
    return { ...result, name: meta.name ?? result.name, namespace: meta.namespace ?? result.namespace, outcome: dryRun ? 'valid' : 'created', status: undefined };
  } catch (error) {
    return { ...result, outcome: 'failed', status: toStatus(error) };
  }
}

/** Parsing this much takes a few milliseconds; larger manifests go to a worker thread when the server has one. */
const INLINE_PARSE_MAX_BYTES = 4 * 1024;

function readManifest(text: string): Promise<ManifestDocument[]> {
  const inWorker = getRuntime()?.parseManifest;
  if (inWorker && text.length > INLINE_PARSE_MAX_BYTES) return inWorker(text);
  return Promise.resolve().then(() => {
    try {
      return parseManifestDocuments(text);
    } catch (error) {
      throw error instanceof ManifestLimitError ? new BffError('InvalidInput', error.message) : error;
    }
  });
}

/** The namespace an object's create waits for: one that an earlier document of the manifest creates. */
function namespaceCreatedEarlier(planned: readonly Planned[], index: number): string | undefined {
  const ns = planned[index].location?.namespace;
  if (!ns) return undefined;
  const creates = planned.slice(0, index).some(({ result }) => result.apiVersion === 'v1' && result.kind === 'Namespace' && result.name === ns);
  return creates ? ns : undefined;
}

/** The API server's answer when a namespace does not exist: `namespaces "x" not found` (NamespaceLifecycle). */
const isMissingNamespace = (result: ManifestResult, ns: string) =>
  result.outcome === 'failed' && result.status?.code === 404 && (result.status.details?.kind ?? 'namespaces') === 'namespaces' && (result.status.details?.name ?? ns) === ns;

/**
 * `kubectl create -f` for a manifest, all or nothing: every document is first sent as a server dry-run,
 * and only when all pass are they created, in order. With `dryRun` the first step is the whole answer.
 *
 * A document in a namespace that an earlier document creates (a Namespace, then a Pod in it) cannot be
 * checked by the server before that namespace exists: its dry-run answers `namespaces "x" not found`.
 * Such a document is `deferred` by the first step; while creating, in order as kubectl does, the deferred
 * documents are dry-run together as soon as the first of them is reached (their namespaces exist by
 * then), and created only if all of them pass. So a failure there leaves only what came before it.
 */
export async function createManifests(options: CreateManifestsOptions): Promise<CreateManifestsResponse> {
  if (options.namespace !== undefined && isDNS1123Label(options.namespace).length > 0) {
    throw new BffError('InvalidInput', `invalid namespace ${JSON.stringify(options.namespace)}: ${isDNS1123Label(options.namespace).join(', ')}`);
  }
  const dryRun = options.dryRun === true;
  const documents = await readManifest(options.manifest);
  if (documents.length === 0) throw new BffError('InvalidInput', 'the manifest contains no objects');
  const planned = await Promise.all(documents.map((doc) => plan(doc, options)));
  const checked = (await Promise.all(planned.map((p) => send(p, options, true)))).map((result, i): ManifestResult => {
    const ns = namespaceCreatedEarlier(planned, i);
    if (!ns || !isMissingNamespace(result, ns)) return result;
    return { ...result, outcome: 'deferred', status: undefined, note: `checked when namespace ${JSON.stringify(ns)} exists: the manifest creates it first` };
  });
  const allValid = checked.every((r) => r.outcome === 'valid' || r.outcome === 'deferred');
  if (dryRun || !allValid) return { ok: allValid, dryRun, results: checked };

  const results: ManifestResult[] = [];
  let recheckFailed = false;
  for (const [i, p] of planned.entries()) {
    if (recheckFailed) {
      results.push(checked[i]);
      continue;
    }
    if (checked[i].outcome === 'deferred') {
      const deferred = planned.map((_, j) => j).filter((j) => j >= i && checked[j].outcome === 'deferred');
      const again = await Promise.all(deferred.map((j) => send(planned[j], options, true)));
      deferred.forEach((j, k) => (checked[j] = again[k]));
      if (again.some((r) => r.outcome === 'failed')) {
        recheckFailed = true;
        results.push(checked[i]);
        continue;
      }
    }
    results.push(await send(p, options, false));
  }
  return { ok: results.every((r) => r.outcome === 'created'), dryRun, results };
}
