import type { KubernetesObject } from '@kubernetes/client-node';

/** `kubectl apply` keeps the whole manifest it applied in this annotation: often as large as the object. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * An object as the shared watch cache keeps it: without `metadata.managedFields` and the last-applied
 * annotation, which are bookkeeping for apply (often half of a pod's bytes) and which no list shows. A page
 * that shows one object whole (YAML, edit) reads it over HTTP. Changes the parsed object in place: it came
 * off the wire and nobody else holds it.
 */
export function leanObject<T extends KubernetesObject>(object: T): T {
  const metadata = object?.metadata;
  if (!metadata) return object;
  delete metadata.managedFields;
  const annotations = metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    delete annotations[LAST_APPLIED];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
  return object;
}
