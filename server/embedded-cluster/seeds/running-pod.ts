import { createHash } from 'node:crypto';
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
        const image = qualifiedImage(String(c.image ?? ''));
        return {
          containerID: `containerd://${digest(`${pod.metadata.uid ?? ''}/${String(c.name)}`)}`,
          image,
          imageID: `${image.replace(/:[^:/]+$/, '')}@sha256:${digest(image)}`,
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

/** `luksa/kubia` -> `docker.io/luksa/kubia:latest`, as containerd reports the image it ran. */
export function qualifiedImage(image: string): string {
  const slash = image.indexOf('/');
  const first = slash === -1 ? '' : image.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let name = hasRegistry ? image : `docker.io/${slash === -1 ? `library/${image}` : image}`;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  if (!lastSegment.includes(':') && !lastSegment.includes('@')) name += ':latest';
  return name;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
