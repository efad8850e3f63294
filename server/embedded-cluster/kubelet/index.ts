/**
 * The node agents of the embedded cluster: one simulated kubelet per Node object, each running the
 * pods bound to it. The API server forwards `pods/log` and `pods/proxy` to a pod's kubelet; here the
 * router calls `serveLog` and `serveProxy` in process for the same effect.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControllerContext, RunningController } from '../controllers/context';
import { deleteObject } from '../deletion';
import { findKind, type KindSpec } from '../kinds';
import type { Reply, STREAMED } from '../reply';
import { ApiError, badRequest } from '../status';
import type { StoreEvent } from '../store';
import { isPlainObject, type KubeObject } from '../types';
import { Kubelet, type NodeNetwork } from './kubelet';
import { LogBudget } from './log-buffer';
import { chooseContainer, logSource, noHostReply, parseLogOptions, streamLog } from './logs';
import { matchPodProxyPath, proxyToPod, splitSchemeNamePort } from './proxy';
import type { ExecTarget } from './exec/target';
import { execTarget, podNetwork, type PodNetwork } from './streaming';

const PODS = findKind('', 'v1', 'pods') as KindSpec;
const ORPHAN_QUARANTINE_MS = 40_000;

/** The running kubelets and the pod subresources they serve. */
export interface NodeAgents extends RunningController {
  /** `GET pods/{name}/log` for a pod already read from the store. */
  serveLog(options: { pod: KubeObject; query: URLSearchParams; req: IncomingMessage; res: ServerResponse }): Reply | typeof STREAMED;
  /** Serves a pod proxy URL; resolves false when `pathname` is not one. */
  serveProxy(options: { pathname: string; query: URLSearchParams; req: IncomingMessage; res: ServerResponse }): Promise<boolean>;
  /** The kubelet of a node. */
  kubelet(nodeName: string): Kubelet | undefined;
  /** The running container `kubectl exec` runs in (throws the API server's or kubelet's error). */
  execTarget(options: { pod: KubeObject; container: string | null }): ExecTarget;
  /** The network namespace `kubectl port-forward` dials into (throws likewise). */
  podNetwork(pod: KubeObject): PodNetwork;
}

/** Options of the node agents. */
export interface NodeAgentOptions {
  /**
   * Background log lines per second every running container writes on top of its app's own lines
   * (requests served, heartbeats); default 0.
   */
  logRate?: number;
  /** Bytes of log text all containers may hold together (default 512 MiB); each keeps at most 10 MiB. */
  logBudgetBytes?: number;
}

