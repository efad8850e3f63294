import { startClusterRoleAggregation } from '../auth/rbac/aggregation';
import type { ControllerContext, RunningController } from './context';
import { startDeploymentController } from './deployment';
import { startDisruptionController } from './disruption';
import { startGarbageCollector } from './garbage-collector';
import { startKubernetesServiceController } from './kubernetes-service';
import { startNamespaceController } from './namespace-lifecycle';
import { startReplicaSetController } from './replicaset';

/**
 * Starts the kube-controller-manager loops the embedded cluster runs (namespace lifecycle,
 * ReplicaSet, Deployment, disruption budgets, the garbage collector) and the API server's `kubernetes` Service
 * reconciler. Returns one handle that stops them all.
 */
export function startControllerManager(ctx: ControllerContext): RunningController {
  const running = [
    startGarbageCollector(ctx),
    startNamespaceController(ctx),
    startReplicaSetController(ctx),
    startDeploymentController(ctx),
    startDisruptionController(ctx),
    startKubernetesServiceController(ctx),
    startClusterRoleAggregation(ctx),
  ];
  return {
    stop() {
      for (const controller of running) controller.stop();
    },
  };
}
