import { createHash } from 'node:crypto';
import { imageId, lookupImage } from '../kubelet/images';
import { buildCondition, CONDITION_ORDER } from '../kubelet/pod-conditions';
import { nowTimestamp } from '../names';
import { isPlainObject, type KubeObject } from '../types';

/** Where and since when a seeded pod runs. */
export interface Placement {
  node: string;
  hostIP: string;
  podIP: string;
  startedAt: Date;
}

/**
 * A pod (as the registry created it) bound to a node and Running, with the status a 1.32 kubelet
 * reports once every container started: all five conditions True, running container statuses with
 * containerd IDs and resolved image IDs, host and pod IPs. Seeds store pods this way so a large
 * cluster starts already settled; the kubelet adopts them like pods it finds running after a restart.
 */
export function runningPod(pod: KubeObject, placement: Placement): KubeObject {
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  const status = isPlainObject(pod.status) ? pod.status : {};
  const at = placement.startedAt;
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isPlainObject) : [];
  const conditions = CONDITION_ORDER.map((type) => buildCondition({ type, status: 'True' }, undefined, at));
  return {
    ...pod,
    spec: { ...spec, nodeName: placement.node },
    status: {
      ...status,
      phase: 'Running',
      conditions,
      hostIP: placement.hostIP,
      hostIPs: [{ ip: placement.hostIP }],
      podIP: placement.podIP,
      podIPs: [{ ip: placement.podIP }],
      startTime: nowTimestamp(at),
      containerStatuses: containers.map((c) => {
        // The same image identity the kubelet gives a container it starts itself.
        const registryImage = lookupImage(String(c.image ?? ''));
        const image = registryImage.ref.full;
        return {
          containerID: `containerd://${digest(`${pod.metadata.uid ?? ''}/${String(c.name)}`)}`,
          image,
          imageID: imageId(registryImage),
          lastState: {},
          name: c.name,
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: nowTimestamp(at) } },
        };
      }),
    },
  };
}


function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
