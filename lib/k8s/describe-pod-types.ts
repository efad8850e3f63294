/**
 * The JSON shapes `kubectl describe pod` reads beyond the ones in `types.ts`: env, mounts, probes, volumes,
 * owner references and core/v1 Events. Wire shapes (timestamps are strings), every field optional where the
 * API allows it to be omitted.
 */

import type { Container, ObjectMeta, Pod, PodSpec, PodStatus, Timestamp } from '@/lib/k8s/types';

export interface KeyRef {
  name?: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
    secretKeyRef?: KeyRef;
    configMapKeyRef?: KeyRef;
  };
}

export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** An int-or-string port, as probes carry it. */
export type IntOrString = number | string;

export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: IntOrString; host?: string; scheme?: string };
  tcpSocket?: { port: IntOrString; host?: string };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** A container with everything describe prints. */
export interface DescribableContainer extends Container {
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  volumeMounts?: VolumeMount[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

export interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  emptyDir?: { medium?: string; sizeLimit?: string };
  secret?: { secretName?: string; optional?: boolean };
  configMap?: { name?: string; optional?: boolean };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  projected?: {
    sources?: {
      secret?: { name?: string; optional?: boolean };
      configMap?: { name?: string; optional?: boolean };
      downwardAPI?: unknown;
      serviceAccountToken?: { expirationSeconds?: number; path: string };
    }[];
  };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[] };
  csi?: { driver: string; fsType?: string; readOnly?: boolean; volumeAttributes?: Record<string, string> };
  ephemeral?: unknown;
  image?: { reference?: string; pullPolicy?: string };
  nfs?: { server: string; path: string; readOnly?: boolean };
}


/** A pod as describe reads it: the shared shapes plus the fields only describe prints. */
export interface DescribablePod extends Pod {
  metadata?: ObjectMeta;
  spec?: Omit<PodSpec, 'containers' | 'initContainers'> & {
    containers?: DescribableContainer[];
    initContainers?: DescribableContainer[];
    ephemeralContainers?: DescribableContainer[];
    volumes?: Volume[];
    serviceAccountName?: string;
    priorityClassName?: string;
    runtimeClassName?: string;
  };
  status?: PodStatus & { qosClass?: string; ephemeralContainerStatuses?: PodStatus['containerStatuses'] };
}

/** A core/v1 Event (the shape `kubectl describe` lists; events.k8s.io fields map onto it). */
export interface CoreEvent {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: Timestamp | null;
  lastTimestamp?: Timestamp | null;
  /** MicroTime, set by events.k8s.io/v1 writers instead of first/lastTimestamp. */
  eventTime?: Timestamp | null;
  series?: { count: number; lastObservedTime: Timestamp };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}
