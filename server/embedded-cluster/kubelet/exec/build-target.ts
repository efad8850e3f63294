/**
 * Builds what an exec'd process sees of a running container: the environment a container gets
 * (image ENV, then the spec's env, then HOSTNAME, HOME and the kubernetes service links the kubelet
 * injects), its file tree and its listening ports.
 */
import { isPlainObject, type KubeObject } from '../../types';
import type { ContainerInstance } from '../runtime';
import { buildFileTree } from './file-tree';
import type { ExecTarget } from './target';

/** The cluster's kube-dns Service address, which every ClusterFirst pod's resolv.conf names. */
const DNS_IP = '10.96.0.10';
// The `kubernetes` Service's links, as enableServiceLinks injects them into every container.
const SERVICE_LINKS: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
};

/** The exec view of `instance`, a running container of `pod`. */
export function buildExecTarget(options: {
  pod: KubeObject;
  container: Record<string, unknown>;
  instance: ContainerInstance;
  /** The container of the pod listening on a port: containers of a pod share one network namespace. */
  listener: (port: number) => ContainerInstance | undefined;
  caCert?: string;
}): ExecTarget {
  const { pod, container, instance } = options;
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  const status = isPlainObject(pod.status) ? pod.status : {};
  const podIP = typeof status.podIP === 'string' ? status.podIP : '';
  const mounts = (Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isPlainObject) : []).map((m) => String(m.mountPath ?? ''));
  const tree = buildFileTree({
    profile: instance.profile,
    hostname: instance.hostname,
    podIP,
    namespace: pod.metadata.namespace ?? '',
    serviceAccount: String(spec.serviceAccountName ?? 'default'),
    mounts,
    caCert: options.caCert,
    dnsIP: DNS_IP,
  });
  const env = { ...instance.profile.env, HOSTNAME: instance.hostname, ...instance.env, ...(spec.enableServiceLinks === false ? {} : SERVICE_LINKS), HOME: '/root' };
  return {
    hostname: instance.hostname,
    podIP,
    profile: instance.profile,
    tree,
    env,
    startedAt: instance.startedAt,
    processes: instance.processes,
    stopped: instance.stoppedSignal,
    request: (port, req) => options.listener(port)?.request(port, req),
  };
}
