import { Watch, type KubeConfig } from '@kubernetes/client-node';

/**
 * A `Watch` that a stopped ListWatch cannot reopen. Upstream bug in @kubernetes/client-node 1.4
 * (`ListWatch.doneHandler` in cache.ts): `stop()` only aborts the request already stored, and `doneHandler`
 * neither checks `stopped` after `await listFn()` nor stores the watch request before `await watch.watch()`
 * resolves. A ListWatch stopped while its list (or its watch's headers) is in flight therefore still opens
 * its watch afterwards, and nothing ever closes it: a flood of short-lived subscriptions left hundreds of
 * upstream watches open. Each ListWatch gets its own guard, stopped with it: once stopped it opens nothing
 * and aborts a watch whose request was already on its way.
 */
export class StoppableWatch extends Watch {
  private stopped = false;
  private readonly open = new Set<AbortController>();

  /** `transform` rewrites each event's object before the ListWatch sees (and caches) it. */
  constructor(
    config: KubeConfig,
    private readonly transform: (object: unknown) => unknown = (object) => object,
  ) {
    super(config);
  }

  override async watch(...args: Parameters<Watch['watch']>): Promise<AbortController> {
    const [path, query, callback, done] = args;
    if (this.stopped) {
      const refused = new AbortController();
      refused.abort();
      return refused;
    }
    const controller = await super.watch(path, query, (phase, object, event) => callback(phase, this.transform(object), event), done);
    if (this.stopped) controller.abort();
    else {
      this.open.add(controller);
      controller.signal.addEventListener('abort', () => this.open.delete(controller), { once: true });
    }
    return controller;
  }

  stop(): void {
    this.stopped = true;
    for (const controller of this.open) controller.abort();
  }
}

/** The same credentials and cluster, with `accept` on every watch request (client-node's Watch takes no headers). */
export function withAccept(kubeConfig: KubeConfig, accept: string): KubeConfig {
  const wrapped = Object.create(kubeConfig) as KubeConfig;
  wrapped.applyToFetchOptions = (opts) => kubeConfig.applyToFetchOptions({ ...opts, headers: { ...opts.headers, accept } });
  return wrapped;
}
