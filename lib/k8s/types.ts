/**
 * Minimal JSON shapes of the core/v1 objects that `lib/k8s` reads, exactly as the API server sends them
 * (timestamps are RFC 3339 strings, quantities are strings). client-node's `V1Pod` types timestamps as
 * `Date`, which is what its deserializer produces, not what arrives over the wire or sits in etcd, so the
 * pure logic here uses these instead. Every field is optional where the API allows it to be omitted.
 */

/** RFC 3339 timestamp string, e.g. `2024-05-01T10:00:00Z`. */
export type Timestamp = string;

/** A resource list such as `requests`, `limits`, `allocatable`: name -> quantity string. */
export type ResourceList = Record<string, string>;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: Timestamp;
  deletionTimestamp?: Timestamp;
  deletionGracePeriodSeconds?: number;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

/** metav1.OwnerReference: who owns an object, for garbage collection and "Controlled By". */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}

export interface ContainerStateRunning {
  startedAt?: Timestamp;
}

export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: Timestamp;
  finishedAt?: Timestamp;
}

export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  started?: boolean;
  state?: ContainerState;
  lastState?: ContainerState;
  image?: string;
  imageID?: string;
  containerID?: string;
}

export interface ContainerPort {
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  name?: string;
}

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface Container {
  name: string;
  image?: string;
  /** Only `Always` is valid, and only on init containers: it makes them sidecars. */
  restartPolicy?: string;
  resources?: ResourceRequirements;
  ports?: ContainerPort[];
}

export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Timestamp;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeSelector {
  nodeSelectorTerms: NodeSelectorTerm[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  };
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  containers?: Container[];
  initContainers?: Container[];
  overhead?: ResourceList;
  readinessGates?: { conditionType: string }[];
  schedulingGates?: { name: string }[];
  restartPolicy?: string;
  hostNetwork?: boolean;
  /** Resolved from priorityClassName by admission; 0 when absent. */
  priority?: number;
  /** `PreemptLowerPriority` (default) or `Never`. */
  preemptionPolicy?: string;
}

export interface PodStatus {
  phase?: string;
  reason?: string;
  message?: string;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  nominatedNodeName?: string;
  startTime?: Timestamp;
}

export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: PodStatus;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: Timestamp;
}

export interface Node {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    unschedulable?: boolean;
    taints?: Taint[];
    podCIDR?: string;
  };
  status?: {
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    addresses?: { type: string; address: string }[];
  };
}

/** corev1.NamespaceCondition: `NamespaceContentRemaining`, `NamespaceFinalizersRemaining`, ... */
export interface NamespaceCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Timestamp;
}

export interface Namespace {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: NamespaceCondition[] };
}
