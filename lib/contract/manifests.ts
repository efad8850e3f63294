import { z } from 'zod';
import { statusSchema } from '@/lib/contract/status';
import { MANIFEST_MAX_BYTES } from '@/lib/k8s/manifest-documents';

// The largest manifest the console accepts, as the API server's own request limit: 3 MiB.
export { MANIFEST_MAX_BYTES };

/** `POST /api/clusters/{context}/manifests` body. */
export const createManifestsRequestSchema = z.object({
  /** One or many YAML or JSON documents, `---`-separated. */
  manifest: z.string().min(1, 'manifest must not be empty').max(MANIFEST_MAX_BYTES, 'manifest is larger than 3 MiB'),
  /** Like `kubectl create -n`: the namespace for objects that name none; a different one in an object is an error. */
  namespace: z.string().optional(),
  /** Only validate on the server (`dryRun=All`); nothing is created. */
  dryRun: z.boolean().optional(),
});
export type CreateManifestsRequest = z.infer<typeof createManifestsRequestSchema>;

/**
 * What happened to one document: `created`; `valid` (passed the server dry-run, but nothing was created,
 * either because `dryRun` was asked for or because another document failed); `deferred` (its namespace is
 * created by an earlier document, so the server can check it only once that exists); `failed` with the
 * server's Status or the console's own.
 */
export const manifestOutcomeSchema = z.enum(['created', 'valid', 'deferred', 'failed']);
export type ManifestOutcome = z.infer<typeof manifestOutcomeSchema>;

export const manifestResultSchema = z.object({
  /** 0-based position of the document in the manifest. */
  index: z.number().int(),
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  outcome: manifestOutcomeSchema,
  status: statusSchema.optional(),
  /** Why a document is `deferred`. */
  note: z.string().optional(),
  /** For a document that does not parse: where, 1-based, as editors count. */
  position: z.object({ line: z.number().int(), column: z.number().int() }).optional(),
});
export type ManifestResult = z.infer<typeof manifestResultSchema>;

export const createManifestsResponseSchema = z.object({
  /** True when every document was created (or, with `dryRun`, passed validation). */
  ok: z.boolean(),
  dryRun: z.boolean(),
  results: z.array(manifestResultSchema),
});
export type CreateManifestsResponse = z.infer<typeof createManifestsResponseSchema>;
