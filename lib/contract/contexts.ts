import { z } from 'zod';

/** Where a context came from: the user's kubeconfig, the pod's service account, or the built-in cluster. */
export const contextSourceSchema = z.enum(['kubeconfig', 'in-cluster', 'embedded']);
export type ContextSource = z.infer<typeof contextSourceSchema>;

/** One cluster context as `GET /api/contexts` lists it. Never carries a credential. */
export const clusterContextSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  /** The namespace kubectl would use for this context (`default` when the kubeconfig names none). */
  namespace: z.string(),
  source: contextSourceSchema,
  isDefault: z.boolean(),
});
export type ClusterContext = z.infer<typeof clusterContextSchema>;

export const contextListSchema = z.object({
  contexts: z.array(clusterContextSchema),
  /** Name of the default context, or null when there is none at all. */
  defaultContext: z.string().nullable(),
});
export type ContextList = z.infer<typeof contextListSchema>;

/**
 * A context name as it may appear in a URL. Kubeconfig allows nearly anything (EKS uses ARNs with `:` and
 * `/`), so this only bounds the length and refuses control characters; the registry lookup does the rest.
 */
export const contextNameSchema = z
  .string()
  .min(1, 'context name must not be empty')
  .max(253, 'context name must be no more than 253 characters')
  .regex(/^[^\x00-\x1f\x7f]+$/, 'context name must not contain control characters');
