/**
 * The simulated registry: which images exist, how big they are, what their digests are, and the
 * messages containerd gives when a pull fails. Rules (documented in the kubelet README section of
 * docs): every image exists except one whose tag is `does-not-exist`, which fails like a missing tag
 * on Docker Hub. Digests and sizes are derived from the name, so they are stable across runs.
 */
import { createHash } from 'node:crypto';

/** The tag no registry has: pulls of it fail with NotFound. */
export const MISSING_TAG = 'does-not-exist';

/** An image reference normalized as containerd shows it (`docker.io/library/nginx:latest`). */
export interface ImageRef {
  /** The reference as written in the pod spec. */
  raw: string;
  /** Registry host and repository: `docker.io/luksa/kubia`. */
  repository: string;
  /** The repository without a registry: `luksa/kubia`, `library/nginx`. */
  path: string;
  /** `latest` when none was given; empty for a digest reference. */
  tag: string;
  digest?: string;
  /** `docker.io/luksa/kubia:latest` (or `...@sha256:...`). */
  full: string;
}

/** Parses a Docker reference and applies the defaults (docker.io, library/, :latest). */
export function parseImage(raw: string): ImageRef {
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0] ?? '';
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  const repository = `${registry}/${path}`;
  return { raw, repository, path, tag, digest, full: digest ? `${repository}@${digest}` : `${repository}:${tag}` };
}

/** What the registry knows about an image. */
export interface RegistryImage {
  ref: ImageRef;
  exists: boolean;
  /** `sha256:<hex>`: the manifest digest the pull resolves to. */
  digest: string;
  sizeBytes: number;
}

// Sizes of the images the chapter and the simulated apps use, as their registries report them.
const KNOWN_SIZES: Record<string, number> = {
  'docker.io/luksa/kubia': 254_246_484,
  'docker.io/pilothouse/crash': 4_270_211,
  'docker.io/pilothouse/loggen': 4_270_211,
  'docker.io/library/nginx': 72_955_450,
  'docker.io/library/busybox': 2_167_176,
};

/** Looks an image up in the simulated registry. */
export function lookupImage(raw: string): RegistryImage {
  const ref = parseImage(raw);
  const hash = createHash('sha256').update(ref.digest ? ref.repository + ref.digest : ref.full).digest('hex');
  const digest = ref.digest ?? `sha256:${hash}`;
  const sizeBytes = KNOWN_SIZES[ref.repository] ?? 5_000_000 + (parseInt(hash.slice(0, 8), 16) % 150_000_000);
  return { ref, exists: ref.tag !== MISSING_TAG, digest, sizeBytes };
}

/** The image's `imageID` in a container status: `docker.io/luksa/kubia@sha256:...`. */
export function imageId(image: RegistryImage): string {
  return `${image.ref.repository}@${image.digest}`;
}

/**
 * The error containerd returns through CRI for a tag the registry does not have, as the kubelet
 * prints it (`rpc error: code = NotFound desc = ...`).
 */
export function pullNotFoundError(image: RegistryImage): string {
  const full = image.ref.full;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}

/** A Go `time.Duration` string for a duration truncated to milliseconds (`712ms`, `1.2s`, `1m3.5s`). */
export function goDuration(ms: number): string {
  const whole = Math.max(0, Math.trunc(ms));
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const hours = Math.floor(minutes / 60);
  const seconds = ((whole % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  if (hours > 0) return `${hours}h${minutes % 60}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