/** Starts a kubelet for every node, now and as nodes come and go. */
export function startNodeAgents(ctx: ControllerContext, options: NodeAgentOptions = {}): NodeAgents {
  const { registry, clock, recorder } = ctx;
  const logRate = Math.max(0, options.logRate ?? 0);
  const logBudget = new LogBudget(options.logBudgetBytes);
  const kubelets = new Map<string, Kubelet>();
  const networks = new Map<string, NodeNetwork>();
  const pods = ctx.informers.for('pods');
  const nodes = ctx.informers.for('nodes');

  const nodeNetwork = (node: KubeObject): NodeNetwork => {
    const name = node.metadata.name ?? '';
    const known = networks.get(name);
    if (known) return known;
    const index = networks.size;
    const spec = isPlainObject(node.spec) ? node.spec : {};
    const status = isPlainObject(node.status) ? node.status : {};
    const cidr = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(String(spec.podCIDR ?? ''));
    const addresses = Array.isArray(status.addresses) ? status.addresses.filter(isPlainObject) : [];
    const internal = addresses.find((a) => a.type === 'InternalIP')?.address;
    const network = {
      podPrefix: cidr?.[1] ?? `10.244.${index}`,
      hostIP: typeof internal === 'string' ? internal : `172.18.0.${index + 2}`,
    };
    networks.set(name, network);
    return network;
  };

  const addNode = (node: KubeObject, bound = pods.list().filter((pod) => nodeNameOf(pod) === node.metadata.name)) => {
    const name = node.metadata.name ?? '';
    if (kubelets.has(name)) return;
    const kubelet = new Kubelet(node, nodeNetwork(node), { registry, clock, recorder, logRate, logBudget });
    kubelets.set(name, kubelet);
    for (const pod of bound) kubelet.podChanged(pod);
  };

  const stopping = new AbortController();
  const onNode = (event: StoreEvent) => {
    const name = event.object.metadata.name ?? '';
    if (event.type === 'DELETED') {
      kubelets.get(name)?.shutdown();
      kubelets.delete(name);
      void collectOrphans(name);
    } else addNode(event.object);
  };

  // The pod GC controller's gcOrphaned: pods bound to a node that stays gone for the quarantine
  // period (40s) are deleted at once, since no kubelet will ever confirm their termination.
  const collecting = new Set<string>();
  async function collectOrphans(nodeName: string): Promise<void> {
    if (collecting.has(nodeName)) return;
    collecting.add(nodeName);
    await clock.delay(ORPHAN_QUARANTINE_MS, stopping.signal);
    collecting.delete(nodeName);
    if (stopping.signal.aborted || nodes.get('', nodeName)) return;
    for (const pod of pods.list().filter((p) => nodeNameOf(p) === nodeName)) {
      try {
        deleteObject(registry, { kind: PODS, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      } catch {
        // Deleted meanwhile.
      }
    }
  }

  const onPod = (event: StoreEvent) => {
    const nodeName = nodeNameOf(event.object);
    const kubelet = kubelets.get(nodeName);
    if (!kubelet) {
      // Bound to a node that does not exist: no kubelet will ever run it; the pod GC collects it.
      if (nodeName && event.type === 'ADDED' && !nodes.get('', nodeName)) void collectOrphans(nodeName);
      return;
    }
    // The kubelet acts outside the store write that told it, as a watch-fed kubelet would.
    queueMicrotask(() => (event.type === 'DELETED' ? kubelet.podRemoved(event.object) : kubelet.podChanged(event.object)));
  };

  const stopNodes = nodes.onChange(onNode);
  const stopPods = pods.onChange(onPod);
  const sorted = [...nodes.list()].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
  const byNode = new Map<string, KubeObject[]>();
  for (const pod of pods.list()) {
    const list = byNode.get(nodeNameOf(pod));
    if (list) list.push(pod);
    else byNode.set(nodeNameOf(pod), [pod]);
  }
  for (const node of sorted) addNode(node, byNode.get(node.metadata.name ?? '') ?? []);

  return {
    stop() {
      stopping.abort();
      stopNodes();
      stopPods();
      for (const kubelet of kubelets.values()) kubelet.shutdown();
      kubelets.clear();
    },

    kubelet: (nodeName) => kubelets.get(nodeName),

    execTarget: ({ pod, container }) => execTarget({ pod, container, kubelet: kubelets.get(nodeNameOf(pod)) }),

    podNetwork: (pod) => podNetwork({ pod, kubelet: kubelets.get(nodeNameOf(pod)) }),

    serveLog({ pod, query, req, res }) {
      const name = pod.metadata.name ?? '';
      const opts = parseLogOptions(query, name);
      const container = chooseContainer(pod, opts.container);
      const nodeName = nodeNameOf(pod);
      if (!nodeName) return noHostReply();
      const kubelet = kubelets.get(nodeName);
      if (!kubelet) {
        const hostIP = String((isPlainObject(pod.status) && pod.status.hostIP) || nodeName);
        throw new ApiError(500, 'InternalError', `Get "https://${hostIP}:10250/containerLogs/${pod.metadata.namespace}/${name}/${container}": dial tcp ${hostIP}:10250: connect: connection refused`);
      }
      const worker = kubelet.worker(pod.metadata.uid ?? '');
      if (!worker) throw new ApiError(404, 'NotFound', `pod "${pod.metadata.namespace}/${name}" does not exist`);
      const log = logSource(worker, name, container, opts.previous);
      return streamLog({ log, opts, req, res, podGone: worker.goneSignal });
    },

    // Authorized by the router (verb by method on pods/proxy, as the request-info resolver names it).
    async serveProxy({ pathname, query, req, res }) {
      const match = matchPodProxyPath(pathname);
      if (!match) return false;
      if (!PROXY_METHODS.has(req.method ?? 'GET')) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const target = splitSchemeNamePort(match.id);
      if (!target) throw badRequest(`invalid pod request "${match.id}"`);
      const pod = registry.get(PODS, match.namespace, target.name);
      await proxyToPod({ pod, target, path: match.path, query, kubelet: kubelets.get(nodeNameOf(pod)), req, res });
      return true;
    },
  };
}

const PROXY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

function nodeNameOf(pod: KubeObject): string {
  return isPlainObject(pod.spec) && typeof pod.spec.nodeName === 'string' ? pod.spec.nodeName : '';
}
