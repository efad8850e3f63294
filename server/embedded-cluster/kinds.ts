import type { FieldError } from '@/lib/k8s/field-errors';
import { AUTH_KINDS } from './auth/kinds';
import { requestServiceAccountToken } from './auth/service-account-tokens';
import type { UserInfo } from './auth/user-info';
import { admitPod, defaultPod } from './defaults/pod';
import { decodeSecret } from './defaults/secret';
import { defaultService } from './defaults/service';
import { defaultDeployment, defaultReplicaSet } from './defaults/workload';
import type { HandlerContext } from './resource-handler';
import { NETWORKING_POLICY_KINDS } from './networking-policy-kinds';
import { isPlainObject, type KubeObject } from './types';
import { validatePodSpec, validatePodUpdate } from './validate/pod';
import { validateSecret, validateSecretUpdate } from './validate/secret';
import { validateWorkloadSpec } from './validate/workload';

/**
 * One served resource. Everything kind-specific lives here as data or a small hook; the store, the
 * handlers and discovery are generic, so serving a new kind is a new row.
 */
export interface KindSpec {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name used in URLs (`pods`). */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Subresources listed in discovery; `status` ones are also served. */
  subresources: SubresourceSpec[];
  /**
   * Name format: DNS-1123 subdomain for most kinds, DNS-1123 label for namespaces, DNS-1035 for services,
   * any URL path segment for the RBAC kinds.
   */
  nameRule: 'subdomain' | 'label' | 'dns1035' | 'path';
  /** Status is accepted on create (nodes register with theirs); other kinds start from an empty status. */
  keepsStatusOnCreate?: boolean;
  /** metadata.generation is kept and bumped on spec changes (workloads; pods only from 1.33). */
  tracksGeneration?: boolean;
  /** DELETE answers with the object rather than a Success Status (registry ReturnDeletedObject). */
  returnsDeletedObject?: boolean;
  /** Scheme defaulting, run on every decoded create or update body. */
  defaults?: (obj: KubeObject) => void;
  /** Mutating admission, run on create only (the ServiceAccount volume, default tolerations). */
  admit?: (obj: KubeObject) => void;
  validateCreate?: (obj: KubeObject) => FieldError[];
  validateUpdate?: (next: KubeObject, old: KubeObject) => FieldError[];
  /** Discovery verbs when not the read-write set (`create` for the review kinds). */
  verbs?: string[];
  /** A create-only kind: POST computes the answer from the body (the reviews) and nothing is stored. */
  create?: CreateHook;
  /**
   * A check of a create or update against what the requester holds, past the authorizer's verb check
   * (RBAC's escalation prevention on Roles and bindings); throws a 403 ApiError.
   */
  authorizeWrite?: (input: { ctx: HandlerContext; user: UserInfo; obj: KubeObject; old?: KubeObject }) => void;
}

/** What a create hook is given: the decoded body and who sent it. */
export interface CreateInput {
  ctx: HandlerContext;
  user: UserInfo;
  namespace: string;
  /** The parent object's name, for a subresource (`serviceaccounts/{name}/token`). */
  name?: string;
  body: KubeObject;
}

/** Answers a POST that computes rather than stores (reviews, TokenRequest). */
export type CreateHook = (input: CreateInput) => object | Promise<object>;

/** A subresource as discovery lists it. */
export interface SubresourceSpec {
  name: string;
  verbs: string[];
  /** The kind discovery reports (`Scale` for deployments/scale). Defaults to the parent's kind. */
  kind?: string;
  group?: string;
  version?: string;
  /** POST on this subresource computes its answer (`serviceaccounts/token`). */
  create?: CreateHook;
  /**
   * A connect subresource (apiserver's rest.Connecter) that upgrades the connection for a stream
   * protocol: served by `streaming/upgrade.ts`; a plain request gets `Upgrade request required`.
   */
  upgrade?: true;
}

const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS: SubresourceSpec = { name: 'status', verbs: ['get', 'patch', 'update'] };
const SCALE: SubresourceSpec = {
  name: 'scale',
  verbs: ['get', 'patch', 'update'],
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
};

/** Verbs of a resource in discovery; namespaces cannot be deleted as a collection. */
export function resourceVerbs(spec: KindSpec): string[] {
  if (spec.verbs) return spec.verbs;
  return spec.resource === 'namespaces' ? READ_WRITE.filter((v) => v !== 'deletecollection') : READ_WRITE;
}

