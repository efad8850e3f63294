import type { AuthMode } from '@/lib/contract/auth';
import type { Identity } from '@/lib/server/auth/identity';
import type { ContextRegistry } from '@/lib/server/contexts/registry-types';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import type { WrittenObject } from '@/lib/server/http/write-audit';
import type { ManifestDocument } from '@/lib/k8s/manifest-documents';

/**
 * State that the custom server and the Next-bundled code (route handlers, pages) must share.
 *
 * Next loads its own copy of every module it bundles, so a module-level singleton set here by `server/`
 * would be a different, empty object inside a route handler. One registry on `globalThis`, under a
 * registered symbol, is the single place both copies see.
 */
export interface PilothouseRuntime {
  /** Cluster contexts, set by `server/` before it accepts requests. */
  contexts?: ContextRegistry;
  /** The names and origins the console answers to, for the same-origin checks of route handlers. */
  hosts?: HostPolicy;
  /** Reads a manifest off the event loop (in a worker thread). */
  parseManifest?: (text: string) => Promise<ManifestDocument[]>;
  /** How users are known (`PILOTHOUSE_AUTH`); absent means `none`. */
  auth?: { mode: AuthMode; exposedWithoutLogin: boolean; readOnly?: boolean; /** oidc: "Log in with <providerName>". */ providerName?: string };
  /** The identities of in-flight requests, by the reference the gate put in `IDENTITY_REF_HEADER`. */
  identities?: { get(ref: string): Identity | undefined };
  /** The write guard: a route handler that writes several objects names them here, for one audit line each. */
  writes?: { objects(ref: string, objects: WrittenObject[]): void };
  /** What the Next-bundled code counts for `/metrics` (server/metrics/). */
  metrics?: { upstreamRequest(observation: { context: string; code: string; seconds: number }): void };
  /** The server's logger (server/log/), for lines from route handlers. */
  log?: Pick<Console, 'error'>;
}

const KEY = Symbol.for('pilothouse.runtime');

type WithRuntime = typeof globalThis & { [KEY]?: PilothouseRuntime };

export function setRuntime(runtime: PilothouseRuntime): void {
  (globalThis as WithRuntime)[KEY] = runtime;
}

export function getRuntime(): PilothouseRuntime | undefined {
  return (globalThis as WithRuntime)[KEY];
}
