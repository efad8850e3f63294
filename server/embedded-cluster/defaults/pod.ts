import { isPlainObject } from '../types';
import { randomSuffix } from '../names';

type Obj = Record<string, unknown>;

const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Scheme defaulting of a pod (pkg/apis/core/v1/defaults.go), applied to every decoded pod. */
export function defaultPod(pod: Obj): void {
  defaultPodSpec(objectAt(pod, 'spec'));
}

/**
 * The admission plugins a real 1.32 API server runs on pod create: ServiceAccount (serviceAccountName
 * and the kube-api-access projected volume), DefaultTolerationSeconds and Priority; then the initial
 * status the pod strategy sets (phase Pending, the QoS class).
 */
export function admitPod(pod: Obj): void {
  const spec = objectAt(pod, 'spec');
  applyServiceAccountAdmission(spec);
  addDefaultTolerations(spec);
  spec.priority ??= 0;
  const status = objectAt(pod, 'status');
  status.phase ??= 'Pending';
  status.qosClass = qosClass(spec);
}

/** The defaults of a PodSpec alone, shared with pod templates of Deployments and ReplicaSets. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  for (const list of ['containers', 'initContainers'] as const) {
    for (const container of arrayOfObjects(spec[list])) defaultContainer(container);
  }
}

function defaultContainer(container: Obj): void {
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.imagePullPolicy ??= defaultPullPolicy(String(container.image ?? ''));
  const resources = objectAt(container, 'resources');
  // SetDefaults_Pod: requests default to limits for each resource that has a limit and no request.
  if (isPlainObject(resources.limits)) {
    const requests = objectAt(resources, 'requests');
    for (const [name, value] of Object.entries(resources.limits)) requests[name] ??= value;
  }
  for (const port of arrayOfObjects(container.ports)) port.protocol ??= 'TCP';
}

/** `:latest` or no tag means Always (the image may move); a pinned tag or digest means IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon === -1 ? '' : lastSegment.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function applyServiceAccountAdmission(spec: Obj): void {
  spec.serviceAccountName ??= (spec.serviceAccount as string | undefined) ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...arrayOfObjects(spec.containers), ...arrayOfObjects(spec.initContainers)];
  const alreadyMounted = containers.some((c) =>
    arrayOfObjects(c.volumeMounts).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT),
  );
  if (alreadyMounted) return;
  const volumeName = `kube-api-access-${randomSuffix()}`;
  spec.volumes = [...arrayOfObjects(spec.volumes), kubeApiAccessVolume(volumeName)];
  for (const container of containers) {
    container.volumeMounts = [
      ...arrayOfObjects(container.volumeMounts),
      { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT },
    ];
  }
}

function kubeApiAccessVolume(name: string): Obj {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
      defaultMode: 420,
    },
  };
}

// DefaultTolerationSeconds admission: tolerate not-ready and unreachable nodes for 300s unless the pod
// already says how long.
function addDefaultTolerations(spec: Obj): void {
  const tolerations = arrayOfObjects(spec.tolerations);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const present = tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || t.effect === undefined));
    if (!present) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

/**
 * GetPodQOS: Guaranteed when every container limits cpu and memory with requests equal to limits,
 * BestEffort when nothing requests or limits anything, Burstable otherwise.
 */
export function qosClass(spec: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...arrayOfObjects(spec.containers), ...arrayOfObjects(spec.initContainers)];
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const resources = isPlainObject(container.resources) ? container.resources : {};
    const requests = (isPlainObject(resources.requests) ? resources.requests : {}) as Obj;
    const limits = (isPlainObject(resources.limits) ? resources.limits : {}) as Obj;
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) anySet = true;
    for (const name of ['cpu', 'memory']) {
      if (limits[name] === undefined || String(requests[name] ?? limits[name]) !== String(limits[name])) {
        guaranteed = false;
      }
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function objectAt(parent: Obj, key: string): Obj {
  if (!isPlainObject(parent[key])) parent[key] = {};
  return parent[key] as Obj;
}

function arrayOfObjects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}
