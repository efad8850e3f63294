/**
 * Input to `scripts/generate-openapi.ts` for what no npm package carries: the list and patch markers of
 * k8s.io/api 1.32 (`+listType`, `+listMapKey`, `+patchMergeKey`, `+patchStrategy`) that kube-openapi
 * turns into `x-kubernetes-*` extensions, for the fields of the kinds we serve, plus schemas that
 * kubernetes-types inlines or omits. Curated by hand from the Go types; keys are `definition.field`.
 */
type Extensions = Record<string, unknown>;

const mapList = (keys: string[], patchKey?: string, strategy = 'merge'): Extensions => ({
  ...(patchKey ? { 'x-kubernetes-patch-merge-key': patchKey, 'x-kubernetes-patch-strategy': strategy } : {}),
  'x-kubernetes-list-map-keys': keys,
  'x-kubernetes-list-type': 'map',
});
const atomic: Extensions = { 'x-kubernetes-list-type': 'atomic' };
const byName = mapList(['name'], 'name');
const byType = mapList(['type'], 'type');

const core = 'io.k8s.api.core.v1';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const apps = 'io.k8s.api.apps.v1';
const rbac = 'io.k8s.api.rbac.v1';
const networking = 'io.k8s.api.networking.v1';
const policy = 'io.k8s.api.policy.v1';

