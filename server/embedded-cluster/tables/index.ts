import { deployments, replicasets } from './apps-printers';
import { configmaps, namespaces, nodes, pods, secrets, serviceaccounts, services } from './core-printers';
import { events } from './event-printer';
import { ingressclasses, ingresses, poddisruptionbudgets } from './networking-policy-printers';
import { clusterrolebindings, rolebindings } from './rbac-printers';
import { resourcequotas } from './resource-quota-printer';
import { at, nameColumn, ageColumn, str, type Printer } from './printer';

const PRINTERS: Record<string, Printer> = {
  pods,
  namespaces,
  nodes,
  services,
  events,
  configmaps,
  secrets,
  serviceaccounts,
  resourcequotas,
  deployments,
  replicasets,
  ingresses,
  ingressclasses,
  poddisruptionbudgets,
  rolebindings,
  clusterrolebindings,
};

/**
 * Kinds without a printers.go handler get the API server's default table
 * (apiserver `DefaultTableConvertor`): NAME and CREATED AT.
 */
const DEFAULT_PRINTER: Printer = {
  columns: [nameColumn(), { ...ageColumn(), name: 'Created At', type: 'date' }],
  row: (obj) => ({ cells: [str(at(obj, 'metadata', 'name')), str(at(obj, 'metadata', 'creationTimestamp'))] }),
};

type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The row's `object` for `includeObject`: PartialObjectMetadata, the whole object, or nothing. */
function rowObject(obj: Record<string, unknown>, includeObject: IncludeObject): object | undefined {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata ?? {} };
}

/**
 * A meta.k8s.io/v1 Table for a list or a single object, as kube-apiserver answers
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. The server always renders the wide
 * (priority 1) cells; kubectl drops them unless `-o wide`. kubectl builds `--show-labels`, `-L` and
 * the NAMESPACE column of `-A` from the row objects, so those need `includeObject` Metadata or Object.
 * The Table's metadata is the list's (resourceVersion, continue, remainingItemCount), or for a single
 * object its resourceVersion (registry `ConvertToTable`).
 */
export function toTable(args: {
  resource: string;
  objects: object[];
  includeObject: IncludeObject;
  now: Date;
  listMeta?: object;
}): object {
  const printer = PRINTERS[args.resource] ?? DEFAULT_PRINTER;
  const rows = args.objects.map((o) => {
    const obj = o as Record<string, unknown>;
    const { cells, conditions } = printer.row(obj, args.now);
    const object = rowObject(obj, args.includeObject);
    return { cells, ...(conditions ? { conditions } : {}), ...(object ? { object } : {}) };
  });
  const metadata = args.listMeta ?? singleObjectMeta(args.objects);
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions: printer.columns, rows };
}

function singleObjectMeta(objects: object[]): object {
  const resourceVersion = objects.length === 1 ? str(at(objects[0], 'metadata', 'resourceVersion')) : '';
  return resourceVersion ? { resourceVersion } : {};
}
