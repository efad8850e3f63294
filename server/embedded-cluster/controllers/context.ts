import type { Clock } from '../clock';
import type { EventRecorder } from '../events';
import type { Registry } from '../registry';
import type { SharedInformers } from './controller-loop';

/** What every in-process controller is started with (kube-controller-manager's ControllerContext). */
export interface ControllerContext {
  /** Writes go through the registry, so they follow the API's rules and reach watchers. */
  registry: Registry;
  /** Reads come from the shared caches. */
  informers: SharedInformers;
  recorder: EventRecorder;
  clock: Clock;
}

/** A started controller. */
export interface RunningController {
  stop(): void;
}
