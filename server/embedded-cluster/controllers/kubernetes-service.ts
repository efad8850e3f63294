/**
 * The API server's own `kubernetes` Service reconciler (pkg/controlplane/controller/kubernetesservice):
 * every EndpointInterval (10s) it makes sure `default/kubernetes` exists, so after `kubectl delete all
 * --all` the Service comes back a few seconds later, as on a real cluster.
 */
import { kubernetesService } from '../bootstrap';
import { findKind, type KindSpec } from '../kinds';
import { ApiError } from '../status';
import type { ControllerContext, RunningController } from './context';
import { startControllerLoop } from './controller-loop';

const SERVICES = findKind('', 'v1', 'services') as KindSpec;
const NAMESPACE = 'default';
const NAME = 'kubernetes';
// The reconciler's EndpointInterval.
const INTERVAL_MS = 10_000;

/** Starts the reconciler; it acts when `default/kubernetes` is deleted. */
export function startKubernetesServiceController(ctx: ControllerContext): RunningController {
  const loop = startControllerLoop({
    name: 'kubernetes-service-controller',
    sync: () => {
      if (ctx.informers.for('services').get(NAMESPACE, NAME)) return;
      try {
        ctx.registry.create(SERVICES, NAMESPACE, kubernetesService());
      } catch (err) {
        // A `default` namespace cannot be Terminating (it is immortal); a racing create is fine.
        if (!(err instanceof ApiError && err.code === 409)) throw err;
      }
    },
  });
  const stop = ctx.informers.for('services').onChange((event) => {
    const { namespace, name } = event.object.metadata;
    if (event.type === 'DELETED' && namespace === NAMESPACE && name === NAME) loop.enqueueAfter(NAME, ctx.clock.scaled(INTERVAL_MS));
  });
  return {
    stop() {
      stop();
      loop.stop();
    },
  };
}
