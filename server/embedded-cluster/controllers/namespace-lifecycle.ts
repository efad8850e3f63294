/**
 * The namespace controller (pkg/controller/namespace/deletion): for a Terminating namespace that still
 * has the `kubernetes` finalizer, delete every namespaced object in it, report progress in the
 * namespace's status conditions, and once nothing is left remove the finalizer, which removes the
 * namespace. `deletion.ts` turns the namespace Terminating; `registry.ts` refuses new content.
 */
import { deleteObject } from '../deletion';
import { KINDS, findKind, resourceKey, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import { ApiError } from '../status';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import type { ControllerContext, RunningController } from './context';
import { startControllerLoop } from './controller-loop';

const NAMESPACES = findKind('', 'v1', 'namespaces') as KindSpec;
const NAMESPACED = KINDS.filter((k) => k.namespaced);
const FINALIZER = 'kubernetes';
// While content remains (graceful pods), look again after this long even without a change.
const RECHECK_MS = 1000;

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/** What remains in a Terminating namespace: instances per `resource.group`, and per finalizer. */
export interface RemainingContent {
  byResource: Map<string, number>;
  byFinalizer: Map<string, number>;
}

/** Starts the namespace controller. */
export function startNamespaceController(ctx: ControllerContext): RunningController {
  const namespaces = ctx.informers.for('namespaces');
  const loop = startControllerLoop({ name: 'namespace-controller', sync: (name) => sync(name) });
  const isTerminating = (name: string) => Boolean(namespaces.get('', name)?.metadata.deletionTimestamp);
  const stops = [
    namespaces.onChange((event) => {
      if (event.type !== 'DELETED' && event.object.metadata.deletionTimestamp) loop.enqueue(event.object.metadata.name ?? '');
    }),
    // Content leaving a Terminating namespace may be the last of it.
    ...NAMESPACED.map((kind) =>
      ctx.informers.for(resourceKey(kind)).onChange((event) => {
        const namespace = event.object.metadata.namespace ?? '';
        if (event.type === 'DELETED' && isTerminating(namespace)) loop.enqueue(namespace);
      }),
    ),
  ];
  for (const ns of namespaces.list()) if (ns.metadata.deletionTimestamp) loop.enqueue(ns.metadata.name ?? '');
  // When this controller first saw each namespace Terminating, to the millisecond: deletionTimestamp
  // has whole seconds only, too coarse for grace periods scaled down in test mode.
  const terminatingSince = new Map<string, number>();

  function sync(name: string): void {
    const ns = namespaces.get('', name);
    if (!ns?.metadata.deletionTimestamp || !specFinalizers(ns).includes(FINALIZER)) return;
    if (!terminatingSince.has(name)) terminatingSince.set(name, Date.now());
    const failures = deleteAllContent(name);
    const remaining = remainingContent(name, terminatingSince.get(name) ?? Date.now());
    failures.push(...remaining.unexpected);
    writeConditions(ns, conditionsFor(remaining, failures));
    if (remaining.total === 0 && failures.length === 0) {
      terminatingSince.delete(name);
      finalize(name);
      return;
    }
    loop.enqueueAfter(name, ctx.clock.scaled(RECHECK_MS));
  }

  /** deleteAllContent: every object not already being deleted gets a DELETE (Background propagation). */
  function deleteAllContent(namespace: string): string[] {
    const failures: string[] = [];
    for (const kind of NAMESPACED) {
      for (const obj of ctx.informers.for(resourceKey(kind)).list(namespace)) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          deleteObject(ctx.registry, { kind, namespace, name: obj.metadata.name ?? '' }, { propagationPolicy: 'Background' });
        } catch (err) {
          if (err instanceof ApiError && err.code === 404) continue;
          failures.push(err instanceof Error ? err.message : String(err));
        }
      }
    }
    return failures;
  }

  /**
   * What is left after the deletes, counted per resource and per finalizer as
   * deleteAllContentForGroupVersionResource does. Objects that remain with no finalizer and no grace
   * period still to run are `unexpected`: the real controller reports them as a content failure.
   */
  function remainingContent(namespace: string, since: number): RemainingContent & { total: number; unexpected: string[] } {
    const byResource = new Map<string, number>();
    const byFinalizer = new Map<string, number>();
    const unexpected: string[] = [];
    let total = 0;
    for (const kind of NAMESPACED) {
      const objects = ctx.informers.for(resourceKey(kind)).list(namespace);
      if (objects.length === 0) continue;
      total += objects.length;
      // The controller names a GroupVersionResource as `resource.group`, so core kinds end in a dot.
      byResource.set(`${kind.resource}.${kind.group}`, objects.length);
      let withFinalizers = 0;
      for (const obj of objects) {
        const finalizers = obj.metadata.finalizers ?? [];
        if (finalizers.length > 0) withFinalizers++;
        for (const finalizer of finalizers) byFinalizer.set(finalizer, (byFinalizer.get(finalizer) ?? 0) + 1);
      }
      if (withFinalizers === 0 && gracefulEstimateMs(kind, objects) <= Date.now() - since) {
        // schema.GroupVersionResource's String(): `/v1, Resource=pods`.
        unexpected.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${kind.group}/${kind.version}, Resource=${kind.resource}`);
      }
    }
    return { total, byResource, byFinalizer, unexpected };
  }

  /**
   * estimateGracefulTerminationForPods: the longest terminationGracePeriodSeconds of the pods that are
   * not terminal (in real milliseconds here); other resources have none.
   */
  function gracefulEstimateMs(kind: KindSpec, objects: KubeObject[]): number {
    if (kind.resource !== 'pods') return 0;
    let seconds = 0;
    for (const pod of objects) {
      const phase = isPlainObject(pod.status) ? pod.status.phase : undefined;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const grace = isPlainObject(pod.spec) ? pod.spec.terminationGracePeriodSeconds : undefined;
      if (typeof grace === 'number' && grace > seconds) seconds = grace;
    }
    return ctx.clock.scaled(seconds * 1000);
  }

  function writeConditions(ns: KubeObject, wanted: Condition[]): void {
    const status = isPlainObject(ns.status) ? ns.status : {};
    const previous = Array.isArray(status.conditions) ? (status.conditions as Condition[]) : [];
    const now = nowTimestamp(ctx.clock.now());
    const conditions = wanted.map((c) => {
      const old = previous.find((p) => p.type === c.type);
      return { type: c.type, status: c.status, lastTransitionTime: old?.status === c.status ? old.lastTransitionTime : now, reason: c.reason, message: c.message };
    });
    if (jsonEqual(conditions, previous)) return;
    ctx.registry.update({ kind: NAMESPACES, namespace: '', name: ns.metadata.name ?? '', body: { ...ns, status: { ...status, conditions } }, target: 'status' });
  }

  /** finalizeNamespace: spec.finalizers without `kubernetes`, through the finalize subresource. */
  function finalize(name: string): void {
    const ns = ctx.registry.get(NAMESPACES, '', name);
    const finalizers = specFinalizers(ns).filter((f) => f !== FINALIZER);
    const spec = isPlainObject(ns.spec) ? ns.spec : {};
    ctx.registry.update({ kind: NAMESPACES, namespace: '', name, body: { ...ns, spec: { ...spec, finalizers } }, target: 'finalize' });
  }

  return {
    stop() {
      stops.forEach((stop) => stop());
      loop.stop();
    },
  };
}

/**
 * The five conditions of a terminating namespace, worded as namespaced_resources_deleter.go sets them
 * (and `kubectl describe namespace` shows).
 */
export function conditionsFor(remaining: RemainingContent, failures: string[]): Condition[] {
  const resources = [...remaining.byResource].map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
  const finalizers = [...remaining.byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort();
  return [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    failures.length > 0
      ? { type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${failures.length} remaining: ${[...failures].sort().join(', ')}` }
      : { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    resources.length > 0
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    finalizers.length > 0
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
}

function specFinalizers(ns: KubeObject): string[] {
  const spec = isPlainObject(ns.spec) ? ns.spec : {};
  return Array.isArray(spec.finalizers) ? spec.finalizers.map(String) : [];
}
