import { KINDS, resourceVerbs, type KindSpec } from './kinds';

/** What `/version` reports. kubectl here is a dispatcher that picks its binary from `minor`. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** `/api`: the legacy core group's versions. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groups(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const kind of KINDS.filter((k) => k.group !== '')) {
    const versions = out.get(kind.group) ?? [];
    if (!versions.includes(kind.version)) versions.push(kind.version);
    out.set(kind.group, versions);
  }
  return out;
}

function apiGroup(name: string, versions: string[]): object {
  const list = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: list, preferredVersion: list[0] };
}

/** `/apis`: the named groups (legacy APIGroupList; kubectl falls back to it from aggregated discovery). */
export function apiGroupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups()].map(([name, versions]) => apiGroup(name, versions)),
  };
}

/** `/apis/<group>`, or undefined for a group this server does not serve. */
export function apiGroupDocument(group: string): object | undefined {
  const versions = groups().get(group);
  return versions && { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) };
}

/** `/api/v1` or `/apis/<group>/<version>`: resources with verbs, short names, categories, subresources. */
export function apiResourceList(group: string, version: string): object | undefined {
  const kinds = KINDS.filter((k) => k.group === group && k.version === version);
  if (kinds.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    ...(group ? { apiVersion: 'v1' } : {}),
    groupVersion: group ? `${group}/${version}` : version,
    resources: kinds.flatMap(resourceEntries),
  };
}

function resourceEntries(kind: KindSpec): object[] {
  const main = {
    name: kind.resource,
    singularName: kind.singular,
    namespaced: kind.namespaced,
    kind: kind.kind,
    verbs: resourceVerbs(kind),
    ...(kind.shortNames ? { shortNames: kind.shortNames } : {}),
    ...(kind.categories ? { categories: kind.categories } : {}),
  };
  const subresources = kind.subresources.map((sub) => ({
    name: `${kind.resource}/${sub.name}`,
    singularName: '',
    namespaced: kind.namespaced,
    ...(sub.group ? { group: sub.group } : {}),
    ...(sub.version ? { version: sub.version } : {}),
    kind: sub.kind ?? kind.kind,
    verbs: sub.verbs,
  }));
  return [main, ...subresources];
}
