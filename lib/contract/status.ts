import { z } from 'zod';

/**
 * `metav1.Status`, the one error shape on the wire: the API server's own failures pass through unchanged
 * and the console's own failures take the same form, so the browser has one thing to read.
 */
export const statusSchema = z.looseObject({
  kind: z.literal('Status'),
  apiVersion: z.string().optional(),
  metadata: z.looseObject({}).optional(),
  status: z.enum(['Success', 'Failure']).optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  details: z
    .looseObject({
      name: z.string().optional(),
      group: z.string().optional(),
      kind: z.string().optional(),
      uid: z.string().optional(),
      causes: z
        .array(z.looseObject({ reason: z.string().optional(), message: z.string().optional(), field: z.string().optional() }))
        .optional(),
      retryAfterSeconds: z.number().optional(),
    })
    .optional(),
  code: z.number().int().optional(),
});

export type K8sStatus = z.infer<typeof statusSchema>;

/** True when `value` looks like a `metav1.Status` (what the API server sends on every failure). */
export function isStatus(value: unknown): value is K8sStatus {
  return statusSchema.safeParse(value).success;
}

/** A `Failure` Status as the API server builds them (`errors.NewBadRequest` and friends). */
export function failureStatus(options: { code: number; reason: string; message: string; details?: K8sStatus['details'] }): K8sStatus {
  const { code, reason, message, details } = options;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}
