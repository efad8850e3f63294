import type { ParsedWatchTarget } from '@/lib/contract/watch';
import { resourcePath } from '@/lib/k8s/resource-path';
import type { K8sStatus } from '@/lib/contract/status';
import type { Identity } from '@/lib/server/auth/identity';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { isSecretResource } from '@/lib/server/secrets/redact-secrets';
import { SharedWatch, type WatchSink } from './shared-watch';
import { makeObjectFilter } from './subscriber-filter';

export interface WatchHubOptions {
  resolveContext: (name: string, identity?: Identity) => Promise<ResolvedContext>;
  batchMs?: number;
  idleMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  log?: Pick<Console, 'warn'>;
}

/** The list path of a target: `/api/v1/namespaces/{ns}/pods`, `/apis/apps/v1/deployments`, ... */
export function listPath(target: Pick<ParsedWatchTarget, 'group' | 'version' | 'resource' | 'namespace'>): string {
  return resourcePath({ group: target.group, version: target.version, resource: target.resource, namespace: target.namespace });
}

/**
 * All shared upstream watches of this console, one per identity, context and list path. Subscribing joins
 * the matching one (starting it if needed); the returned function leaves it. In a team mode the identity is
 * part of the key: a watch opened with one user's rights never serves another user, so nobody sees what
 * their own credentials could not list.
 */
export class WatchHub {
  private readonly watches = new Map<string, SharedWatch>();
  private readonly options: Required<Omit<WatchHubOptions, 'log'>> & Pick<WatchHubOptions, 'log'>;

  constructor(options: WatchHubOptions) {
    this.options = { batchMs: 50, idleMs: 5_000, backoff: { initialMs: 500, maxMs: 30_000 }, ...options };
  }

  /**
   * Validates the selectors, resolves the context and joins the shared watch. Resolves with the function
   * that leaves it, or rejects with the Status to answer (bad selector, unknown context). `onAccepted` runs
   * before the first message reaches `sink`, so the subscriber hears "accepted" before the snapshot.
   */
  async subscribe(options: {
    target: ParsedWatchTarget;
    /** The subscriber's identity in a team mode; without it, the context's own credentials. */
    identity?: Identity;
    sink: Omit<WatchSink, 'filter'>;
    onAccepted?: () => void;
  }): Promise<() => void> {
    const { target } = options;
    const made = makeObjectFilter({ resource: target.resource, labelSelector: target.labelSelector, fieldSelector: target.fieldSelector });
    if (!made.ok) throw made.status as K8sStatus;
    const context = await this.options.resolveContext(target.context, options.identity);
    const path = listPath(target);
    const key = `${options.identity?.key ?? ''}\u0000${target.context}\u0000${path}`;
    let watch = this.watches.get(key);
    if (!watch) {
      const created: SharedWatch = new SharedWatch({
        kubeConfig: context.kubeConfig,
        path,
        batchMs: this.options.batchMs,
        idleMs: this.options.idleMs,
        backoff: this.options.backoff,
        metadataOnly: isSecretResource(target),
        log: this.options.log,
        onClosed: () => {
          if (this.watches.get(key) === created) this.watches.delete(key);
        },
      });
      watch = created;
      this.watches.set(key, watch);
    }
    const sink: WatchSink = { ...options.sink, filter: made.filter };
    options.onAccepted?.();
    watch.add(sink);
    const joined = watch;
    return () => joined.remove(sink);
  }

  /** Open upstream watches and their subscribers, for diagnostics and tests. */
  stats(): { upstreamWatches: number; subscribers: number } {
    let subscribers = 0;
    for (const watch of this.watches.values()) subscribers += watch.size;
    return { upstreamWatches: this.watches.size, subscribers };
  }

  close(): void {
    for (const watch of [...this.watches.values()]) watch.close();
  }
}
