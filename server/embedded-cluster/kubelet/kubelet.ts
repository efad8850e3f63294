/**
 * The kubelet of one node: a pod worker for every pod bound to the node, the node's image store with
 * its serialized puller, and the pod network of the node (host-local IPAM over the node's /24).
 */
import type { Clock } from '../clock';
import type { EventRecorder } from '../events';
import { findKind, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import type { Registry } from '../registry';
import { isPlainObject, type KubeObject } from '../types';
import type { NodeImages } from './container-runner';
import type { LogBudget } from './log-buffer';
import { PodWorker } from './pod-worker';

const NODES = findKind('', 'v1', 'nodes') as KindSpec;
const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** Where a node sits on the simulated network. */
export interface NodeNetwork {
  /** The node's InternalIP (hostIP of its pods). */
  hostIP: string;
  /** The first three octets of the node's pod /24, e.g. `10.244.1`. */
  podPrefix: string;
}

/** What a kubelet runs with. */
export interface KubeletDeps {
  registry: Registry;
  clock: Clock;
  recorder: EventRecorder;
  /** Background log lines per second for every container (0: none). */
  logRate: number;
  /** The cluster-wide budget of log text. */
  logBudget: LogBudget;
}

/** One node's kubelet. */
export class Kubelet {
  readonly nodeName: string;
  private readonly workers = new Map<string, PodWorker>();
  private readonly usedIPs = new Set<number>();
  private nextIP = 2;
  private readonly images: NodeImages;
  private readonly stopped = new AbortController();

  constructor(
    node: KubeObject,
    readonly network: NodeNetwork,
    private readonly deps: KubeletDeps,
  ) {
    this.nodeName = node.metadata.name ?? '';
    let queue: Promise<unknown> = Promise.resolve();
    this.images = {
      present: imagesOnNode(node),
      enqueue: (pull) => {
        const queuedAt = Date.now();
        let waited = 0;
        const run = queue.then(() => {
          waited = Date.now() - queuedAt;
          return pull();
        });
        queue = run.catch(() => undefined);
        return run.then(() => waited);
      },
    };
    void this.heartbeat();
  }

  /**
   * The node status report: every `nodeStatusReportFrequency` (5 minutes) with nothing else to say, the
   * kubelet posts its conditions again with a fresh `lastHeartbeatTime`.
   */
  private async heartbeat(): Promise<void> {
    const { registry, clock } = this.deps;
    while (!this.stopped.signal.aborted) {
      await clock.delay(NODE_STATUS_REPORT_MS, this.stopped.signal);
      if (this.stopped.signal.aborted) return;
      const node = registry.store.get('nodes', '', this.nodeName);
      const status = node && isPlainObject(node.status) ? node.status : undefined;
      if (!node || !status || !Array.isArray(status.conditions)) continue;
      const now = nowTimestamp(clock.now());
      const conditions = status.conditions.map((c: unknown) => (isPlainObject(c) ? { ...c, lastHeartbeatTime: now } : c));
      registry.replaceRaw(NODES, { ...node, status: { ...status, conditions } });
    }
  }

  /** The address pod traffic from the node itself comes from (the cni0 bridge: `.1` of the pod /24). */
  get gatewayIP(): string {
    return `${this.network.podPrefix}.1`;
  }

  /** A pod bound to this node was added or changed. */
  podChanged(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const worker = this.workers.get(uid);
    if (worker) {
      worker.update(pod);
      return;
    }
    if (isTerminal(pod)) return;
    this.workers.set(
      uid,
      new PodWorker(pod, {
        ...this.deps,
        node: {
          name: this.nodeName,
          hostIP: this.network.hostIP,
          gatewayIP: this.gatewayIP,
          logRate: this.deps.logRate,
          logBudget: this.deps.logBudget,
          images: this.images,
          allocateIP: () => this.allocateIP(),
          reserveIP: (ip) => {
            if (ip.startsWith(`${this.network.podPrefix}.`)) this.usedIPs.add(Number(ip.split('.').pop()));
          },
          releaseIP: (ip) => this.usedIPs.delete(Number(ip.split('.').pop())),
        },
        onDone: (doneUid) => this.workers.delete(doneUid),
      }),
    );
  }

  /** A pod bound to this node left the store. */
  podRemoved(pod: KubeObject): void {
    this.workers.get(pod.metadata.uid ?? '')?.removed();
  }

  /** The worker of a pod, by UID. */
  worker(uid: string): PodWorker | undefined {
    return this.workers.get(uid);
  }

  /** Stops every pod worker without writing anything (the node or the cluster goes away). */
  shutdown(): void {
    this.stopped.abort();
    for (const worker of this.workers.values()) worker.shutdown();
    this.workers.clear();
  }

  // host-local IPAM: addresses handed out in turn from .2 to .254, skipping those in use.
  private allocateIP(): string {
    for (let tries = 0; tries < 253; tries++) {
      const candidate = this.nextIP;
      this.nextIP = candidate >= 254 ? 2 : candidate + 1;
      if (!this.usedIPs.has(candidate)) {
        this.usedIPs.add(candidate);
        return `${this.network.podPrefix}.${candidate}`;
      }
    }
    return `${this.network.podPrefix}.254`;
  }
}

// The images the node reports (status.images) are in its store already: IfNotPresent finds them.
function imagesOnNode(node: KubeObject): Set<string> {
  const status = isPlainObject(node.status) ? node.status : {};
  const images = Array.isArray(status.images) ? status.images.filter(isPlainObject) : [];
  return new Set(images.flatMap((image) => (Array.isArray(image.names) ? image.names.map(String) : [])));
}

function isTerminal(pod: KubeObject): boolean {
  const phase = isPlainObject(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}
