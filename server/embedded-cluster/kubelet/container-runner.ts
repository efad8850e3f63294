/**
 * One container of a pod through its life, as the kubelet's SyncPod and image manager take it:
 * pull (with the pull back-off: ErrImagePull, then ImagePullBackOff), create, start, wait for exit,
 * then restart per `restartPolicy` with the crash back-off (CrashLoopBackOff: 10s doubling to 5m,
 * reset after a run of 10 minutes). Every step records the kubelet's events with its wording.
 */
import type { Clock } from '../clock';
import type { EventInput } from '../events';
import { isPlainObject, type KubeObject } from '../types';
import { BACKOFF_MAX, clusterSince, nextBackoff, TIMINGS, type Backoff } from './backoff';
import { ensureImage } from './image-pull';
import { goDuration, imageId, lookupImage, type RegistryImage } from './images';
import { runningState, statusVolumeMounts, terminatedState, waitingState, type ContainerState, type ContainerView } from './pod-status';
import type { LogBudget } from './log-buffer';
import { ContainerInstance, type ContainerExit } from './runtime';

/** What a container runner needs from its pod worker. */
export interface RunnerHost {
  clock: Clock;
  /** The pod as last seen. */
  pod(): KubeObject;
  /** Records a kubelet event about this container (fieldPath `spec.containers{name}`). */
  event(input: Pick<EventInput, 'reason' | 'message' | 'type'>, runner: ContainerRunner): void;
  /** Marks the pod status dirty. */
  publish(): void;
  /** Aborted when the pod starts terminating: no new container starts after that. */
  stopping: AbortSignal;
  /** The node's image store and serialized puller. */
  images: NodeImages;
  /** The containers' hostname: the pod's name, or spec.hostname. */
  hostname: string;
  /** The node's bridge address (where background traffic comes from). */
  peer: string;
  /** Background log lines per second every container writes (the cluster's `logRate`). */
  logRate: number;
  /** The cluster-wide budget of log text. */
  logBudget: LogBudget;
}

/** The images a node has, and its one-at-a-time puller (serializeImagePulls, the default). */
export interface NodeImages {
  present: Set<string>;
  /** Runs pulls one after another; resolves with how long the pull waited in the queue (real ms). */
  enqueue(pull: () => Promise<void>): Promise<number>;
}

/** The outcome of a runner's loop. */
export type RunnerEnd = 'completed' | 'failed' | 'stopped';

/** Runs one container of a pod. */
export class ContainerRunner implements ContainerView {
  readonly name: string;
  readonly init: boolean;
  readonly sidecar: boolean;
  state: ContainerState = waitingState('ContainerCreating');
  lastState: ContainerState = {};
  ready = false;
  started = false;
  restartCount = 0;
  image: string;
  imageID = '';
  /** The image as the spec names it: what the kubelet's messages quote. */
  private specImage: string;
  containerID?: string;
  readonly volumeMounts: Record<string, unknown>[];
  /** The running (or last) instance, and the one before it (`kubectl logs --previous`). */
  current?: ContainerInstance;
  previous?: ContainerInstance;
  private registryImage: RegistryImage;
  /** Set while the container is being replaced because its spec changed (restart regardless of policy). */
  private replacing = false;
  private crashBackoff?: Backoff;
  private pullBackoff?: Backoff;
  private lastExit?: ContainerExit;
  private adopted?: ContainerInstance;
  private adoptedCompleted = false;
  private firstAttempt!: () => void;
  /** Resolves after the first start attempt (started, or failed to pull): the next container may go. */
  readonly attempted = new Promise<void>((resolve) => (this.firstAttempt = resolve));

  constructor(
    private readonly host: RunnerHost,
    public spec: Record<string, unknown>,
    kind: { init: boolean },
  ) {
    this.name = String(spec.name ?? '');
    this.init = kind.init;
    this.sidecar = kind.init && spec.restartPolicy === 'Always';
    this.specImage = String(spec.image ?? '');
    this.image = this.specImage;
    this.registryImage = lookupImage(this.specImage);
    this.volumeMounts = statusVolumeMounts(spec.volumeMounts);
  }

  /** `spec.containers{kubia}` / `spec.initContainers{init}`: where this container's events point. */
  get fieldPath(): string {
    return `spec.${this.init ? 'initContainers' : 'containers'}{${this.name}}`;
  }

  /** The instance whose ID is `containerID` (current or previous). */
  instance(containerID: string | undefined): ContainerInstance | undefined {
    return [this.current, this.previous].find((i) => i && i.id === containerID);
  }

