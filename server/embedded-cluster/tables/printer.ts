import { componentSchemas } from '../openapi/schemas';

/** metav1.TableColumnDefinition. Priority 1 columns are the ones kubectl shows only with `-o wide`. */
export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRowCondition: pods that finished carry `Completed` so clients may hide them. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** A cell is a string or an int64 (printers.go appends `int64(...)` for counts). */
export type Cell = string | number;

/** One resource's column definitions and row function, as registered in printers.go `AddHandlers`. */
export interface Printer {
  columns: TableColumn[];
  row(obj: Record<string, unknown>, now: Date): { cells: Cell[]; conditions?: TableRowCondition[] };
}

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/**
 * A field's documentation, which printers.go takes from `SwaggerDoc()` (the same text the OpenAPI
 * description carries). `CoreV1.PodStatus.podIP` style: definition short name and field.
 */
export function swaggerDoc(definition: string, field: string): string {
  const [pkg, kind] = definition.split(':');
  const prefix = pkg === 'core' ? CORE : pkg === 'apps' ? APPS : META;
  return componentSchemas()[`${prefix}.${kind}`]?.properties?.[field]?.description ?? '';
}

/** A column definition; `type` defaults to string, as most printers.go columns are. */
export function column(name: string, description: string, opts: { priority?: number; format?: string; type?: string } = {}): TableColumn {
  return { name, type: opts.type ?? 'string', format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** The NAME column every printer starts with (ObjectMeta's `name` doc, `format: name`). */
export const nameColumn = (priority = 0) => column('Name', swaggerDoc('meta:ObjectMeta', 'name'), { format: 'name', priority });
/** The AGE column, documented as ObjectMeta's `creationTimestamp`. */
export const ageColumn = () => column('Age', swaggerDoc('meta:ObjectMeta', 'creationTimestamp'));

/** Reads a nested field of a plain JSON object without a schema. */
export function at(obj: unknown, ...path: (string | number)[]): unknown {
  let node = obj;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const int = (value: unknown): number => (typeof value === 'number' ? value : 0);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
