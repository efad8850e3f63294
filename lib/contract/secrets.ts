import { z } from 'zod';

/** A Secret data key (validation.IsConfigMapKey), the one value a reveal request asks for. */
export const secretKeySchema = z.string().min(1).max(253).regex(/^[-._a-zA-Z0-9]+$/, 'a secret key consists of alphanumeric characters, "-", "_" or "."');

/** `POST /api/clusters/{context}/secrets/{namespace}/{name}/reveal`: the body names one key. */
export const secretRevealSchema = z.object({ key: secretKeySchema });
export type SecretReveal = z.input<typeof secretRevealSchema>;

/** The answer: that key's value, decoded from base64 as UTF-8 text, and as base64 for binary values. */
export interface SecretValue {
  key: string;
  value: string;
  base64: string;
}
