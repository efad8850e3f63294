/**
 * What a pod asks a node for, as component-helpers `resource.PodRequests` computes it and the
 * scheduler's `framework.Resource` stores it: app containers and sidecars run together, so they add
 * up; each classic init container runs alone beside the sidecars started before it, so the pod needs
 * the largest of those moments; `spec.overhead` (RuntimeClass) comes on top.
 */

import { resourceAmount, tryParseQuantity } from '@/lib/k8s/quantity';
import type { Pod, ResourceList } from '@/lib/k8s/types';

/** Resource name -> amount: milli-cpu for `cpu`, whole units (bytes, count) for everything else. */
export type ResourceAmounts = Record<string, number>;

// Quantity strings repeat across a cluster's pods ("100m", "128Mi"): each distinct one is parsed once.
const amounts = new Map<string, number | null>();
const MAX_REMEMBERED_AMOUNTS = 10_000;

function amountOf(name: string, text: string): number | undefined {
  const key = `${name}\u0000${text}`;
  let amount = amounts.get(key);
  if (amount === undefined) {
    const parsed = tryParseQuantity(text);
    // The API server rejects malformed quantities, so one here can only come from a hand-built object.
    amount = parsed ? resourceAmount(name, parsed) : null;
    if (amounts.size >= MAX_REMEMBERED_AMOUNTS) amounts.clear();
    amounts.set(key, amount);
  }
  return amount ?? undefined;
}

function toAmounts(list: ResourceList | undefined): ResourceAmounts {
  const result: ResourceAmounts = {};
  for (const [name, text] of Object.entries(list ?? {})) {
    const amount = amountOf(name, text);
    if (amount !== undefined) result[name] = amount;
  }
  return result;
}

/** Adds `source` into `target`, resource by resource. */
export function addInto(target: ResourceAmounts, source: ResourceAmounts): void {
  for (const name in source) target[name] = (target[name] ?? 0) + source[name];
}

function maxInto(target: ResourceAmounts, source: ResourceAmounts): void {
  for (const [name, amount] of Object.entries(source)) target[name] = Math.max(target[name] ?? 0, amount);
}

/**
 * What the scoring plugins assume a container asks for when it leaves cpu or memory out
 * (schedutil.DefaultMilliCPURequest, DefaultMemoryRequest), so that many request-less pods do not
 * all look free and land on one node.
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
const NON_MISSING: ResourceAmounts = { cpu: DEFAULT_MILLI_CPU_REQUEST, memory: DEFAULT_MEMORY_REQUEST };

// Wire objects are replaced, never edited, when a pod changes (watch caches, query caches), so the
// result can be remembered per object: scheduling one pod onto a node of 100 pods sums theirs again.
// One entry per pod for both sums: entries of a large WeakMap cost the garbage collector dearly.
const remembered = new WeakMap<Pod, { requests: ResourceAmounts; nonZero: ResourceAmounts }>();

function podResources(pod: Pod): { requests: ResourceAmounts; nonZero: ResourceAmounts } {
  let known = remembered.get(pod);
  if (!known) {
    known = { requests: computePodRequests(pod), nonZero: computePodRequests(pod, NON_MISSING) };
    remembered.set(pod, known);
  }
  return known;
}

/**
 * The pod's effective requests (KEP-753 formula for sidecars), overhead included. Results are cached
 * per pod object: treat the returned amounts as read-only and do not edit a pod after asking.
 */
export function podRequests(pod: Pod): ResourceAmounts {
  return podResources(pod).requests;
}

/**
 * The requests NodeResourcesFit scores with (`NonZeroRequested`): as `podRequests`, but every
 * container, init containers included, that leaves out cpu or memory counts the defaults above
 * (resourcehelper's NonMissingContainerRequests: an explicit `0` stays 0). Cached like `podRequests`.
 */
export function podNonZeroRequests(pod: Pod): ResourceAmounts {
  return podResources(pod).nonZero;
}

function containerRequests(requests: ResourceList | undefined, nonMissing: ResourceAmounts | undefined): ResourceAmounts {
  const amounts = toAmounts(requests);
  for (const [name, amount] of Object.entries(nonMissing ?? {})) if (!(name in (requests ?? {}))) amounts[name] = amount;
  return amounts;
}

function computePodRequests(pod: Pod, nonMissing?: ResourceAmounts): ResourceAmounts {
  const spec = pod.spec ?? {};
  const total: ResourceAmounts = {};
  for (const container of spec.containers ?? []) addInto(total, containerRequests(container.resources?.requests, nonMissing));

  const sidecars: ResourceAmounts = {};
  const initPeak: ResourceAmounts = {};
  for (const container of spec.initContainers ?? []) {
    const requests = containerRequests(container.resources?.requests, nonMissing);
    if (container.restartPolicy === 'Always') {
      // A sidecar keeps running next to the app containers and every later init container.
      addInto(total, requests);
      addInto(sidecars, requests);
      maxInto(initPeak, sidecars);
    } else {
      const moment = { ...requests };
      addInto(moment, sidecars);
      maxInto(initPeak, moment);
    }
  }
  maxInto(total, initPeak);
  addInto(total, toAmounts(spec.overhead));
  return total;
}

/** A node's `status.allocatable` as amounts. */
export function nodeAllocatable(allocatable: ResourceList | undefined): ResourceAmounts {
  return toAmounts(allocatable);
}

/**
 * Whether the scheduler accounts for a resource name beyond cpu, memory and ephemeral-storage
 * (`schedutil.IsScalarResourceName`): extended (`example.com/foo`) and prefixed native
 * (`kubernetes.io/...`) names, hugepages and attachable volumes. Other bare names are ignored.
 */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}
