import type { KubeConfig } from '@kubernetes/client-node';
import { resourcePath } from '@/lib/k8s/resource-path';
import { selfMay } from './access-review';
import { SharedWatch, type WatchSink } from './shared-watch';

/** The RBAC kinds whose changes can change what anyone may list or watch. */
export const RBAC_RESOURCES = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'] as const;
const RBAC_GROUP = 'rbac.authorization.k8s.io';

const matchAll = Object.assign(() => true, { matchesAll: true });

/**
 * Watches a cluster's Roles, RoleBindings, ClusterRoles and ClusterRoleBindings with the console's own
 * credentials and calls `onChange` (at most once per `debounceMs`) whenever one changes, or may have
 * changed while a watch was reconnecting. Kinds the console may not list and watch are left out: their
 * changes are caught by the periodic re-check alone.
 */
export class RbacChanges {
  private readonly watches: SharedWatch[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly options: { kubeConfig: () => Promise<KubeConfig>; onChange: () => void; debounceMs?: number; log?: Pick<Console, 'warn'> }) {
    void this.start();
  }

  private async start(): Promise<void> {
    const kubeConfig = await this.options.kubeConfig().catch(() => undefined);
    if (!kubeConfig) return;
    for (const resource of RBAC_RESOURCES) {
      const attrs = { group: RBAC_GROUP, resource };
      const allowed = await Promise.all(['list', 'watch'].map((verb) => selfMay(kubeConfig, { verb, ...attrs }).catch(() => false)));
      if (this.stopped) return;
      if (!allowed.every(Boolean)) {
        this.options.log?.warn(`team watches: the console may not list and watch ${resource}.${RBAC_GROUP}; subscriptions are re-checked periodically only`);
        continue;
      }
      let snapshots = 0;
      const sink: WatchSink = {
        filter: matchAll,
        // The first snapshot is the state the subscriptions were admitted under; a later one follows a reconnect.
        snapshot: () => (snapshots++ > 0 ? this.changed() : undefined),
        events: () => this.changed(),
        status: () => undefined,
      };
      const watch = new SharedWatch({
        kubeConfig,
        path: resourcePath({ group: RBAC_GROUP, version: 'v1', resource }),
        batchMs: 50,
        idleMs: 0,
        backoff: { initialMs: 500, maxMs: 30_000 },
        log: this.options.log,
        onClosed: () => undefined,
      });
      watch.add(sink);
      this.watches.push(watch);
    }
  }

  private changed(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.options.onChange();
    }, this.options.debounceMs ?? 100);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const watch of this.watches) watch.close();
  }
}
