import { isPlainObject, type KubeObject } from './types';

/** The autoscaling/v1 Scale view of a Deployment or ReplicaSet (the `scale` subresource). */
export function toScale(obj: KubeObject): KubeObject {
  const spec = isPlainObject(obj.spec) ? obj.spec : {};
  const status = isPlainObject(obj.status) ? obj.status : {};
  const selector = isPlainObject(spec.selector) && isPlainObject(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: {
      replicas: status.replicas ?? 0,
      selector: Object.entries(selector)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(','),
    },
  };
}

/** Applies a Scale's spec.replicas (and resourceVersion precondition) back onto the workload. */
export function fromScale(workload: KubeObject, scale: unknown): KubeObject {
  const given = isPlainObject(scale) ? scale : {};
  const spec = isPlainObject(given.spec) ? given.spec : {};
  const meta = isPlainObject(given.metadata) ? given.metadata : {};
  return {
    ...workload,
    metadata: { ...workload.metadata, resourceVersion: (meta.resourceVersion as string | undefined) ?? '' },
    spec: { ...(isPlainObject(workload.spec) ? workload.spec : {}), replicas: spec.replicas },
  };
}