export const FIELD_EXTENSIONS: Record<string, Extensions> = {
  [`${meta}.ObjectMeta.finalizers`]: { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
  [`${meta}.ObjectMeta.ownerReferences`]: mapList(['uid'], 'uid'),
  [`${meta}.ObjectMeta.managedFields`]: atomic,
  [`${meta}.LabelSelector.matchExpressions`]: atomic,
  [`${meta}.LabelSelectorRequirement.values`]: atomic,
  [`${meta}.StatusDetails.causes`]: atomic,

  [`${core}.PodSpec.containers`]: byName,
  [`${core}.PodSpec.initContainers`]: byName,
  [`${core}.PodSpec.ephemeralContainers`]: byName,
  [`${core}.PodSpec.volumes`]: mapList(['name'], 'name', 'merge,retainKeys'),
  [`${core}.PodSpec.imagePullSecrets`]: byName,
  [`${core}.PodSpec.hostAliases`]: mapList(['ip'], 'ip'),
  [`${core}.PodSpec.tolerations`]: atomic,
  [`${core}.PodSpec.topologySpreadConstraints`]: mapList(['topologyKey', 'whenUnsatisfiable'], 'topologyKey'),
  [`${core}.PodSpec.readinessGates`]: atomic,
  [`${core}.PodSpec.schedulingGates`]: byName,
  [`${core}.PodSpec.resourceClaims`]: mapList(['name'], 'name', 'merge,retainKeys'),
  [`${core}.Container.ports`]: mapList(['containerPort', 'protocol'], 'containerPort'),
  [`${core}.Container.env`]: byName,
  [`${core}.Container.envFrom`]: atomic,
  [`${core}.Container.volumeMounts`]: mapList(['mountPath'], 'mountPath'),
  [`${core}.Container.volumeDevices`]: mapList(['devicePath'], 'devicePath'),
  [`${core}.Container.args`]: atomic,
  [`${core}.Container.command`]: atomic,
  [`${core}.Container.resizePolicy`]: atomic,
  [`${core}.PodStatus.conditions`]: byType,
  [`${core}.PodStatus.podIPs`]: mapList(['ip'], 'ip'),
  [`${core}.PodStatus.hostIPs`]: { 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': 'ip', 'x-kubernetes-patch-strategy': 'merge' },
  [`${core}.PodStatus.containerStatuses`]: atomic,
  [`${core}.PodStatus.initContainerStatuses`]: atomic,
  [`${core}.PodStatus.ephemeralContainerStatuses`]: atomic,
  [`${core}.Capabilities.add`]: atomic,
  [`${core}.Capabilities.drop`]: atomic,
  [`${core}.NodeSpec.taints`]: atomic,
  [`${core}.NodeSpec.podCIDRs`]: { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
  [`${core}.NodeStatus.addresses`]: byType,
  [`${core}.NodeStatus.conditions`]: byType,
  [`${core}.NodeStatus.images`]: atomic,
  [`${core}.NamespaceStatus.conditions`]: byType,
  [`${core}.NamespaceSpec.finalizers`]: atomic,
  [`${core}.ServiceSpec.ports`]: mapList(['port', 'protocol'], 'port'),
  [`${core}.ServiceSpec.clusterIPs`]: atomic,
  [`${core}.ServiceSpec.externalIPs`]: atomic,
  [`${core}.ServiceSpec.ipFamilies`]: atomic,
  [`${core}.ServiceStatus.conditions`]: mapList(['type'], 'type'),
  [`${core}.ServiceAccount.secrets`]: byName,
  [`${core}.ServiceAccount.imagePullSecrets`]: atomic,
  [`${apps}.DeploymentStatus.conditions`]: byType,
  [`${apps}.ReplicaSetStatus.conditions`]: byType,
  [`${networking}.IngressSpec.tls`]: atomic,
  [`${networking}.IngressSpec.rules`]: atomic,
  [`${networking}.IngressTLS.hosts`]: atomic,
  [`${networking}.HTTPIngressRuleValue.paths`]: atomic,
  [`${networking}.IngressLoadBalancerStatus.ingress`]: atomic,
  [`${networking}.IngressLoadBalancerIngress.ports`]: atomic,
  [`${policy}.PodDisruptionBudgetSpec.selector`]: { 'x-kubernetes-patch-strategy': 'replace' },
  [`${policy}.PodDisruptionBudgetStatus.conditions`]: byType,
  [`${rbac}.Role.rules`]: atomic,
  [`${rbac}.ClusterRole.rules`]: atomic,
  [`${rbac}.AggregationRule.clusterRoleSelectors`]: atomic,
  [`${rbac}.RoleBinding.subjects`]: atomic,
  [`${rbac}.ClusterRoleBinding.subjects`]: atomic,
  [`${rbac}.PolicyRule.verbs`]: atomic,
  [`${rbac}.PolicyRule.apiGroups`]: atomic,
  [`${rbac}.PolicyRule.resources`]: atomic,
  [`${rbac}.PolicyRule.resourceNames`]: atomic,
  [`${rbac}.PolicyRule.nonResourceURLs`]: atomic,
};

const groupVersions = [
  { group: '', version: 'v1' },
  { group: 'apps', version: 'v1' },
  { group: 'networking.k8s.io', version: 'v1' },
  { group: 'policy', version: 'v1' },
  { group: 'rbac.authorization.k8s.io', version: 'v1' },
];

/** GVKs that kubernetes-types cannot reveal (no literal apiVersion/kind): the meta types every group serves. */
export const EXTRA_GVKS: Record<string, object[]> = {
  [`${meta}.Status`]: [{ group: '', kind: 'Status', version: 'v1' }],
  [`${meta}.DeleteOptions`]: groupVersions.map((gv) => ({ ...gv, kind: 'DeleteOptions' })),
  [`${meta}.WatchEvent`]: groupVersions.map((gv) => ({ ...gv, kind: 'WatchEvent' })),
};

/** Schemas kubernetes-types does not declare (it inlines IntOrString as `number | string`). */
export const SYNTHETIC_SCHEMAS: Record<string, Record<string, unknown>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    description:
      'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    format: 'int-or-string',
  },
  [`${meta}.Patch`]: {
    description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    type: 'object',
  },
};

/**
 * Types whose v3 schema kube-openapi builds from `OpenAPIV3OneOfTypes()`: a `oneOf` and no `type`
 * (k8s.io/apimachinery intstr.go and quantity.go). That missing type is why `kubectl explain` prints
 * `<IntOrString>` and `<map[string]Quantity>` (its typeGuess names a `$ref` whose schema has no type).
 * v2 has `type: string` for both, which the swagger document puts back (documents.ts).
 */
export const V3_ONE_OF_TYPES: Record<string, string[]> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
};
