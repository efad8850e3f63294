/**
 * Which namespace `kubectl create -f` sends an object to. Cluster-scoped kinds ignore namespaces. Otherwise
 * the object's own namespace wins, then `-n`, then the context's default; but when `-n` is given and the
 * object names a different one, kubectl refuses (resource.Builder `RequireNamespace` with enforceNamespace).
 */
export function resolveObjectNamespace(options: {
  namespaced: boolean;
  objectNamespace?: string;
  requested?: string;
  contextDefault: string;
}): { ok: true; namespace?: string } | { ok: false; message: string } {
  const { namespaced, objectNamespace, requested, contextDefault } = options;
  if (!namespaced) return { ok: true };
  if (requested && objectNamespace && objectNamespace !== requested) {
    return {
      ok: false,
      // kubectl's wording, verbatim: users search for it.
      message: `the namespace from the provided object "${objectNamespace}" does not match the namespace "${requested}". You must pass '--namespace=${objectNamespace}' to perform this operation.`,
    };
  }
  return { ok: true, namespace: objectNamespace || requested || contextDefault };
}