  /**
   * Runs until the container will not run again: `completed` (init container succeeded, or an app
   * container ended under a policy that does not restart it), `failed` (an init container failed
   * under `restartPolicy: Never`), or `stopped` (the pod is terminating).
   */
  async run(): Promise<RunnerEnd> {
    try {
      return await this.loop();
    } finally {
      this.firstAttempt();
    }
  }

  /**
   * Takes over a container a stored status says is running (a seeded pod, or one the kubelet finds
   * after a restart): same ID, start time, restart count and image, no pull and no events. An init
   * container that already completed stays completed. Returns false if there is nothing to adopt.
   */
  adopt(status: Record<string, unknown>): boolean {
    const state = isPlainObject(status.state) ? status.state : {};
    const running = isPlainObject(state.running) ? state.running : undefined;
    const terminated = isPlainObject(state.terminated) ? state.terminated : undefined;
    const completedInit = this.init && !this.sidecar && terminated?.exitCode === 0;
    if (!running && !completedInit) return false;
    this.state = state;
    this.lastState = isPlainObject(status.lastState) ? status.lastState : {};
    this.restartCount = typeof status.restartCount === 'number' ? status.restartCount : 0;
    this.pulled();
    this.host.images.present.add(this.registryImage.ref.full);
    if (completedInit) {
      this.adoptedCompleted = true;
      return true;
    }
    const id = typeof status.containerID === 'string' && status.containerID ? status.containerID : undefined;
    const startedAt = new Date(String(running?.startedAt ?? ''));
    this.adopted = this.createInstance(id ? { id, startedAt: Number.isNaN(startedAt.getTime()) ? this.host.clock.now() : startedAt } : undefined);
    this.started = true;
    this.ready = !this.init || this.sidecar;
    return true;
  }

  private async loop(): Promise<RunnerEnd> {
    const { host } = this;
    if (this.adoptedCompleted) return 'completed';
    while (!host.stopping.aborted) {
      const adopted = this.adopted;
      this.adopted = undefined;
      const instance = adopted ?? (await this.startContainer());
      if (!instance) return 'stopped';
      this.firstAttempt();
      const exit = await exitOrAbort(instance, host.stopping);
      if (!exit) return 'stopped';
      this.recordExit(instance, exit);
      host.publish();
      const replaced = this.replacing;
      this.replacing = false;
      if (!replaced && !this.shouldRestart(exit.exitCode)) return this.init && !this.sidecar && exit.exitCode !== 0 ? 'failed' : 'completed';
      if (replaced) continue;
      await this.wait(TIMINGS.relist);
    }
    return 'stopped';
  }

  /** Back-off, pull, create and start; undefined when the pod started terminating meanwhile. */
  private async startContainer(): Promise<ContainerInstance | undefined> {
    const { host } = this;
    if (this.lastExit && !(await this.waitCrashBackoff())) return undefined;
    if (!(await this.ensureImage())) return undefined;
    await this.wait(TIMINGS.create);
    if (host.stopping.aborted) return undefined;
    const instance = this.createInstance();
    this.event('Created', `Created container ${this.name}`);
    await this.wait(TIMINGS.start);
    // Deleted while starting: the pod worker's termination stops this instance.
    if (host.stopping.aborted) return undefined;
    this.event('Started', `Started container ${this.name}`);
    this.state = runningState(instance.startedAt);
    this.started = true;
    // No readiness probe is modelled: a started container is ready (sidecars and app containers).
    this.ready = !this.init || this.sidecar;
    host.publish();
    return instance;
  }

  /**
   * The pod's spec for this container changed (only `image` may change on a pod): as computePodActions
   * does, the running container is killed (`Container kubia definition changed, will be restarted`),
   * SIGKILLed after the grace period, and started again at once with the new image.
   */
  specChanged(spec: Record<string, unknown>, graceMs: number): void {
    const image = String(spec.image ?? '');
    this.spec = spec;
    if (image === this.specImage) return;
    this.specImage = image;
    this.registryImage = lookupImage(image);
    this.pullBackoff = undefined;
    const instance = this.current;
    if (!instance?.running || this.replacing) {
      // Not running (waiting to pull, backing off): the next attempt uses the new image.
      if (!this.started) this.image = image;
      return;
    }
    this.replacing = true;
    this.event('Killing', `Container ${this.name} definition changed, will be restarted`);
    instance.terminate();
    const timer = setTimeout(() => instance.kill(), this.host.clock.scaled(graceMs));
    timer.unref?.();
    void instance.exited.then(() => clearTimeout(timer));
  }

  /** Stops the container for pod termination: SIGTERM now; `kill()` later if it has not exited. */
  terminate(): boolean {
    if (!this.current?.running) return false;
    this.event('Killing', `Stopping container ${this.name}`);
    this.current.terminate();
    return true;
  }

