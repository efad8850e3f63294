/**
 * The kubelet image manager's EnsureImageExists for one container, with its events and its pull
 * back-off: present images under `IfNotPresent` are used as they are; `Never` without the image waits
 * in ErrImageNeverPull; a failed pull shows ErrImagePull, then ImagePullBackOff until the back-off
 * (10s doubling to 5m) lets the next pull try. Pulls on one node run one at a time.
 */
import type { Clock } from '../clock';
import { clusterSince, nextBackoff, TIMINGS, toClusterMs, type Backoff } from './backoff';
import type { NodeImages } from './container-runner';
import { goDuration, pullNotFoundError, type RegistryImage } from './images';

/** What one container's pull needs and tells. */
export interface PullStep {
  /** The image as the spec writes it: what the messages quote. */
  specImage: string;
  image: RegistryImage;
  policy: string;
  images: NodeImages;
  clock: Clock;
  stopping: AbortSignal;
  /** The pull back-off so far (kept by the caller per pod and image, as the kubelet keys it). */
  backoff: Backoff | undefined;
  event(reason: string, message: string, type?: 'Normal' | 'Warning'): void;
  /** Puts the container in a waiting state with this reason and message. */
  waiting(reason: string, message: string): void;
  /** A pull failed; this is the back-off to keep. */
  failed(backoff: Backoff): void;
  /** The image is there: status.image and imageID can name it. */
  pulled(): void;
}

/** Resolves true once the image is on the node, false if the pod started terminating. */
export async function ensureImage(step: PullStep): Promise<boolean> {
  const { image, specImage, clock, stopping } = step;
  const wait = (ms: number) => clock.delay(Math.max(0, ms), stopping);
  let backoff = step.backoff;
  while (!stopping.aborted) {
    const present = step.images.present.has(image.ref.full);
    if (step.policy !== 'Always' && present) {
      step.event('Pulled', `Container image "${specImage}" already present on machine`);
      step.pulled();
      return true;
    }
    if (step.policy === 'Never') {
      const message = `Container image "${specImage}" is not present with pull policy of Never`;
      step.event('ErrImageNeverPull', message, 'Warning');
      step.event('Failed', 'Error: ErrImageNeverPull', 'Warning');
      step.waiting('ErrImageNeverPull', message);
      await wait(TIMINGS.resync);
      continue;
    }
    if (backoff && clusterSince(clock, backoff.updated) < backoff.duration) {
      const message = `Back-off pulling image "${specImage}"`;
      step.event('BackOff', message);
      step.event('Failed', 'Error: ImagePullBackOff', 'Warning');
      step.waiting('ImagePullBackOff', message);
      await wait(Math.min(backoff.duration - clusterSince(clock, backoff.updated), TIMINGS.resync));
      continue;
    }
    step.event('Pulling', `Pulling image "${specImage}"`);
    // Layers already on the node make a re-pull (policy Always) quicker.
    const pullMs = (present ? TIMINGS.cachedPull : TIMINGS.firstPull) + Math.floor(Math.random() * 200);
    const queued = await step.images.enqueue(() => wait(pullMs));
    if (stopping.aborted) return false;
    if (!image.exists) {
      const error = pullNotFoundError(image);
      step.event('Failed', `Failed to pull image "${specImage}": ${error}`, 'Warning');
      step.event('Failed', 'Error: ErrImagePull', 'Warning');
      backoff = nextBackoff(backoff, false);
      step.failed(backoff);
      step.waiting('ErrImagePull', error);
      await wait(TIMINGS.pullErrorShown);
      continue;
    }
    step.images.present.add(image.ref.full);
    const total = pullMs + toClusterMs(clock, queued);
    step.event('Pulled', `Successfully pulled image "${specImage}" in ${goDuration(pullMs)} (${goDuration(total)} including waiting). Image size: ${image.sizeBytes} bytes.`);
    step.pulled();
    return true;
  }
  return false;
}
