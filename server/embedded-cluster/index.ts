import type { AddressInfo } from 'node:net';
import { createTokens, type AnonymousAccess, type Tokens } from './auth';
import { createClusterAuth } from './auth/cluster-auth';
import type { OidcOptions } from './auth/oidc';
import { createServiceAccountSigningKey, type ServiceAccountSigningKey } from './auth/service-account-tokens';
import { bootstrap } from './bootstrap';
import { createClock, type ClockOptions } from './clock';
import { SharedInformers } from './controllers/controller-loop';
import { startControllerManager } from './controllers/controller-manager';
import { startScheduler } from './controllers/scheduler';
import { createEventRecorder } from './events';
import { applySeed, type SeedOptions } from './seeds/index';
import { createApiServer } from './http-server';
import { startNodeAgents } from './kubelet/index';
import { buildKubeconfig, kubeconfigYaml } from './kubeconfig';
import { Registry } from './registry';
import { ObjectStore } from './store';
import { makeServingCertificates, type ServingCertificates } from './tls';
import type { LongRunningMetric } from './watch';

/** How to start an embedded cluster. */
export interface EmbeddedClusterOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only loopback makes sense; defaults to 127.0.0.1. */
  host?: string;
  /**
   * How many changes the watch history keeps before older resourceVersions (and continue tokens) answer 410
   * (default 10,000: a paged list of the 10,000-pod scale seed must outlive the writes made meanwhile, as
   * etcd keeps five minutes of history for a real server).
   */
  watchHistorySize?: number;
  /**
   * Requests without credentials: `reject` (the default: 401 Unauthorized, like `--anonymous-auth=false`),
   * or treated as `viewer` or `admin`.
   */
  anonymous?: AnonymousAccess;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (default 60s, as the watch cache). */
  bookmarkIntervalMs?: number;
  /**
   * Tokens and TLS certificates to reuse, so a cluster started again on the same port is the same server
   * to its clients (fresh ones by default).
   */
  identity?: ClusterIdentity;
  /** An OpenID Connect issuer whose ID tokens authenticate users, as kube-apiserver's `--oidc-*` flags. */
  oidc?: OidcOptions;
  /** How long control loops wait: real time by default, `{ mode: 'test' }` for near-zero waits. */
  clock?: ClockOptions;
  /**
   * What the cluster holds at start, in memory only: `empty` (the default here: what a fresh API server
   * has), `demo` (the chapter's small cluster; the CLI's default) or `scale` with its sizes.
   */
  seed?: SeedOptions;
  /** Log lines per second each running container writes (the kubelet's log generator; CLI `--log-rate`). */
  logRate?: number;
}

/** What makes a restarted cluster the same server to its clients: tokens, certificates, signing key. */
export interface ClusterIdentity {
  tokens: Tokens;
  certificates: ServingCertificates;
  /** Signs service-account tokens (fresh when absent). */
  serviceAccountKey?: ServiceAccountSigningKey;
}

/** A running embedded Kubernetes API server. */
export interface EmbeddedCluster {
  /** `https://127.0.0.1:PORT`. */
  url: string;
  /**
   * Bearer tokens of the static users: admin (system:masters) may do anything, viewer only get/list/watch;
   * alice and bob only what RBAC grants them (the demo seed binds them in `team-a`).
   */
  tokens: Tokens;
  /** PEM of the CA that signed the serving certificate: what clients must trust. */
  caCert: string;
  /** What `identity` takes to start this same server again. */
  identity: Required<ClusterIdentity>;
  /** A kubeconfig (admin user) as a JS object. */
  kubeconfig: Record<string, unknown>;
  kubeconfigYaml: string;
  /**
   * The in-process API for control loops (scheduler, kubelet): the same registry the HTTP handlers
   * use, so their writes follow the same rules and reach watchers. `registry.store` is the raw store
   * with `get`, `list`, `subscribe` and `eventsSince`.
   */
  registry: Registry;
  /** In-flight long-running requests by `verb/resource` (`apiserver_longrunning_requests`). */
  metrics: { longRunningRequests: LongRunningMetric; streams: Map<string, number> };
  stop(): Promise<void>;
}

/** Starts an embedded cluster on loopback, with fresh random tokens and the bootstrap objects. */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions = {}): Promise<EmbeddedCluster> {
  const host = options.host ?? '127.0.0.1';
  const store = new ObjectStore(options.watchHistorySize ?? 10_000);
  const registry = new Registry(store);
  bootstrap(registry);
  applySeed(registry, { name: 'empty', ...options.seed });
  const clock = createClock(options.clock);
  const informers = new SharedInformers(store);
  const controllerContext = { registry, informers, clock, recorder: createEventRecorder({ registry, clock }) };
  const controllers = startControllerManager(controllerContext);
  const scheduler = startScheduler(controllerContext);
  const nodes = startNodeAgents(controllerContext, { logRate: options.logRate });
  const tokens = options.identity?.tokens ?? createTokens();
  const longRunningRequests: LongRunningMetric = new Map();
  const streams = new Map<string, number>();
  const certificates = options.identity?.certificates ?? (await makeServingCertificates());
  const serviceAccountKey = options.identity?.serviceAccountKey ?? (await createServiceAccountSigningKey());
  const auth = createClusterAuth({ store, tokens, anonymous: options.anonymous ?? 'reject', serviceAccountKey, oidc: options.oidc });
  let address = '';
  const server = createApiServer({
    ctx: { registry, metrics: longRunningRequests, streams, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000, nodes, auth },
    address: () => address,
    tls: certificates,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  address = `${host}:${port}`;
  const url = `https://${address}`;
  const kubeconfig = buildKubeconfig({ url, token: tokens.admin, caCert: certificates.caCert });
  return {
    url,
    tokens,
    caCert: certificates.caCert,
    identity: { tokens, certificates, serviceAccountKey },
    kubeconfig,
    kubeconfigYaml: kubeconfigYaml(kubeconfig),
    registry,
    metrics: { longRunningRequests, streams },
    stop: () =>
      new Promise<void>((resolve) => {
        controllers.stop();
        scheduler.stop();
        nodes.stop();
        informers.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type { AnonymousAccess, Tokens } from './auth';
export type { OidcOptions } from './auth/oidc';
export { buildKubeconfig } from './kubeconfig';
export { isSeedName, type SeedName } from './seeds/index';
export { DEMO_SECRET } from './seeds/demo';
