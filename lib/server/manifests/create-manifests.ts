import { isDNS1123Label } from '@/lib/k8s/validation';
import type { CreateManifestsResponse, ManifestResult } from '@/lib/contract/manifests';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { BffError, toStatus } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { resourcePath, type ResourceLocation } from '@/lib/k8s/resource-path';
import { findResource, type ResourceMapping } from '@/lib/server/manifests/discovery';
import { resolveObjectNamespace } from '@/lib/server/manifests/namespace-rule';
import { parseManifestDocuments, type ManifestDocument } from '@/lib/server/manifests/parse-documents';
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
  return inWorker && text.length > INLINE_PARSE_MAX_BYTES ? inWorker(text) : Promise.resolve().then(() => parseManifestDocuments(text));
}

/**
 * `kubectl create -f` for a manifest, all or nothing: every document is first sent as a server dry-run,
 * and only when all pass are they created, in order. With `dryRun` the first step is the whole answer.
 * Documents that depend on one another (a Namespace and a Pod in it) therefore need two requests: the
 * dry-run of the Pod fails while its namespace does not exist yet.
 */
export async function createManifests(options: CreateManifestsOptions): Promise<CreateManifestsResponse> {
  if (options.namespace !== undefined && isDNS1123Label(options.namespace).length > 0) {
    throw new BffError('InvalidInput', `invalid namespace ${JSON.stringify(options.namespace)}: ${isDNS1123Label(options.namespace).join(', ')}`);
  }
  const dryRun = options.dryRun === true;
  const documents = await readManifest(options.manifest);
  if (documents.length === 0) throw new BffError('InvalidInput', 'the manifest contains no objects');
  const planned = await Promise.all(documents.map((doc) => plan(doc, options)));
  const checked = await Promise.all(planned.map((p) => send(p, options, true)));
  const allValid = checked.every((r) => r.outcome === 'valid');
  if (dryRun || !allValid) return { ok: allValid, dryRun, results: checked };
  const results: ManifestResult[] = [];
  for (const p of planned) results.push(await send(p, options, false));
  return { ok: results.every((r) => r.outcome === 'created'), dryRun, results };
}
