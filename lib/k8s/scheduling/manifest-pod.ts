/**
 * The pod a pasted manifest would create: a Pod as it is, or the pod template of a Deployment,
 * ReplicaSet (or any kind with `spec.template`), as its controller would stamp it out.
 */

import { parseAllDocuments } from 'yaml';
import type { Pod } from '@/lib/k8s/types';

interface Manifest {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: { template?: Pod };
}

/** The first Pod or pod template in `text` (YAML or JSON, several documents allowed), or why there is none. */
export function manifestPod(text: string): { ok: true; pod: Pod; from: string } | { ok: false; message: string } {
  let documents: unknown[];
  try {
    const parsed = parseAllDocuments(text);
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    const failed = docs.find((d) => d.errors.length > 0);
    if (failed) return { ok: false, message: `error parsing YAML: ${failed.errors[0].message}` };
    documents = docs.map((d) => d.toJS() as unknown);
  } catch (error) {
    return { ok: false, message: `error parsing YAML: ${(error as Error).message}` };
  }
  for (const doc of documents) {
    if (!doc || typeof doc !== 'object') continue;
    const manifest = doc as Manifest;
    const name = manifest.metadata?.name ?? '';
    if (manifest.kind === 'Pod') return { ok: true, pod: doc as Pod, from: `Pod ${name}` };
    const template = manifest.spec?.template;
    if (template?.spec) {
      return {
        ok: true,
        pod: { apiVersion: 'v1', kind: 'Pod', ...template, metadata: { namespace: manifest.metadata?.namespace, ...template.metadata, name: template.metadata?.name ?? `${name}-preview` } },
        from: `the pod template of ${manifest.kind ?? 'the object'} ${name}`,
      };
    }
  }
  return { ok: false, message: 'the manifest holds no Pod and no pod template (spec.template)' };
}
