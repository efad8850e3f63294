/**
 * The `patchStrategy:"merge"` / `patchMergeKey` struct tags of the k8s.io/api types this server serves,
 * keyed by field path with list indices dropped. A list not named here is atomic: a strategic merge
 * patch replaces it whole (e.g. `spec.tolerations`, `status.containerStatuses`). `true` marks a merged
 * list of scalars (set union), like `metadata.finalizers`.
 */
const POD_SPEC_LISTS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  schedulingGates: 'name',
  resourceClaims: 'name',
};

const CONTAINER_LISTS: Record<string, string> = {
  ports: 'containerPort',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
};

function buildTable(): Map<string, string | true> {
  const table = new Map<string, string | true>([
    ['metadata.finalizers', true],
    ['metadata.ownerReferences', 'uid'],
    ['spec.template.metadata.finalizers', true],
    // ServiceSpec.Ports: patchMergeKey "port".
    ['spec.ports', 'port'],
    ['spec.podCIDRs', true],
    ['status.conditions', 'type'],
    ['status.podIPs', 'ip'],
    ['status.hostIPs', 'ip'],
    ['status.addresses', 'type'],
  ]);
  for (const podSpec of ['spec', 'spec.template.spec']) {
    for (const [list, key] of Object.entries(POD_SPEC_LISTS)) table.set(`${podSpec}.${list}`, key);
    for (const containers of ['containers', 'initContainers', 'ephemeralContainers']) {
      for (const [list, key] of Object.entries(CONTAINER_LISTS)) table.set(`${podSpec}.${containers}.${list}`, key);
    }
  }
  return table;
}

const TABLE = buildTable();

/** The merge strategy of the list at `path` (dotted, no indices): a merge key, `true` for a set, or none. */
export function listStrategy(path: string): string | true | undefined {
  return TABLE.get(path);
}
