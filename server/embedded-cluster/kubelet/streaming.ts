/**
 * The kubelet's streaming endpoints as the API server reaches them for `pods/exec` and
 * `pods/portforward`: the checks the API server makes first (pod `streamLocation`: which container,
 * whether the pod has a node), then the kubelet's own (the pod runs here, the container is running),
 * each with the real wording. What they return is the container (for exec) or the pod's network
 * namespace (for port-forward); the stream protocols live in `../streaming/`.
 */
import { createHash } from 'node:crypto';
import { badRequest } from '../status';
import { isPlainObject, type KubeObject } from '../types';
import { buildExecTarget } from './exec/build-target';
import type { ExecTarget } from './exec/target';
import type { Kubelet } from './kubelet';
import type { PodWorker } from './pod-worker';
import type { ContainerInstance } from './runtime';

/** A pod's network namespace, as port-forward dials into it. */
export interface PodNetwork {
  /** The CRI sandbox ID (what containerd's messages name the pod by). */
  sandboxID: string;
  /** The sandbox's network namespace path. */
  netnsPath: string;
  /** The container instance listening on `port` (any container: they share the namespace). */
  listener(port: number): ContainerInstance | undefined;
  /** Aborted when the pod's containers are gone. */
  gone: AbortSignal;
}

/**
 * An error of the kubelet's streaming server: plain text with its HTTP status, which the API server
 * passes on as the failed upgrade's answer (kubectl: `error: unable to upgrade connection: ...`).
 */
export class KubeletStreamError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const containerNames = (list: unknown) => (Array.isArray(list) ? list.filter(isPlainObject).map((c) => String(c.name)) : []);

/** pod strategy's streamLocation: the container a request means, or its BadRequest. */
export function streamContainer(pod: KubeObject, requested: string | null): string {
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  const name = pod.metadata.name ?? '';
  const containers = containerNames(spec.containers);
  const inits = containerNames(spec.initContainers);
  if (!requested) {
    if (containers.length === 1) return containers[0] as string;
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    let message = `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`;
    if (inits.length > 0) message += ` or one of the init containers: [${inits.join(' ')}]`;
    throw badRequest(message);
  }
  if (![...containers, ...inits, ...containerNames(spec.ephemeralContainers)].includes(requested)) {
    throw badRequest(`container ${requested} is not valid for pod ${name}`);
  }
  return requested;
}

/** The pod's worker on its node, or the API server's and kubelet's error. */
function podWorker(pod: KubeObject, kubelet: Kubelet | undefined): PodWorker {
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  const name = pod.metadata.name ?? '';
  if (typeof spec.nodeName !== 'string' || !spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const worker = kubelet?.worker(pod.metadata.uid ?? '');
  // The kubelet's 404 for a pod it does not run, as the upgrade answer kubectl prints.
  if (!worker) throw new KubeletStreamError(404, 'pod does not exist');
  return worker;
}

/** What `kubectl exec` runs in: the running container, or the kubelet's `container not found`. */
export function execTarget(options: { pod: KubeObject; container: string | null; kubelet: Kubelet | undefined }): ExecTarget {
  const { pod } = options;
  const name = streamContainer(pod, options.container);
  const worker = podWorker(pod, options.kubelet);
  const runner = worker.runner(name);
  const instance = runner?.current;
  if (!runner || !instance?.running) throw new KubeletStreamError(404, `container not found ("${name}")`);
  return buildExecTarget({ pod, container: runner.spec, instance, listener: (port) => podListener(worker, port) });
}

/** What `kubectl port-forward` dials into: the pod's network namespace. */
export function podNetwork(options: { pod: KubeObject; kubelet: Kubelet | undefined }): PodNetwork {
  const worker = podWorker(options.pod, options.kubelet);
  const uid = options.pod.metadata.uid ?? '';
  const hash = createHash('sha256').update(`sandbox:${uid}`).digest('hex');
  // containerd names the sandbox's netns `cni-<uuid>` under /var/run/netns.
  const uuid = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
  return {
    sandboxID: createHash('sha256').update(`sandbox-id:${uid}`).digest('hex'),
    netnsPath: `/var/run/netns/cni-${uuid}`,
    listener: (port) => podListener(worker, port),
    gone: worker.goneSignal,
  };
}

function podListener(worker: PodWorker, port: number): ContainerInstance | undefined {
  return worker.runners.map((r) => r.current).find((i) => i?.listens(port));
}
