/**
 * One pod on one node, as the kubelet's pod worker handles it: sandbox (pod IP), init containers one
 * after another, then the app containers, each run by a `ContainerRunner`; the status written back
 * through the registry whenever something changed; and graceful termination when the pod gets a
 * deletionTimestamp: `Killing` events, SIGTERM, SIGKILL when the grace period ends, the final status,
 * then the delete with grace 0 that removes the object, as the kubelet's status manager does.
 */
import type { Clock } from '../clock';
import { deleteObject } from '../deletion';
import type { EventInput, EventRecorder } from '../events';
import { findKind, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import type { Registry } from '../registry';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import { TIMINGS } from './backoff';
import { ContainerRunner, type NodeImages, type RunnerHost } from './container-runner';
import type { LogBudget } from './log-buffer';
import { buildPodStatus } from './pod-status';

const PODS = findKind('', 'v1', 'pods') as KindSpec;

/** The node side a pod worker runs on. */
export interface WorkerNode {
  name: string;
  hostIP: string;
  /** The node's bridge address, `.1` of its pod range. */
  gatewayIP: string;
  /** Background log lines per second for every container (0: none). */
  logRate: number;
  logBudget: LogBudget;
  images: NodeImages;
  allocateIP(): string;
  /** Marks an address as in use (an adopted pod's). */
  reserveIP(ip: string): void;
  releaseIP(ip: string): void;
}

/** What a pod worker is built with. */
export interface WorkerDeps {
  registry: Registry;
  clock: Clock;
  recorder: EventRecorder;
  node: WorkerNode;
  /** Called once the pod is gone from the store and its containers are stopped. */
  onDone(uid: string): void;
}

/** Runs one pod. */
export class PodWorker {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly runners: ContainerRunner[];
  podIP?: string;
  private pod: KubeObject;
  private sandboxReady = false;
  private readonly startTime: string;
  private readonly stopping = new AbortController();
  private readonly killNow = new AbortController();
  private readonly goneController = new AbortController();
  private termination?: { startedAt: number; graceMs: number; timer?: NodeJS.Timeout };
  private terminated = false;
  private gone = false;
  private flushQueued = false;
  private readonly hostNetwork: boolean;

  constructor(
    pod: KubeObject,
    private readonly deps: WorkerDeps,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid ?? '';
    this.namespace = pod.metadata.namespace ?? '';
    this.name = pod.metadata.name ?? '';
    const spec = isPlainObject(pod.spec) ? pod.spec : {};
    const status = isPlainObject(pod.status) ? pod.status : {};
    const host = this.runnerHost(spec);
    const list = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isPlainObject) : []);
    this.runners = [
      ...list('initContainers').map((c) => new ContainerRunner(host, c, { init: true })),
      ...list('containers').map((c) => new ContainerRunner(host, c, { init: false })),
    ];
    this.hostNetwork = spec.hostNetwork === true;
    const adopted = this.adopt(status);
    this.startTime = adopted && typeof status.startTime === 'string' ? status.startTime : nowTimestamp(deps.clock.now());
    // An adopted pod's stored status is already what the kubelet would write: nothing to publish yet.
    if (!adopted) this.publish();
    void this.run();
    if (pod.metadata.deletionTimestamp) this.beginTermination();
  }

  /** The pod changed in the store. */
  update(pod: KubeObject): void {
    if (pod.metadata.uid !== this.uid) return;
    this.pod = pod;
    if (pod.metadata.deletionTimestamp) {
      this.beginTermination();
      return;
    }
    // A changed container image (the one pod spec change the API allows) replaces that container.
    const spec = isPlainObject(pod.spec) ? pod.spec : {};
    const graceMs = (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30) * 1000;
    for (const key of ['initContainers', 'containers'] as const) {
      for (const container of Array.isArray(spec[key]) ? spec[key].filter(isPlainObject) : []) {
        const runner = this.runners.find((r) => r.name === container.name && r.init === (key === 'initContainers'));
        if (runner && container.image !== runner.spec.image) runner.specChanged(container, graceMs);
      }
    }
  }

  /** The pod is gone from the store (force delete, namespace deletion): stop everything at once. */
  removed(): void {
    if (this.gone) return;
    this.gone = true;
    this.stopping.abort();
    for (const runner of this.runners) {
      if (runner.current?.running) {
        runner.terminate();
        runner.current.kill();
      }
    }
    this.cleanup();
  }

  /** The kubelet stops (cluster shutdown): containers die with it, nothing is written. */
  shutdown(): void {
    this.gone = true;
    this.stopping.abort();
    if (this.termination?.timer) clearTimeout(this.termination.timer);
    for (const runner of this.runners) {
      runner.current?.kill();
      runner.current?.log.dispose();
      runner.previous?.log.dispose();
    }
    this.goneController.abort();
  }

  /** Aborted once the pod's containers are gone for good (deleted pod, stopped kubelet). */
  get goneSignal(): AbortSignal {
    return this.goneController.signal;
  }

  /** A runner by container name. */
  runner(name: string): ContainerRunner | undefined {
    return this.runners.find((r) => r.name === name);
  }

  /**
   * Takes over a pod whose stored status shows its sandbox up and containers running (seeded pods, or
   * pods found after a kubelet restart): its IP stays reserved and running containers keep running.
   */
  private adopt(status: Record<string, unknown>): boolean {
    const podIP = typeof status.podIP === 'string' ? status.podIP : '';
    const statuses = [
      ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
      ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : []),
    ].filter(isPlainObject);
    if (!podIP || statuses.length === 0) return false;
    let any = false;
    for (const runner of this.runners) {
      const own = statuses.find((s) => s.name === runner.name);
      if (own && runner.adopt(own)) any = true;
    }
    if (!any) return false;
    this.podIP = podIP;
    if (!this.hostNetwork) this.deps.node.reserveIP(podIP);
    this.sandboxReady = true;
    return true;
  }

  private async run(): Promise<void> {
    const { clock, node } = this.deps;
    if (!this.sandboxReady) {
      await clock.delay(TIMINGS.sandbox, this.stopping.signal);
      if (this.stopping.signal.aborted) return;
      this.podIP = this.hostNetwork ? node.hostIP : node.allocateIP();
      this.sandboxReady = true;
      this.publish();
    }
    for (const runner of this.runners.filter((r) => r.init)) {
      if (runner.sidecar) {
        void runner.run();
        await runner.attempted;
        if (!runner.started) return;
        continue;
      }
      const end = await runner.run();
      if (end !== 'completed') return;
    }
    const ends: Promise<unknown>[] = [];
    for (const runner of this.runners.filter((r) => !r.init)) {
      if (this.stopping.signal.aborted) return;
      ends.push(runner.run());
      // SyncPod starts containers in order; a failed pull does not hold back the next one.
      await runner.attempted;
    }
    await Promise.all(ends);
    this.publish();
  }

  private beginTermination(): void {
    const graceMs = Math.max(0, (this.pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000);
    const { clock } = this.deps;
    if (this.termination) {
      // A second delete with a shorter grace period (`kubectl delete --now` after a plain delete).
      const elapsed = clock.timeScale > 0 ? (Date.now() - this.termination.startedAt) / clock.timeScale : Infinity;
      if (graceMs < this.termination.graceMs - elapsed) this.scheduleKill(graceMs);
      return;
    }
    this.termination = { startedAt: Date.now(), graceMs };
    this.stopping.abort();
    this.scheduleKill(graceMs);
    void this.terminate();
  }

  private scheduleKill(graceMs: number): void {
    const termination = this.termination;
    if (!termination) return;
    if (termination.timer) clearTimeout(termination.timer);
    termination.graceMs = graceMs;
    termination.timer = setTimeout(() => this.killNow.abort(), this.deps.clock.scaled(graceMs));
    termination.timer.unref?.();
  }

  private async terminate(): Promise<void> {
    for (const runner of this.runners) runner.terminate();
    const exits = () => Promise.all(this.runners.map((r) => (r.current?.running ? r.current.exited : undefined)));
    await Promise.race([exits(), new Promise((resolve) => this.killNow.signal.addEventListener('abort', resolve, { once: true }))]);
    if (this.termination?.timer) clearTimeout(this.termination.timer);
    // SIGKILL whatever is left, including a container that was being started when the delete came.
    for (const runner of this.runners) runner.current?.kill();
    await exits();
    for (const runner of this.runners) {
      const instance = runner.current;
      if (instance?.exit && !runner.state.terminated) runner.recordExit(instance, instance.exit);
    }
    if (this.gone) return;
    this.terminated = true;
    this.flush();
    try {
      deleteObject(this.deps.registry, { kind: PODS, namespace: this.namespace, name: this.name }, { gracePeriodSeconds: 0, preconditions: { uid: this.uid } });
    } catch {
      // Already gone, or replaced by a new pod of the same name: nothing of ours is left to delete.
    }
  }

  private cleanup(): void {
    if (this.termination?.timer) clearTimeout(this.termination.timer);
    if (this.podIP && !this.hostNetwork) this.deps.node.releaseIP(this.podIP);
    for (const runner of this.runners) {
      runner.current?.log.dispose();
      runner.previous?.log.dispose();
    }
    this.goneController.abort();
    this.deps.onDone(this.uid);
  }

  private runnerHost(spec: Record<string, unknown>): RunnerHost {
    const { clock, recorder, node } = this.deps;
    return {
      clock,
      pod: () => this.pod,
      event: (input: Pick<EventInput, 'reason' | 'message' | 'type'>, runner: ContainerRunner) =>
        recorder.recordEvent({ involved: this.pod, fieldPath: runner.fieldPath, ...input, source: { component: 'kubelet', host: node.name } }),
      publish: () => this.publish(),
      stopping: this.stopping.signal,
      images: node.images,
      hostname: typeof spec.hostname === 'string' && spec.hostname ? spec.hostname : this.name,
      peer: node.gatewayIP,
      logRate: node.logRate,
      logBudget: node.logBudget,
    };
  }

  /** Marks the status dirty; it is written once the current turn of the event loop is over. */
  private publish(): void {
    if (this.flushQueued || this.gone) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.gone) return;
    const { registry, clock, node } = this.deps;
    const current = registry.store.get('pods', this.namespace, this.name);
    if (!current || current.metadata.uid !== this.uid) return;
    const spec = isPlainObject(current.spec) ? current.spec : {};
    const status = buildPodStatus({
      previous: isPlainObject(current.status) ? current.status : {},
      pod: {
        restartPolicy: String(spec.restartPolicy ?? 'Always'),
        sandboxReady: this.sandboxReady,
        hostIP: node.hostIP,
        podIP: this.podIP,
        startTime: this.startTime,
        terminated: this.terminated,
      },
      containers: this.runners,
      now: clock.now(),
    });
    if (jsonEqual(status, current.status)) return;
    registry.replaceRaw(PODS, { ...current, status });
  }
}