  /** The terminated state after a stop, once the instance has exited. */
  recordExit(instance: ContainerInstance, exit: ContainerExit): void {
    this.lastExit = exit;
    this.state = terminatedState({ ...exit, startedAt: instance.startedAt, containerID: instance.id });
    this.ready = false;
    this.started = false;
  }

  private createInstance(adopted?: { id: string; startedAt: Date }): ContainerInstance {
    const env: Record<string, string> = {};
    for (const entry of Array.isArray(this.spec.env) ? this.spec.env.filter(isPlainObject) : []) {
      if (typeof entry.name === 'string' && typeof entry.value === 'string') env[entry.name] = entry.value;
    }
    const instance = new ContainerInstance({
      repository: this.registryImage.ref.repository,
      env,
      hostname: this.host.hostname,
      clock: this.host.clock,
      init: this.init && !this.sidecar,
      adopted,
      peer: this.host.peer,
      logRate: this.host.logRate,
      logBudget: this.host.logBudget,
    });
    if (this.current) {
      // A restart: the exited instance becomes lastState (and `--previous` logs); the one before goes.
      this.previous?.log.dispose();
      this.previous = this.current;
      this.lastState = this.state.terminated ? this.state : this.lastState;
      this.restartCount++;
    }
    this.current = instance;
    this.containerID = instance.id;
    return instance;
  }

  private shouldRestart(exitCode: number): boolean {
    if (this.sidecar) return true;
    const policy = String((this.host.pod().spec as Record<string, unknown> | undefined)?.restartPolicy ?? 'Always');
    // Init containers restart only after failing, and never under restartPolicy Never.
    if (this.init) return exitCode !== 0 && policy !== 'Never';
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /** kuberuntime doBackOff: wait out the crash back-off, showing CrashLoopBackOff; false if stopping. */
  private async waitCrashBackoff(): Promise<boolean> {
    const { host } = this;
    const exit = this.lastExit as ContainerExit;
    const entry = this.crashBackoff;
    const expired = entry && this.clusterSince(entry.updated) > 2 * BACKOFF_MAX;
    if (entry && !expired) {
      const pod = host.pod();
      const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      while (!host.stopping.aborted && this.clusterSince(exit.finishedAt.getTime()) < entry.duration) {
        this.lastState = this.state.terminated ? this.state : this.lastState;
        this.state = waitingState('CrashLoopBackOff', `back-off ${goDuration(entry.duration)} restarting failed container=${this.name} pod=${podRef}`);
        this.event('BackOff', `Back-off restarting failed container ${this.name} in pod ${podRef}`, 'Warning');
        host.publish();
        const left = entry.duration - this.clusterSince(exit.finishedAt.getTime());
        await this.wait(Math.min(left, TIMINGS.resync));
      }
      if (host.stopping.aborted) return false;
    }
    this.crashBackoff = nextBackoff(entry, expired);
    return true;
  }

  /** EnsureImageExists with the pull back-off; false if the pod started terminating meanwhile. */
  private ensureImage(): Promise<boolean> {
    return ensureImage({
      specImage: this.specImage,
      image: this.registryImage,
      policy: String(this.spec.imagePullPolicy ?? 'IfNotPresent'),
      images: this.host.images,
      clock: this.host.clock,
      stopping: this.host.stopping,
      backoff: this.pullBackoff,
      event: (reason, message, type) => this.event(reason, message, type),
      waiting: (reason, message) => this.setWaiting(reason, message),
      failed: (backoff) => {
        this.pullBackoff = backoff;
        // The next container may start: a failed pull does not hold the pod's other containers back.
        this.firstAttempt();
      },
      pulled: () => this.pulled(),
    });
  }

  private pulled(): void {
    this.image = this.registryImage.ref.full;
    this.imageID = imageId(this.registryImage);
  }

  private setWaiting(reason: string, message: string): void {
    if (this.state.terminated) this.lastState = this.state;
    this.state = waitingState(reason, message);
    this.host.publish();
  }

  private event(reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    this.host.event({ reason, message, type }, this);
  }

  private wait(clusterMs: number): Promise<void> {
    return this.host.clock.delay(Math.max(0, clusterMs), this.host.stopping);
  }

  private clusterSince(realMs: number): number {
    return clusterSince(this.host.clock, realMs);
  }
}

/** The instance's exit, or undefined as soon as `signal` aborts (the listener does not outlive the wait). */
function exitOrAbort(instance: ContainerInstance, signal: AbortSignal): Promise<ContainerExit | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    void instance.exited.then((exit) => {
      signal.removeEventListener('abort', onAbort);
      resolve(exit);
    });
  });
}
