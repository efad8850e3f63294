/**
 * Building blocks of seeds: pods and Deployments written in process through the registry (so they get
 * the same defaults, admission and validation as API clients' objects) and then placed Running on
 * nodes directly in the store. Deployments come with the ReplicaSet the Deployment controller would
 * have made (same `<name>-<pod-template-hash>` name, labels and revision annotations), so the
 * controllers find a settled world and only fill in status.
 */
import { podFromTemplate } from '../controllers/replicaset';
import { DESIRED_REPLICAS, MAX_REPLICAS, POD_TEMPLATE_HASH, REVISION, surgeAndUnavailable } from '../controllers/deployment-rollout';
import { newControllerRef, podTemplateHash, specOf } from '../controllers/workload-util';
import { findKind, resourceKey, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import type { Registry } from '../registry';
import { deepCopy, type KubeObject } from '../types';
import { runningPod } from './running-pod';

const PODS = findKind('', 'v1', 'pods') as KindSpec;
const DEPLOYMENTS = findKind('apps', 'v1', 'deployments') as KindSpec;
const REPLICASETS = findKind('apps', 'v1', 'replicasets') as KindSpec;

/** A node pods can be placed on, with the next free pod IP. */
export interface SeedNode {
  name: string;
  hostIP: string;
  /** `10.244.3.` style prefix of the node's podCIDR. */
  podPrefix: string;
  nextHost: number;
}

/** Shared state while seeding: the registry and round-robin placement over nodes. */
export class SeedWriter {
  private cursor = 0;

  constructor(
    readonly registry: Registry,
    readonly nodes: SeedNode[],
  ) {}

  /** Creates a pod and, when there are nodes, stores it Running on the next node. */
  pod(options: { namespace: string; body: KubeObject; startedAt: Date; hostNetwork?: boolean; node?: SeedNode }): KubeObject {
    const { namespace, body, startedAt } = options;
    const created = this.registry.create(PODS, namespace, body);
    const node = options.node ?? this.nextNode();
    if (!node) return created;
    const podIP = options.hostNetwork ? node.hostIP : `${node.podPrefix}${(node.nextHost++ % 253) + 2}`;
    const placed = runningPod(backdate(created, startedAt), { node: node.name, hostIP: node.hostIP, podIP, startedAt });
    return this.registry.store.put(resourceKey(PODS), placed);
  }

  /**
   * A Deployment with its current ReplicaSet and `replicas` Running pods, all created at `createdAt`
   * (the pods started a few seconds later).
   */
  deployment(options: { namespace: string; body: KubeObject; createdAt: Date }): { deployment: KubeObject; replicaSet: KubeObject; pods: KubeObject[] } {
    const { namespace, createdAt } = options;
    const deployment = this.registry.create(DEPLOYMENTS, namespace, {
      ...options.body,
      metadata: { ...options.body.metadata, annotations: { ...options.body.metadata.annotations, [REVISION]: '1' } },
    });
    this.backdateStored(DEPLOYMENTS, deployment, createdAt);
    const spec = specOf(deployment);
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const template = deepCopy(spec.template) as { metadata?: KubeObject['metadata'] };
    const hash = podTemplateHash(template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
    const selector = deepCopy(spec.selector) as { matchLabels?: Record<string, string> };
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
    const replicaSet = this.registry.create(REPLICASETS, namespace, {
      metadata: {
        name: `${deployment.metadata.name ?? ''}-${hash}`,
        labels: { ...template.metadata.labels },
        annotations: {
          [DESIRED_REPLICAS]: String(replicas),
          [MAX_REPLICAS]: String(replicas + surgeAndUnavailable(deployment).maxSurge),
          [REVISION]: '1',
        },
        ownerReferences: [newControllerRef(deployment)],
      },
      spec: { replicas, minReadySeconds: spec.minReadySeconds ?? 0, selector, template },
    });
    this.backdateStored(REPLICASETS, replicaSet, createdAt);
    const startedAt = new Date(createdAt.getTime() + 4000);
    const pods: KubeObject[] = [];
    for (let i = 0; i < replicas; i++) {
      pods.push(this.pod({ namespace, body: podFromTemplate(replicaSet), startedAt }));
    }
    return { deployment, replicaSet, pods };
  }

  private nextNode(): SeedNode | undefined {
    if (this.nodes.length === 0) return undefined;
    const node = this.nodes[this.cursor % this.nodes.length];
    this.cursor++;
    return node;
  }

  private backdateStored(kind: KindSpec, obj: KubeObject, at: Date): void {
    this.registry.store.put(resourceKey(kind), backdate(this.registry.get(kind, obj.metadata.namespace ?? '', obj.metadata.name ?? ''), at));
  }
}

/** The object as if created at `at` (seeds make a cluster that has been up for a while). */
export function backdate(obj: KubeObject, at: Date): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, creationTimestamp: nowTimestamp(at) } };
}
