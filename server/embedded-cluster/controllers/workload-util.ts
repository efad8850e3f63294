/**
 * Helpers the workload controllers share: controller references, pod readiness and availability
 * (k8s.io/kubernetes/pkg/api/v1/pod and controller_utils), label selectors of workload specs, and the
 * pod-template-hash.
 */
import { fromLabelSelectorObject, matchesLabels, type LabelSelectorObject } from '@/lib/k8s/label-selector';
import { isPlainObject, type KubeObject, type OwnerReference } from '../types';

type Obj = Record<string, unknown>;

/** `obj.spec` as an object (empty when missing). */
export function specOf(obj: KubeObject): Obj {
  return isPlainObject(obj.spec) ? obj.spec : {};
}

/** `obj.status` as an object (empty when missing). */
export function statusOf(obj: KubeObject): Obj {
  return isPlainObject(obj.status) ? obj.status : {};
}

/** A numeric field of a spec, or the fallback. */
export function numberAt(parent: Obj, key: string, fallback = 0): number {
  const value = parent[key];
  return typeof value === 'number' ? value : fallback;
}

/** The owner reference marked `controller: true` (metav1.GetControllerOf). */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((ref) => ref.controller === true);
}

/** The reference a controller puts on what it creates (metav1.NewControllerRef). */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * The spec.selector of a workload as a matcher. An empty or invalid selector matches nothing: the
 * ReplicaSet controller refuses to act on one ("a selector with no requirements selects nothing" for
 * controllers, unlike list filters).
 */
export function workloadSelector(obj: KubeObject): (labels: Record<string, string> | undefined) => boolean {
  const raw = specOf(obj).selector;
  const parsed = fromLabelSelectorObject(isPlainObject(raw) ? (raw as LabelSelectorObject) : undefined);
  if (!parsed.ok || parsed.matchesNothing || parsed.selector.length === 0) return () => false;
  return (labels) => matchesLabels(parsed.selector, labels);
}

/** A pod counts toward replicas unless it finished or is being deleted (controller.IsPodActive). */
export function isPodActive(pod: KubeObject): boolean {
  const phase = statusOf(pod).phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The pod's Ready condition, if any. */
export function readyCondition(pod: KubeObject): Obj | undefined {
  const conditions = statusOf(pod).conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find((c): c is Obj => isPlainObject(c) && c.type === 'Ready');
}

/** podutil.IsPodReady. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready, and ready for at least minReadySeconds. Returns the real ms until it
 * becomes available when it is ready but not yet long enough, so the caller can requeue.
 */
export function podAvailability(pod: KubeObject, minReadySeconds: number, now: Date): { available: boolean; afterMs?: number } {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return { available: false };
  if (minReadySeconds <= 0) return { available: true };
  const since = typeof ready.lastTransitionTime === 'string' ? Date.parse(ready.lastTransitionTime) : NaN;
  if (Number.isNaN(since)) return { available: true };
  const remaining = since + minReadySeconds * 1000 - now.getTime();
  return remaining <= 0 ? { available: true } : { available: false, afterMs: remaining };
}

// k8s.io/apimachinery/pkg/util/rand alphanums: SafeEncodeString maps every byte onto these.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The pod-template-hash label value (controller.ComputeHash): FNV-32a over the template (and the
 * collision count when set), printed in decimal and passed through rand.SafeEncodeString, which is
 * why real hashes use only the characters `4-9bcdf`. The real hash runs over Go's printed struct; this
 * one runs over canonical JSON, so values differ from a real cluster's but have the same shape.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (const byte of Buffer.from(text, 'utf8')) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  feed(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount > 0) feed(String(collisionCount));
  return [...String(hash >>> 0)].map((ch) => ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length]).join('');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
