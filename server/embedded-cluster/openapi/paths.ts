import { DELETE_PARAMS, LIST_PARAMS, P, type Parameter } from './parameters';
import { groupVersionPrefix, SERVED_RESOURCES, type ServedGroupVersion, type ServedResource } from './served-resources';

type Json = Record<string, unknown>;
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const READ_TYPES = ['application/json', 'application/yaml'];
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

function content(types: string[], schema: Json): Json {
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

function responses(schemaName: string, codes: string[]): Json {
  const ok: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
  const out: Json = {};
  for (const code of codes) out[code] = { description: ok[code], content: content(READ_TYPES, ref(schemaName)) };
  out['401'] = { description: 'Unauthorized' };
  return out;
}

// kube-openapi's group name in operation ids and tags: `.k8s.io` dropped, dotted parts camel-cased
// (`rbac.authorization.k8s.io` -> `RbacAuthorization`).
function groupWord(group: string): string {
  if (group === '') return 'Core';
  return group.replace(/\.k8s\.io$/, '').split('.').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

/** `listCoreV1NamespacedPod`, `patchAppsV1NamespacedDeploymentStatus`, as kube-openapi names operations. */
function operationId(verb: string, r: ServedResource, opts: OpOptions['opts'] = {}): string {
  const group = groupWord(r.group);
  const version = r.version[0].toUpperCase() + r.version.slice(1);
  const scope = r.namespaced && opts.scoped !== false ? 'Namespaced' : '';
  return `${verb}${group}${version}${opts.collection ? 'Collection' : ''}${scope}${r.kind}${opts.suffix ?? ''}`;
}

interface OpOptions {
  verb: string;
  action: string;
  description: string;
  parameters?: Parameter[];
  body?: Json;
  response: Json;
  opts?: { scoped?: boolean; suffix?: string; collection?: boolean };
}

function operation(r: ServedResource, o: OpOptions): Json {
  const word = groupWord(r.group);
  const tag = `${word[0].toLowerCase()}${word.slice(1)}_${r.version}`;
  return {
    tags: [tag],
    description: o.description,
    operationId: operationId(o.verb, r, o.opts),
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.body ? { requestBody: o.body } : {}),
    responses: o.response,
    'x-kubernetes-action': o.action,
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
  };
}

const writeParams = [P.dryRun, P.fieldManager, P.fieldValidation];
const patchParams = [P.dryRun, P.fieldManagerApply, P.fieldValidation, P.force];
const bodyOf = (schemaName: string): Json => ({ content: { '*/*': { schema: ref(schemaName) } }, required: true });
const patchBody: Json = { content: content(PATCH_TYPES, ref(`${META}.Patch`)), required: true };
const deleteBody: Json = { content: { '*/*': { schema: ref(`${META}.DeleteOptions`) } } };

function collectionPath(r: ServedResource): Json {
  const kind = `${r.pkg}.${r.kind}`;
  const item: Json = {
    get: operation(r, {
      verb: 'list',
      action: 'list',
      description: `list or watch objects of kind ${r.kind}`,
      parameters: LIST_PARAMS,
      response: responses(`${kind}List`, ['200']),
    }),
    post: operation(r, {
      verb: 'create',
      action: 'post',
      description: `create ${/^[AEIOU]/.test(r.kind) ? 'an' : 'a'} ${r.kind}`,
      parameters: writeParams,
      body: bodyOf(kind),
      response: responses(kind, ['200', '201', '202']),
    }),
    parameters: [...(r.namespaced ? [P.namespace] : []), P.pretty],
  };
  if (!r.noDeleteCollection) {
    item.delete = operation(r, {
      verb: 'delete',
      action: 'deletecollection',
      description: `delete collection of ${r.kind}`,
      parameters: [P.continue, ...DELETE_PARAMS, ...LIST_PARAMS.filter((p) => p !== P.continue && p !== P.watch && p !== P.allowWatchBookmarks)],
      body: deleteBody,
      response: responses(`${META}.Status`, ['200']),
      opts: { collection: true },
    });
  }
  return item;
}

function itemPath(r: ServedResource, sub?: 'Status'): Json {
  const kind = `${r.pkg}.${r.kind}`;
  const what = sub ? `status of the specified ${r.kind}` : `the specified ${r.kind}`;
  const opts = { suffix: sub ?? '' };
  const item: Json = {
    get: operation(r, { verb: 'read', action: 'get', description: `read ${what}`, response: responses(kind, ['200']), opts }),
    put: operation(r, {
      verb: 'replace',
      action: 'put',
      description: `replace ${what}`,
      parameters: writeParams,
      body: bodyOf(kind),
      response: responses(kind, ['200', '201']),
      opts,
    }),
    patch: operation(r, {
      verb: 'patch',
      action: 'patch',
      description: `partially update ${what}`,
      parameters: patchParams,
      body: patchBody,
      response: responses(kind, ['200', '201']),
      opts,
    }),
    parameters: [P.name(r.kind), ...(r.namespaced ? [P.namespace] : []), P.pretty],
  };
  if (!sub) {
    item.delete = operation(r, {
      verb: 'delete',
      action: 'delete',
      description: `delete ${/^[AEIOU]/.test(r.kind) ? 'an' : 'a'} ${r.kind}`,
      parameters: DELETE_PARAMS,
      body: deleteBody,
      // Namespaces answer a DELETE with the object; other kinds with a Status (or the object when finalizers hold it).
      response: responses(r.kind === 'Namespace' ? kind : `${META}.Status`, ['200', '202']),
    });
  }
  return item;
}

function logPath(r: ServedResource): Json {
  return {
    get: operation(r, {
      verb: 'read',
      action: 'get',
      description: `read log of the specified ${r.kind}`,
      parameters: [P.container, P.follow, P.limitBytes, P.previous, P.sinceSeconds, P.tailLines, P.timestamps],
      response: { '200': { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': { description: 'Unauthorized' } },
      opts: { suffix: 'Log' },
    }),
    parameters: [{ ...P.name(r.kind), description: `name of the ${r.kind}` }, P.namespace, P.pretty],
  };
}

/** The `paths` of one group/version's OpenAPI v3 document, for the resources we serve. */
export function groupVersionPaths(gv: ServedGroupVersion): Record<string, Json> {
  const prefix = groupVersionPrefix(gv);
  const paths: Record<string, Json> = {};
  for (const r of SERVED_RESOURCES.filter((x) => x.group === gv.group && x.version === gv.version)) {
    const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
    paths[collection] = collectionPath(r);
    paths[`${collection}/{name}`] = itemPath(r);
    if (r.status) paths[`${collection}/{name}/status`] = itemPath(r, 'Status');
    if (r.log) paths[`${collection}/{name}/log`] = logPath(r);
    if (r.namespaced) {
      paths[`${prefix}/${r.plural}`] = {
        get: operation(r, {
          verb: 'list',
          action: 'list',
          description: `list or watch objects of kind ${r.kind}`,
          response: responses(`${r.pkg}.${r.kind}List`, ['200']),
          opts: { scoped: false, suffix: 'ForAllNamespaces' },
        }),
        parameters: [...LIST_PARAMS.slice(0, 5), P.pretty, ...LIST_PARAMS.slice(5)],
      };
    }
  }
  return Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
}
