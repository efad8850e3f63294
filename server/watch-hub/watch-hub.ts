import { targetListPath, type ParsedWatchTarget } from '@/lib/contract/watch';
import { rowProjection } from '@/lib/contract/row-view';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import type { Identity } from '@/lib/server/auth/identity';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { isSecretResource } from '@/lib/server/secrets/redact-secrets';
import { SharedWatch, type WatchSink } from './shared-watch';
import { makeObjectFilter } from './subscriber-filter';
import { projectingSink, type SubscriberSink } from './subscriber-view';
import type { SubscriptionAccess } from './subscription-access';

export interface WatchHubOptions {
  resolveContext: (name: string, identity?: Identity) => Promise<ResolvedContext>;
  /**
   * How long changes gather into one batch (default 16 ms, a frame): the fan-out target is write-to-client
   * p99 under 100 ms at 200 events/s, and a 50 ms window alone spent half of that. The cost of a shorter
   * one is more, smaller messages per socket: at 200 sockets and 200 events/s the BFF's CPU went from a
   * fifth of a core to about half (bench/event-main.ts), most of it in the sockets' writes.
   */
  batchMs?: number;
  idleMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  log?: Pick<Console, 'warn'>;
  /**
   * Team modes with `PILOTHOUSE_TEAM_WATCHES=shared`: where the console itself may watch a path, a user's
   * subscription joins the console's own watch once a SubjectAccessReview allows it, and is re-checked.
   */
  access?: SubscriptionAccess;
}

/**
 * All shared upstream watches of this console, one per identity, context and list path. Subscribing joins
 * the matching one (starting it if needed); the returned function leaves it. In a team mode nobody sees
 * what their own credentials could not list: with `access`, a subscription the console may serve from its
 * own watch joins it only once a SubjectAccessReview for the user allows it (and leaves it when a re-check
 * says no); otherwise the identity is part of the key, so a watch opened with one user's rights never
 * serves another.
 */
export class WatchHub {
  private readonly watches = new Map<string, SharedWatch>();
  private readonly options: Required<Omit<WatchHubOptions, 'log' | 'access'>> & Pick<WatchHubOptions, 'log' | 'access'>;

  constructor(options: WatchHubOptions) {
    this.options = { batchMs: 16, idleMs: 5_000, backoff: { initialMs: 500, maxMs: 30_000 }, ...options };
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
    sink: SubscriberSink;
    onAccepted?: () => void;
  }): Promise<() => void> {
    const { target } = options;
    const made = makeObjectFilter({ resource: target.resource, labelSelector: target.labelSelector, fieldSelector: target.fieldSelector });
    if (!made.ok) throw made.status as K8sStatus;
    const project = target.view === 'rows' ? rowProjection(target) : undefined;
    if (target.view === 'rows' && !project) throw failureStatus({ code: 400, reason: 'BadRequest', message: `${target.resource} have no rows view: subscribe to objects` });
    const { identity } = options;
    const out = project ? projectingSink(options.sink, project) : options.sink;
    // Resolving as the subscriber also refuses a session token meant for another context's cluster.
    let context = await this.options.resolveContext(target.context, identity);
    const access = identity && (await this.options.access?.servesShared(target)) ? this.options.access : undefined;
    let reviewedAt = 0;
    if (access && identity) {
      const verdict = await access.review(target, identity);
      if (!verdict.allowed) {
        // What the user's own list would have got: accepted, then the Forbidden.
        options.onAccepted?.();
        out.status('error', { status: verdict.status });
        return () => undefined;
      }
      reviewedAt = verdict.reviewedAt;
      context = await this.options.resolveContext(target.context);
    }
    const watchIdentity = access ? undefined : identity;
    const path = targetListPath(target);
    const key = `${watchIdentity?.key ?? ''}\u0000${target.context}\u0000${path}`;
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
    // The shared watch filters on objects; `out` projects what passes (a rows view) as it goes to the subscriber.
    const sink: WatchSink = { snapshot: out.snapshot, events: out.events, status: out.status, filter: made.filter };
    options.onAccepted?.();
    watch.add(sink);
    const joined = watch;
    if (!access || !identity) return () => joined.remove(sink);
    // A revoked subscription ends as an upstream Forbidden ends one: the error, and no more messages.
    const unguard = access.guard({ target, identity, reviewedAt, onRevoked: (status) => (joined.remove(sink), out.status('error', { status })) });
    return () => (unguard(), joined.remove(sink));
  }

  /** Open upstream watches and their subscribers, for diagnostics and tests. */
  stats(): { upstreamWatches: number; subscribers: number } {
    let subscribers = 0;
    for (const watch of this.watches.values()) subscribers += watch.size;
    return { upstreamWatches: this.watches.size, subscribers };
  }

  close(): void {
    this.options.access?.close();
    for (const watch of [...this.watches.values()]) watch.close();
  }
}
