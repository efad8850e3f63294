/**
 * The fields a `fieldSelector` may name for each resource, and their values for an object, as the API
 * server's `GetAttrs`/`ToSelectableFields` define them (Kubernetes 1.32, `pkg/registry/<kind>/strategy.go`).
 * One table for the embedded API server and the console's watch filters, so both read a selector alike.
 */

type Obj = Record<string, unknown>;
type FieldGetter = (obj: Obj) => string;

const at = (obj: Obj, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Obj)[key] : undefined), obj);
// Missing fields read as "" like the server's field sets.
const text = (path: string): FieldGetter => (obj) => {
  const value = at(obj, path);
  return value === undefined || value === null ? '' : String(value);
};
// Booleans are printed with strconv.FormatBool: "false" when unset.
const flag = (path: string): FieldGetter => (obj) => String(at(obj, path) === true);
const count = (path: string): FieldGetter => (obj) => String(at(obj, path) ?? 0);

/** Resources with their own field-label conversion; the rest accept only the metadata fields. */
const BY_RESOURCE: Record<string, Record<string, FieldGetter>> = {
  pods: {
    'spec.nodeName': text('spec.nodeName'),
    'spec.restartPolicy': text('spec.restartPolicy'),
    'spec.schedulerName': text('spec.schedulerName'),
    'spec.serviceAccountName': text('spec.serviceAccountName'),
    'spec.hostNetwork': flag('spec.hostNetwork'),
    'status.phase': text('status.phase'),
    'status.podIP': text('status.podIP'),
    // Every pod IP, comma-joined, as podutil's PodIPs selectable field.
    'status.podIPs': (obj) => ((at(obj, 'status.podIPs') as { ip: string }[] | undefined) ?? []).map((p) => p.ip).join(','),
    'status.nominatedNodeName': text('status.nominatedNodeName'),
  },
  events: {
    ...Object.fromEntries(
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
      ].map((field) => [field, text(field)]),
    ),
    source: text('source.component'),
  },
  nodes: { 'spec.unschedulable': flag('spec.unschedulable') },
  namespaces: { 'status.phase': text('status.phase') },
  secrets: { type: text('type') },
  services: { 'spec.clusterIP': text('spec.clusterIP'), 'spec.type': text('spec.type') },
  replicasets: { 'status.replicas': count('status.replicas') },
  replicationcontrollers: { 'status.replicas': count('status.replicas') },
  jobs: { 'status.successful': count('status.successful') },
};

function metadataFields(namespaced: boolean): Record<string, FieldGetter> {
  const fields: Record<string, FieldGetter> = { 'metadata.name': text('metadata.name') };
  if (namespaced) fields['metadata.namespace'] = text('metadata.namespace');
  return fields;
}

/** The selectable fields of `obj` with their values. Cluster-scoped kinds have no `metadata.namespace`. */
export function selectableFields(resource: string, obj: object, namespaced = true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, get] of Object.entries({ ...metadataFields(namespaced), ...BY_RESOURCE[resource] })) out[field] = get(obj as Obj);
  return out;
}

/**
 * The API server's error for the first field among `fields` that the resource does not support, if any.
 * Resources with their own conversion answer `field label not supported: X`; the others fall back to
 * runtime.DefaultMetaV1FieldSelectorConversion and its message.
 */
export function unsupportedFieldError(resource: string, fields: readonly string[], namespaced = true): string | undefined {
  const known = { ...metadataFields(namespaced), ...BY_RESOURCE[resource] };
  const field = fields.find((name) => !(name in known));
  if (field === undefined) return undefined;
  if (BY_RESOURCE[resource]) return `field label not supported: ${field}`;
  return `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
}