export const KINDS: KindSpec[] = [
  {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    resource: 'namespaces',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    nameRule: 'label',
    returnsDeletedObject: true,
    subresources: [{ name: 'finalize', verbs: ['update'] }, STATUS],
    defaults: (ns) => {
      // The NamespaceDefaultLabelName feature: every namespace carries its own name as an immutable label.
      ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
      const spec = isPlainObject(ns.spec) ? ns.spec : {};
      ns.spec = { ...spec, finalizers: Array.isArray(spec.finalizers) ? spec.finalizers : ['kubernetes'] };
      // Create starts from an empty status; an update keeps the stored phase (e.g. Terminating).
      if (!isPlainObject(ns.status) || !ns.status.phase) ns.status = { phase: 'Active' };
    },
  },
  {
    group: '',
    version: 'v1',
    kind: 'Pod',
    resource: 'pods',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    nameRule: 'subdomain',
    returnsDeletedObject: true,
    subresources: [
      { name: 'attach', verbs: ['create', 'get'], kind: 'PodAttachOptions', upgrade: true },
      { name: 'binding', verbs: ['create'], kind: 'Binding' },
      { name: 'ephemeralcontainers', verbs: ['get', 'patch', 'update'] },
      { name: 'eviction', verbs: ['create'], kind: 'Eviction', group: 'policy' },
      { name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions', upgrade: true },
      { name: 'log', verbs: ['get'] },
      { name: 'portforward', verbs: ['create', 'get'], kind: 'PodPortForwardOptions', upgrade: true },
      { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'PodProxyOptions' },
      STATUS,
    ],
    defaults: (pod) => defaultPod(pod),
    admit: (pod) => admitPod(pod),
    validateCreate: (pod) => validatePodSpec(pod.spec, 'spec'),
    validateUpdate: (next, old) => validatePodUpdate(next, old),
  },
  {
    group: '',
    version: 'v1',
    kind: 'Node',
    resource: 'nodes',
    singular: 'node',
    namespaced: false,
    shortNames: ['no'],
    nameRule: 'subdomain',
    keepsStatusOnCreate: true,
    subresources: [{ name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'NodeProxyOptions' }, STATUS],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Event',
    resource: 'events',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
    nameRule: 'subdomain',
    subresources: [],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Service',
    resource: 'services',
    singular: 'service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    nameRule: 'dns1035',
    returnsDeletedObject: true,
    subresources: [{ name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'ServiceProxyOptions' }, STATUS],
    admit: (svc) => defaultService(svc),
  },
  {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    resource: 'configmaps',
    singular: 'configmap',
    namespaced: true,
    shortNames: ['cm'],
    nameRule: 'subdomain',
    subresources: [],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    singular: 'secret',
    namespaced: true,
    nameRule: 'subdomain',
    subresources: [],
    defaults: (secret) => decodeSecret(secret),
    validateCreate: (secret) => validateSecret(secret),
    validateUpdate: (next, old) => validateSecretUpdate(next, old),
  },
  // Served so that `kubectl describe ns` lists them ("No resource quota.", "No LimitRange resource."),
  // as it does against a real server; nothing here enforces them (no quota or limit-range admission).
  {
    group: '',
    version: 'v1',
    kind: 'ResourceQuota',
    resource: 'resourcequotas',
    singular: 'resourcequota',
    namespaced: true,
    shortNames: ['quota'],
    nameRule: 'subdomain',
    subresources: [STATUS],
    // Go encodes the non-pointer Status struct even when empty: a new quota reads back `status: {}`.
    defaults: (quota) => {
      if (!isPlainObject(quota.status)) quota.status = {};
    },
  },
  {
    group: '',
    version: 'v1',
    kind: 'LimitRange',
    resource: 'limitranges',
    singular: 'limitrange',
    namespaced: true,
    shortNames: ['limits'],
    nameRule: 'subdomain',
    subresources: [],
  },
  {
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    resource: 'serviceaccounts',
    singular: 'serviceaccount',
    namespaced: true,
    shortNames: ['sa'],
    nameRule: 'subdomain',
    subresources: [
      { name: 'token', verbs: ['create'], kind: 'TokenRequest', group: 'authentication.k8s.io', create: requestServiceAccountToken },
    ],
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    resource: 'deployments',
    singular: 'deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    nameRule: 'subdomain',
    tracksGeneration: true,
    subresources: [SCALE, STATUS],
    defaults: (d) => defaultDeployment(d),
    validateCreate: (d) => validateWorkloadSpec(d.spec),
    validateUpdate: (d) => validateWorkloadSpec(d.spec),
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    resource: 'replicasets',
    singular: 'replicaset',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    nameRule: 'subdomain',
    tracksGeneration: true,
    subresources: [SCALE, STATUS],
    defaults: (rs) => defaultReplicaSet(rs),
    validateCreate: (rs) => validateWorkloadSpec(rs.spec),
    validateUpdate: (rs) => validateWorkloadSpec(rs.spec),
  },
  ...NETWORKING_POLICY_KINDS,
  ...AUTH_KINDS,
];

/** The key that identifies a resource in the store and in messages: `pods`, `deployments.apps`. */
export function resourceKey(spec: Pick<KindSpec, 'group' | 'resource'>): string {
  return spec.group ? `${spec.resource}.${spec.group}` : spec.resource;
}

/** `v1` or `apps/v1`. */
export function apiVersionOf(spec: Pick<KindSpec, 'group' | 'version'>): string {
  return spec.group ? `${spec.group}/${spec.version}` : spec.version;
}

/** The served kind for a URL's group, version and plural resource. */
export function findKind(group: string, version: string, resource: string): KindSpec | undefined {
  return KINDS.find((k) => k.group === group && k.version === version && k.resource === resource);
}

/** The served kind for a kind name in a group (used for ownerReferences and object bodies). */
export function findKindByName(group: string, kind: string): KindSpec | undefined {
  return KINDS.find((k) => k.group === group && k.kind === kind);
}
