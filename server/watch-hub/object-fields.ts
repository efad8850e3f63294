/**
 * The fields each kind supports in `fieldSelector`, and their values for an object, as the API server's
 * `GetAttrs`/`SelectableFields` functions define them (Kubernetes 1.32, `pkg/registry/<kind>/strategy.go`).
 * Every kind supports `metadata.name` and `metadata.namespace`.
 */

type Obj = Record<string, unknown>;
type FieldGetter = (obj: Obj) => string | undefined;

const at = (obj: Obj, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Obj)[key] : undefined), obj);
const text = (path: string): FieldGetter => (obj) => {
  const value = at(obj, path);
  return value === undefined || value === null ? undefined : String(value);
};

const BY_RESOURCE: Record<string, Record<string, FieldGetter>> = {
  pods: {
    'spec.nodeName': text('spec.nodeName'),
    'spec.restartPolicy': text('spec.restartPolicy'),
    'spec.schedulerName': text('spec.schedulerName'),
    'spec.serviceAccountName': text('spec.serviceAccountName'),
    // `hostNetwork` is a bool printed with strconv.FormatBool: "false" when unset.
    'spec.hostNetwork': (obj) => String(at(obj, 'spec.hostNetwork') === true),
    'status.phase': text('status.phase'),
    'status.podIP': text('status.podIP'),
    // All pod IPs, comma-joined, as podutil's PodIPs selectable field.
    'status.podIPs': (obj) => ((at(obj, 'status.podIPs') as { ip: string }[] | undefined) ?? []).map((p) => p.ip).join(','),
    'status.nominatedNodeName': text('status.nominatedNodeName'),
  },
  events: Object.fromEntries(
    [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'type',
    ].map((f) => [f, text(f)] as const).concat([['source', text('source.component')]]),
  ),
  nodes: { 'spec.unschedulable': (obj) => String(at(obj, 'spec.unschedulable') === true) },
  namespaces: { 'status.phase': text('status.phase') },
  secrets: { type: text('type') },
  services: { 'spec.clusterIP': text('spec.clusterIP'), 'spec.type': text('spec.type') },
  replicasets: { 'status.replicas': (obj) => String(at(obj, 'status.replicas') ?? 0) },
  replicationcontrollers: { 'status.replicas': (obj) => String(at(obj, 'status.replicas') ?? 0) },
  jobs: { 'status.successful': (obj) => String(at(obj, 'status.successful') ?? 0) },
};

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': text('metadata.name'),
  'metadata.namespace': text('metadata.namespace'),
};

/** The selectable fields of a resource, or the first unsupported one among `fields`. */
export function unsupportedField(resource: string, fields: readonly string[]): string | undefined {
  const known = BY_RESOURCE[resource] ?? {};
  return fields.find((field) => !(field in COMMON) && !(field in known));
}

/** Values of the selectable fields of `obj`; missing ones read as "" like the server's field sets. */
export function selectableFields(resource: string, obj: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, get] of Object.entries({ ...COMMON, ...BY_RESOURCE[resource] })) out[field] = get(obj) ?? '';
  return out;
}
