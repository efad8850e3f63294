/**
 * The event recorder every control loop reports through: core/v1 Events shaped as client-go's legacy
 * `record.EventRecorder` writes them (what the kubelet and the controllers use), including its
 * EventCorrelator dedup: an event identical to one already recorded (same source, involved object,
 * type, reason and message) is not created again but bumps `count` and `lastTimestamp` of the first.
 */
import type { Clock } from './clock';
import { findKind, type KindSpec } from './kinds';
import type { Registry } from './registry';
import { isPlainObject, type KubeObject } from './types';

/** core/v1 ObjectReference, as events carry it in `involvedObject`. */
export interface ObjectReference {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  /** Which part of the object, e.g. `spec.containers{kubia}` for a container's events. */
  fieldPath?: string;
}

/** core/v1 EventSource: the component (`kubelet`, `default-scheduler`) and, for kubelets, its node. */
export interface EventSource {
  component: string;
  host?: string;
}

/** What to record. */
export interface EventInput {
  /** The object the event is about, or a reference to it. */
  involved: KubeObject | ObjectReference;
  /** Overrides the reference's fieldPath (kubelet container events). */
  fieldPath?: string;
  /** UpperCamelCase, e.g. `Scheduled`, `Pulling`, `BackOff`. */
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  source: EventSource;
}

/** Records events; never throws (a lost event must not break the loop that reported it). */
export interface EventRecorder {
  /** Creates or bumps the Event; returns it as stored, or undefined if it could not be written. */
  recordEvent(input: EventInput): KubeObject | undefined;
}

// client-go's eventLogger keeps an LRU of this many keys (maxLruCacheEntries).
const MAX_REMEMBERED = 4096;

// kube-apiserver's --event-ttl default: an event is gone an hour after it was last written.
const EVENT_TTL_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * A recorder writing through `registry` (same validation and watches as API clients get). It also
 * expires events an hour after their last write, as the API server's event TTL does; the sweep runs
 * at most once a minute, when something records.
 */
export function createEventRecorder(options: { registry: Registry; clock: Clock; ttlMs?: number }): EventRecorder {
  const { registry, clock } = options;
  const ttlMs = options.ttlMs ?? EVENT_TTL_MS;
  let lastSweep = clock.now().getTime();
  const sweep = (now: number) => {
    if (now - lastSweep < Math.min(SWEEP_EVERY_MS, ttlMs)) return;
    lastSweep = now;
    for (const event of registry.store.list('events')) {
      if (now - lastWritten(event) > ttlMs) registry.store.remove('events', event.metadata.namespace ?? '', event.metadata.name ?? '');
    }
  };
  const events = findKind('', 'v1', 'events') as KindSpec;
  // dedup key -> the stored event's namespace and name (Map iteration order doubles as LRU order).
  const seen = new Map<string, { namespace: string; name: string }>();

  function remember(key: string, where: { namespace: string; name: string }): void {
    seen.delete(key);
    seen.set(key, where);
    if (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value as string);
  }

  return {
    recordEvent(input) {
      const involved = referenceOf(input.involved, input.fieldPath);
      const type = input.type ?? 'Normal';
      const key = eventKey(involved, input, type);
      sweep(clock.now().getTime());
      const now = timestamp(clock.now());
      // Events about cluster-scoped objects (nodes) live in `default`, as the recorder puts them.
      const namespace = involved.namespace || 'default';
      try {
        const previous = seen.get(key);
        const existing = previous && registry.store.get('events', previous.namespace, previous.name);
        if (previous && existing) {
          const count = (typeof existing.count === 'number' ? existing.count : 1) + 1;
          const bumped = registry.replaceRaw(events, { ...existing, count, lastTimestamp: now });
          remember(key, previous);
          return bumped;
        }
        const created = registry.create(events, namespace, {
          metadata: { name: eventName(involved.name, clock.now()), namespace },
          involvedObject: involved,
          reason: input.reason,
          message: input.message,
          source: { component: input.source.component, ...(input.source.host ? { host: input.source.host } : {}) },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: input.source.component,
          reportingInstance: input.source.host ?? '',
        });
        remember(key, { namespace, name: created.metadata.name ?? '' });
        return created;
      } catch {
        // e.g. the namespace is being deleted: the real recorder logs and drops the event too.
        return undefined;
      }
    },
  };
}

/** An ObjectReference for an object (apiVersion, kind, namespace, name, uid, resourceVersion). */
export function referenceOf(involved: KubeObject | ObjectReference, fieldPath?: string): ObjectReference {
  let ref: ObjectReference;
  if ('metadata' in involved && isPlainObject(involved.metadata)) {
    const obj = involved as KubeObject;
    ref = {
      kind: obj.kind ?? '',
      apiVersion: obj.apiVersion ?? '',
      name: obj.metadata.name ?? '',
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}),
      ...(obj.metadata.resourceVersion ? { resourceVersion: obj.metadata.resourceVersion } : {}),
    };
  } else {
    ref = { ...(involved as ObjectReference) };
  }
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

// EventCorrelator's getEventKey: everything that makes two events "the same" except time.
function eventKey(ref: ObjectReference, input: EventInput, type: string): string {
  return JSON.stringify([
    input.source.component,
    input.source.host ?? '',
    ref.kind,
    ref.namespace ?? '',
    ref.name,
    ref.fieldPath ?? '',
    ref.uid ?? '',
    ref.apiVersion,
    type,
    input.reason,
    input.message,
  ]);
}

/**
 * `<involved name>.<unix nanoseconds in hex>`, as the recorder names events. The clock has
 * milliseconds only, so the nanoseconds below are a counter: names stay unique and in recording order.
 */
let lastNanos = 0n;
function eventName(involvedName: string, at: Date): string {
  let nanos = BigInt(at.getTime()) * 1_000_000n;
  if (nanos <= lastNanos) nanos = lastNanos + 1n;
  lastNanos = nanos;
  return `${involvedName}.${nanos.toString(16)}`;
}

// When an event was last written: its newest timestamp of any kind.
function lastWritten(event: KubeObject): number {
  const series = isPlainObject(event.series) ? event.series.lastObservedTime : undefined;
  const times = [event.lastTimestamp, event.eventTime, series, event.firstTimestamp, event.metadata.creationTimestamp];
  return Math.max(0, ...times.filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t)));
}

function timestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
