import { nowTimestamp } from '../names';
import type { KubeObject } from '../types';
import { imageId, lookupImage } from '../kubelet/images';

/** The chapter's image, as every node has it pulled already (the same identity the kubelet reports). */
const kubia = lookupImage('luksa/kubia');

/** What varies between seeded nodes. */
export interface NodeSeed {
  name: string;
  /** The node's index: its InternalIP is 10.132.0.(index+2) and its podCIDR 10.244.(index).0/24. */
  index: number;
  zone: string;
  /** When the kubelet registered (creationTimestamp and condition transition times). */
  registeredAt: Date;
  /** The kubelet's last status post (default: registeredAt). */
  heartbeatAt?: Date;
}

// An e2-medium-sized worker (2 vCPU, ~4 GiB) with GKE's system reservations taken off allocatable.
const CAPACITY = { cpu: '2', 'ephemeral-storage': '98831908Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4025880Ki', pods: '110' };
const ALLOCATABLE = { cpu: '1930m', 'ephemeral-storage': '47060071478', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '2880024Ki', pods: '110' };

/**
 * A Ready worker node as a 1.32 kubelet registers it: the well-known labels (hostname, os, arch,
 * instance type, zone and region), capacity and allocatable, addresses, the four pressure conditions
 * plus Ready, daemonEndpoints, nodeInfo and a podCIDR.
 */
export function workerNode(seed: NodeSeed): KubeObject {
  const at = nowTimestamp(seed.registeredAt);
  const heartbeat = nowTimestamp(seed.heartbeatAt ?? seed.registeredAt);
  const region = seed.zone.replace(/-[a-z]$/, '');
  const internalIP = `10.132.0.${seed.index + 2}`;
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: at,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: seed.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': 'e2-medium',
        'beta.kubernetes.io/os': 'linux',
        'cloud.google.com/gke-nodepool': 'default-pool',
        'failure-domain.beta.kubernetes.io/region': region,
        'failure-domain.beta.kubernetes.io/zone': seed.zone,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': seed.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'e2-medium',
        'topology.kubernetes.io/region': region,
        'topology.kubernetes.io/zone': seed.zone,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: at,
    },
    spec: {
      podCIDR: `10.244.${seed.index}.0/24`,
      podCIDRs: [`10.244.${seed.index}.0/24`],
      providerID: `gce://kubia-project/${seed.zone}/${seed.name}`,
    },
    status: {
      capacity: { ...CAPACITY },
      allocatable: { ...ALLOCATABLE },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: internalIP },
        { type: 'Hostname', address: seed.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(seed.name, 32),
        systemUUID: hex(`${seed.name}-uuid`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        bootID: hex(`${seed.name}-boot`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        kernelVersion: '6.1.112+',
        osImage: 'Container-Optimized OS from Google',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: 'v1.32.4',
        kubeProxyVersion: 'v1.32.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [
        { names: [imageId(kubia), kubia.ref.full], sizeBytes: kubia.sizeBytes },
        { names: ['registry.k8s.io/kube-proxy:v1.32.4'], sizeBytes: 30904563 },
      ],
    },
  };
}

/** A stable pseudo-random hex string derived from `seed` (machine IDs must not change between runs). */
function hex(seed: string, length: number): string {
  let out = '';
  let state = 2166136261;
  while (out.length < length) {
    for (const ch of seed) state = Math.imul(state ^ ch.charCodeAt(0), 16777619) >>> 0;
    state = Math.imul(state ^ out.length, 16777619) >>> 0;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
