import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import type { ParsedWatchTarget } from '@/lib/contract/watch';
import { forbiddenStatusFields } from '@/lib/k8s/forbidden-status';
import type { Identity } from '@/lib/server/auth/identity';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { isSecretResource } from '@/lib/server/secrets/redact-secrets';
import { selfMay, subjectMay, type ReviewAttributes } from './access-review';
import { RbacChanges } from './rbac-changes';

export interface SubscriptionAccessOptions {
  /** A context as the console itself reaches it, with its own credentials. */
  resolveContext: (name: string) => Promise<ResolvedContext>;
  /** How often every guarded subscription is reviewed again (`PILOTHOUSE_WATCH_RECHECK_MS`). */
  recheckMs: number;
  log?: Pick<Console, 'warn'>;
}

type Target = Pick<ParsedWatchTarget, 'context' | 'group' | 'version' | 'resource' | 'namespace'>;

/** Allowed, or the Forbidden Status the API server would have answered the user's own list or watch. */
export type Verdict = { allowed: true; reviewedAt: number } | { allowed: false; status: K8sStatus };

interface Guarded {
  target: Target;
  identity: Identity;
  /** When the review that admitted it began (`Verdict.reviewedAt`). */
  reviewedAt: number;
  onRevoked: (status: K8sStatus) => void;
}

// A list+watch is two requests to the authorizer: the list first, as the API server sees a ListWatch.
const VERBS = ['list', 'watch'] as const;
const attributesOf = (target: Target, verb: string): ReviewAttributes => ({
  verb,
  group: target.group,
  version: target.version,
  resource: target.resource,
  ...(target.namespace ? { namespace: target.namespace } : {}),
});
const keyOf = (target: Target) => `${target.context}\u0000${target.group}/${target.version}/${target.resource}\u0000${target.namespace ?? ''}`;

/**
 * The SubjectAccessReview-guarded way to share watches in a team mode: a subscription is served from the
 * one upstream watch per context and path that runs under the console's own identity, once a
 * SubjectAccessReview says the user may list and watch it, and it is reviewed again every `recheckMs` and
 * whenever an RBAC object of its cluster changes; a review that says no ends it with the Forbidden the
 * user's own watch would have got. Where the console itself may not list and watch a path (asked once per
 * context and path, with a SelfSubjectAccessReview), and always for Secrets, `servesShared` says no and the
 * hub keeps a watch under the user's identity instead.
 */
export class SubscriptionAccess {
  private readonly consoleMay = new Map<string, { at: number; answer: Promise<boolean> }>();
  private readonly guarded = new Set<Guarded>();
  private readonly rbac = new Map<string, RbacChanges>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private again = false;
  private lastRbacChange = -Infinity;

  constructor(private readonly options: SubscriptionAccessOptions) {}

  /** Whether subscriptions to `target` may share the console's own watch (cached for `recheckMs`). */
  servesShared(target: Target): Promise<boolean> {
    if (isSecretResource(target)) return Promise.resolve(false);
    const key = keyOf(target);
    const cached = this.consoleMay.get(key);
    if (cached && performance.now() - cached.at < this.options.recheckMs) return cached.answer;
    const answer = this.askConsole(target);
    this.consoleMay.set(key, { at: performance.now(), answer });
    return answer;
  }

  private async askConsole(target: Target): Promise<boolean> {
    try {
      const { kubeConfig } = await this.options.resolveContext(target.context);
      const asks = [...VERBS.map((verb) => attributesOf(target, verb)), { verb: 'create', group: 'authorization.k8s.io', resource: 'subjectaccessreviews' }];
      const answers = await Promise.all(asks.map((attrs) => selfMay(kubeConfig, attrs)));
      return answers.every(Boolean);
    } catch (error) {
      this.options.log?.warn(`team watches: could not ask whether the console may watch ${target.resource} in ${target.context}: ${(error as Error).message}`);
      return false;
    }
  }

  /** Asks whether `identity` may list and watch `target`. Throws when the review itself fails. */
  async review(target: Target, identity: Identity): Promise<Verdict> {
    const reviewedAt = performance.now();
    const { kubeConfig } = await this.options.resolveContext(target.context);
    for (const verb of VERBS) {
      const attrs = attributesOf(target, verb);
      const { allowed, reason } = await subjectMay(kubeConfig, identity, attrs);
      if (allowed) continue;
      const request = { isResourceRequest: true, path: '', verb, apiGroup: target.group, apiVersion: target.version, namespace: target.namespace ?? '', resource: target.resource, subresource: '', name: '' };
      const { message, details } = forbiddenStatusFields(identity.username, request, reason);
      return { allowed: false, status: failureStatus({ code: 403, reason: 'Forbidden', message, details }) };
    }
    return { allowed: true, reviewedAt };
  }

  /**
   * Keeps an admitted subscription under review until the returned function is called; `onRevoked` runs
   * once, when a later review says no (the subscription is then no longer guarded).
   */
  guard(subscription: Guarded): () => void {
    this.guarded.add(subscription);
    const { context } = subscription.target;
    // Four watches per context, kept while the console runs: pages come and go faster than RBAC changes.
    if (!this.rbac.has(context)) {
      const kubeConfig = async () => (await this.options.resolveContext(context)).kubeConfig;
      const onChange = () => {
        this.lastRbacChange = performance.now();
        void this.recheck();
      };
      this.rbac.set(context, new RbacChanges({ kubeConfig, onChange, log: this.options.log }));
    }
    // RBAC changed while it was being admitted: the round that followed did not know it yet.
    if (this.lastRbacChange >= subscription.reviewedAt) void this.recheck();
    this.timer ??= setInterval(() => void this.recheck(), this.options.recheckMs).unref();
    return () => this.unguard(subscription);
  }

  private unguard(subscription: Guarded): void {
    if (!this.guarded.delete(subscription)) return;
    if (this.guarded.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /**
   * Reviews every guarded subscription again, one review per user, context and path. A round asked for
   * while one runs follows it, so a change during a round is not missed. A review that fails (the API
   * server unreachable) keeps the subscription: only an answer of no ends it.
   */
  recheck(): Promise<void> {
    if (this.round) {
      this.again = true;
      return this.round;
    }
    this.round = (async () => {
      do {
        this.again = false;
        const verdicts = new Map<string, Promise<Verdict | undefined>>();
        await Promise.all(
          [...this.guarded].map(async (subscription) => {
            const key = `${subscription.identity.key}\u0000${keyOf(subscription.target)}`;
            if (!verdicts.has(key)) verdicts.set(key, this.reviewAgain(subscription));
            const verdict = await verdicts.get(key);
            if (verdict?.allowed === false && this.guarded.has(subscription)) {
              this.unguard(subscription);
              subscription.onRevoked(verdict.status);
            }
          }),
        );
      } while (this.again);
    })().finally(() => (this.round = undefined));
    return this.round;
  }

  private reviewAgain({ target, identity }: Guarded): Promise<Verdict | undefined> {
    return this.review(target, identity).catch((error: unknown) => {
      this.options.log?.warn(`team watches: re-checking ${target.resource} in ${target.context} for ${identity.username} failed: ${(error as Error).message}`);
      return undefined;
    });
  }

  close(): void {
    clearInterval(this.timer);
    for (const changes of this.rbac.values()) changes.stop();
    this.rbac.clear();
    this.guarded.clear();
  }
}
