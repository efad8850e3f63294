import type { ServerResponse } from 'node:http';
import { apiVersionOf, type KindSpec } from './kinds';
import type { Representation } from './negotiate';
import { writeSliced } from './sliced-writer';
import type { KubeObject } from './types';

type TableModule = {
  toTable(args: {
    resource: string;
    objects: object[];
    includeObject: 'None' | 'Metadata' | 'Object';
    now: Date;
    listMeta?: object;
  }): object;
};

let tables: Promise<TableModule> | undefined;

// Loaded on first use so the API keeps serving JSON even while the table module is being written.
function loadTables(): Promise<TableModule> {
  tables ??= import('./tables/index') as Promise<TableModule>;
  return tables;
}

/** List metadata as metav1.ListMeta. */
export interface ListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** One object in the negotiated representation. */
export async function renderObject(rep: Representation, kind: KindSpec, obj: KubeObject): Promise<object> {
  if (rep.as === 'Table') {
    const { toTable } = await loadTables();
    return toTable({ resource: kind.resource, objects: [obj], includeObject: rep.includeObject, now: new Date() });
  }
  if (rep.as === 'PartialObjectMetadata') {
    return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
  }
  return obj;
}

/** A list in the negotiated representation (`PodList`, a Table, or PartialObjectMetadataList). */
export async function renderList(rep: Representation, kind: KindSpec, items: KubeObject[], listMeta: ListMeta): Promise<object> {
  if (rep.as === 'Table') {
    const { toTable } = await loadTables();
    return toTable({ resource: kind.resource, objects: items, includeObject: rep.includeObject, now: new Date(), listMeta });
  }
  if (rep.as === 'PartialObjectMetadata') {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta,
      items: items.map((obj) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata })),
    };
  }
  return { kind: `${kind.kind}List`, apiVersion: apiVersionOf(kind), metadata: listMeta, items: withoutTypeMeta(items) };
}

/**
 * Writes a typed JSON list (`PodList`) as a 200 a slice of items at a time: the same bytes `renderList`
 * gives, without encoding 150 MB in one go (kube-apiserver streams JSON lists item by item too, since
 * 1.33). Reads the stored objects without copying them, so they must not change meanwhile: the store
 * replaces objects, it never edits them.
 */
export async function streamJsonList(res: ServerResponse, kind: KindSpec, items: readonly KubeObject[], listMeta: ListMeta): Promise<void> {
  const head = JSON.stringify({ kind: `${kind.kind}List`, apiVersion: apiVersionOf(kind), metadata: listMeta });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.write(`${head.slice(0, -1)},"items":[`);
  const complete = await writeSliced(res, {
    count: items.length,
    encode: (index) => `${index === 0 ? '' : ','}${JSON.stringify(withoutItemTypeMeta(items[index] as KubeObject))}`,
  });
  if (complete) res.end(']}');
}

/**
 * A typed list's items as kube-apiserver serializes them: without `apiVersion` and `kind`. The list's own
 * TypeMeta names them once; conversion from the internal type leaves each item's TypeMeta empty (objects
 * read one by one and watch events carry theirs). Clients set them back, as kubectl's printers do
 * (cli-runtime `printers.NewTypeSetter`), so a console must not rely on list items having them.
 */
export function withoutTypeMeta(items: readonly KubeObject[]): object[] {
  return items.map(withoutItemTypeMeta);
}

function withoutItemTypeMeta({ apiVersion: _apiVersion, kind: _kind, ...rest }: KubeObject): object {
  return rest;
}
