import { randomInt, randomUUID } from 'node:crypto';

// k8s.io/apimachinery/pkg/util/rand: consonants and digits only, so generated names never spell words.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `rand.String(n)`: the random suffix of generateName and of the kube-api-access volume. */
export function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return out;
}

/** `names.SimpleNameGenerator`: the base is cut to 58 characters so base+suffix stays a valid name. */
export function generateName(base: string): string {
  return `${base.slice(0, 58)}${randomSuffix()}`;
}

/** A new metadata.uid. */
export function newUid(): string {
  return randomUUID();
}

/** Now as RFC 3339 with second precision, the way metav1.Time serializes. */
export function nowTimestamp(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
