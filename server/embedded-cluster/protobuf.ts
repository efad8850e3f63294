/**
 * Decoding of the Kubernetes protobuf envelope (`application/vnd.kubernetes.protobuf`). kubectl's typed
 * clients (`kubectl create namespace`) send it and do not fall back to JSON. The envelope is the magic
 * `k8s\0` and a runtime.Unknown {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3,
 * contentType=4}; `raw` is the object in its generated.proto form. Only the kinds and fields kubectl's
 * create generators send are mapped; answers go back as JSON, which clients accept.
 */

type WireValue = { wireType: number; bytes?: Uint8Array; varint?: bigint };

/** Reads a protobuf message into field number -> values (repeated fields keep every value). */
export function readMessage(buf: Uint8Array): Map<number, WireValue[]> {
  const fields = new Map<number, WireValue[]>();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const byte = buf[pos++] ?? 0;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const field = tag >>> 3;
    const wireType = tag & 7;
    let value: WireValue;
    if (wireType === 0) value = { wireType, varint: varint() };
    else if (wireType === 2) {
      const length = Number(varint());
      if (pos + length > buf.length) throw new Error('truncated field');
      value = { wireType, bytes: buf.subarray(pos, pos + length) };
      pos += length;
    } else if (wireType === 1) {
      value = { wireType, bytes: buf.subarray(pos, pos + 8) };
      pos += 8;
    } else if (wireType === 5) {
      value = { wireType, bytes: buf.subarray(pos, pos + 4) };
      pos += 4;
    } else throw new Error(`unsupported wire type ${wireType}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

/** How one proto field maps to a JSON field. */
type FieldSchema =
  | { name: string; type: 'string' | 'int' | 'bool'; keepZero?: boolean }
  | { name: string; type: 'strings' }
  | { name: string; type: 'map' }
  /** map<string, bytes>: JSON carries each value base64-encoded, as for any Go []byte. */
  | { name: string; type: 'bytesMap' }
  /** map<string, resource.Quantity>: each value is a Quantity message {string=1}. */
  | { name: string; type: 'quantityMap' }
  | { name: string; type: 'message'; schema: MessageSchema }
  | { name: string; type: 'messages'; schema: MessageSchema }
  /** A message whose fields JSON carries on the parent (Go's embedded struct, `json:",inline"`). */
  | { name: string; type: 'inline'; schema: MessageSchema }
  | { name: string; type: 'intOrString' };

type MessageSchema = Record<number, FieldSchema>;

// k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto ObjectMeta, the fields a create request carries.
const OBJECT_META: MessageSchema = {
  1: { name: 'name', type: 'string' },
  2: { name: 'generateName', type: 'string' },
  3: { name: 'namespace', type: 'string' },
  11: { name: 'labels', type: 'map' },
  12: { name: 'annotations', type: 'map' },
  14: { name: 'finalizers', type: 'strings' },
};

const LABEL_SELECTOR: MessageSchema = { 1: { name: 'matchLabels', type: 'map' } };

// k8s.io/api/core/v1/generated.proto Container and PodSpec: what `kubectl create deployment` fills.
const CONTAINER: MessageSchema = {
  1: { name: 'name', type: 'string' },
  2: { name: 'image', type: 'string' },
  3: { name: 'command', type: 'strings' },
  4: { name: 'args', type: 'strings' },
  5: { name: 'workingDir', type: 'string' },
  6: {
    name: 'ports',
    type: 'messages',
    schema: {
      1: { name: 'name', type: 'string' },
      2: { name: 'hostPort', type: 'int' },
      3: { name: 'containerPort', type: 'int' },
      4: { name: 'protocol', type: 'string' },
    },
  },
  7: { name: 'env', type: 'messages', schema: { 1: { name: 'name', type: 'string' }, 2: { name: 'value', type: 'string' } } },
  8: { name: 'resources', type: 'message', schema: { 1: { name: 'limits', type: 'quantityMap' }, 2: { name: 'requests', type: 'quantityMap' } } },
  14: { name: 'imagePullPolicy', type: 'string' },
};

const POD_SPEC: MessageSchema = {
  2: { name: 'containers', type: 'messages', schema: CONTAINER },
  3: { name: 'restartPolicy', type: 'string' },
  4: { name: 'terminationGracePeriodSeconds', type: 'int' },
  7: { name: 'nodeSelector', type: 'map' },
  8: { name: 'serviceAccountName', type: 'string' },
  10: { name: 'nodeName', type: 'string' },
  20: { name: 'initContainers', type: 'messages', schema: CONTAINER },
};

const POD_TEMPLATE: MessageSchema = {
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
  2: { name: 'spec', type: 'message', schema: POD_SPEC },
};

const SERVICE_PORT: MessageSchema = {
  1: { name: 'name', type: 'string' },
  2: { name: 'protocol', type: 'string' },
  3: { name: 'port', type: 'int' },
  4: { name: 'targetPort', type: 'intOrString' },
  5: { name: 'nodePort', type: 'int' },
};

// k8s.io/api/{core,apps}/v1/generated.proto, per kind.
const KIND_SCHEMAS: Record<string, MessageSchema> = {
  Pod: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'spec', type: 'message', schema: POD_SPEC },
  },
  Deployment: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: {
      name: 'spec',
      type: 'message',
      schema: {
        1: { name: 'replicas', type: 'int', keepZero: true },
        2: { name: 'selector', type: 'message', schema: LABEL_SELECTOR },
        3: { name: 'template', type: 'message', schema: POD_TEMPLATE },
        5: { name: 'minReadySeconds', type: 'int' },
        6: { name: 'revisionHistoryLimit', type: 'int' },
        7: { name: 'paused', type: 'bool' },
        9: { name: 'progressDeadlineSeconds', type: 'int' },
      },
    },
  },
  Service: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: {
      name: 'spec',
      type: 'message',
      schema: {
        1: { name: 'ports', type: 'messages', schema: SERVICE_PORT },
        2: { name: 'selector', type: 'map' },
        3: { name: 'clusterIP', type: 'string' },
        4: { name: 'type', type: 'string' },
        10: { name: 'externalName', type: 'string' },
      },
    },
  },
  Namespace: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'spec', type: 'message', schema: { 1: { name: 'finalizers', type: 'strings' } } },
  },
  ConfigMap: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'data', type: 'map' },
    4: { name: 'immutable', type: 'bool' },
  },
  // `kubectl create secret`: Secret {metadata=1, data=2 (map<string, bytes>), type=3, stringData=4, immutable=5}.
  Secret: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'data', type: 'bytesMap' },
    3: { name: 'type', type: 'string' },
    4: { name: 'stringData', type: 'map' },
    5: { name: 'immutable', type: 'bool' },
  },
  ServiceAccount: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    4: { name: 'automountServiceAccountToken', type: 'bool' },
  },
  // `kubectl create quota`: ResourceQuotaSpec {hard=1, scopes=2}.
  ResourceQuota: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'spec', type: 'message', schema: { 1: { name: 'hard', type: 'quantityMap' }, 2: { name: 'scopes', type: 'strings' } } },
  },
};

// k8s.io/api/rbac/v1/generated.proto: what `kubectl create role|clusterrole|rolebinding|clusterrolebinding` send.
const POLICY_RULE: MessageSchema = {
  1: { name: 'verbs', type: 'strings' },
  2: { name: 'apiGroups', type: 'strings' },
  3: { name: 'resources', type: 'strings' },
  4: { name: 'resourceNames', type: 'strings' },
  5: { name: 'nonResourceURLs', type: 'strings' },
};
const BINDING: MessageSchema = {
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
  2: {
    name: 'subjects',
    type: 'messages',
    schema: { 1: { name: 'kind', type: 'string' }, 2: { name: 'apiGroup', type: 'string' }, 3: { name: 'name', type: 'string' }, 4: { name: 'namespace', type: 'string' } },
  },
  3: { name: 'roleRef', type: 'message', schema: { 1: { name: 'apiGroup', type: 'string' }, 2: { name: 'kind', type: 'string' }, 3: { name: 'name', type: 'string' } } },
};
// k8s.io/api/authorization/v1/generated.proto: the reviews `kubectl auth can-i` sends.
const ACCESS_REVIEW_SPEC: MessageSchema = {
  1: {
    name: 'resourceAttributes',
    type: 'message',
    schema: {
      1: { name: 'namespace', type: 'string' },
      2: { name: 'verb', type: 'string' },
      3: { name: 'group', type: 'string' },
      4: { name: 'version', type: 'string' },
      5: { name: 'resource', type: 'string' },
      6: { name: 'subresource', type: 'string' },
      7: { name: 'name', type: 'string' },
    },
  },
  2: { name: 'nonResourceAttributes', type: 'message', schema: { 1: { name: 'path', type: 'string' }, 2: { name: 'verb', type: 'string' } } },
  3: { name: 'user', type: 'string' },
  4: { name: 'groups', type: 'strings' },
  6: { name: 'uid', type: 'string' },
};
const WITH_SPEC = (spec: MessageSchema): MessageSchema => ({
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
  2: { name: 'spec', type: 'message', schema: spec },
});
Object.assign(KIND_SCHEMAS, {
  Role: { 1: { name: 'metadata', type: 'message', schema: OBJECT_META }, 2: { name: 'rules', type: 'messages', schema: POLICY_RULE } },
  ClusterRole: {
    1: { name: 'metadata', type: 'message', schema: OBJECT_META },
    2: { name: 'rules', type: 'messages', schema: POLICY_RULE },
    3: { name: 'aggregationRule', type: 'message', schema: { 1: { name: 'clusterRoleSelectors', type: 'messages', schema: LABEL_SELECTOR } } },
  },
  RoleBinding: BINDING,
  ClusterRoleBinding: BINDING,
  SelfSubjectAccessReview: WITH_SPEC(ACCESS_REVIEW_SPEC),
  SubjectAccessReview: WITH_SPEC(ACCESS_REVIEW_SPEC),
  LocalSubjectAccessReview: WITH_SPEC(ACCESS_REVIEW_SPEC),
  SelfSubjectRulesReview: WITH_SPEC({ 1: { name: 'namespace', type: 'string' } }),
  // k8s.io/api/authentication/v1/generated.proto: `kubectl auth whoami` and `kubectl create token`.
  SelfSubjectReview: { 1: { name: 'metadata', type: 'message', schema: OBJECT_META } },
  TokenReview: WITH_SPEC({ 1: { name: 'token', type: 'string' }, 2: { name: 'audiences', type: 'strings' } }),
  TokenRequest: WITH_SPEC({ 1: { name: 'audiences', type: 'strings' }, 4: { name: 'expirationSeconds', type: 'int' } }),
} satisfies Record<string, MessageSchema>);

// k8s.io/api/{policy,networking}/v1/generated.proto: `kubectl create pdb` and `kubectl create ingress`.
const INGRESS_BACKEND: MessageSchema = {
  3: { name: 'resource', type: 'message', schema: { 1: { name: 'apiGroup', type: 'string' }, 2: { name: 'kind', type: 'string' }, 3: { name: 'name', type: 'string' } } },
  4: {
    name: 'service',
    type: 'message',
    schema: {
      1: { name: 'name', type: 'string' },
      2: { name: 'port', type: 'message', schema: { 1: { name: 'name', type: 'string' }, 2: { name: 'number', type: 'int' } } },
    },
  },
};
const HTTP_INGRESS_PATH: MessageSchema = {
  1: { name: 'path', type: 'string' },
  2: { name: 'backend', type: 'message', schema: INGRESS_BACKEND },
  3: { name: 'pathType', type: 'string' },
};
Object.assign(KIND_SCHEMAS, {
  PodDisruptionBudget: WITH_SPEC({
    1: { name: 'minAvailable', type: 'intOrString' },
    2: { name: 'selector', type: 'message', schema: LABEL_SELECTOR },
    3: { name: 'maxUnavailable', type: 'intOrString' },
    4: { name: 'unhealthyPodEvictionPolicy', type: 'string' },
  }),
  Ingress: WITH_SPEC({
    1: { name: 'defaultBackend', type: 'message', schema: INGRESS_BACKEND },
    2: { name: 'tls', type: 'messages', schema: { 1: { name: 'hosts', type: 'strings' }, 2: { name: 'secretName', type: 'string' } } },
    3: {
      name: 'rules',
      type: 'messages',
      schema: {
        1: { name: 'host', type: 'string' },
        // IngressRuleValue is embedded: its `http` sits on the rule in JSON.
        2: { name: 'ingressRuleValue', type: 'inline', schema: { 1: { name: 'http', type: 'message', schema: { 1: { name: 'paths', type: 'messages', schema: HTTP_INGRESS_PATH } } } } },
      },
    },
    4: { name: 'ingressClassName', type: 'string' },
  }),
} satisfies Record<string, MessageSchema>);

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const text = new TextDecoder();

/** Decodes a `k8s\0` protobuf body into a JSON object; throws when the kind is not mapped. */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw new Error('missing k8s protobuf magic');
  const unknown = readMessage(body.subarray(4));
  const typeMeta = readMessage(first(unknown, 1)?.bytes ?? new Uint8Array());
  const apiVersion = str(first(typeMeta, 1));
  const kind = str(first(typeMeta, 2));
  const schema = KIND_SCHEMAS[kind];
  if (!schema) throw new Error(`protobuf decoding of ${kind || 'an unknown kind'} is not supported`);
  return { apiVersion, kind, ...decode(first(unknown, 2)?.bytes ?? new Uint8Array(), schema) };
}

function decode(buf: Uint8Array, schema: MessageSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [number, values] of readMessage(buf)) {
    const field = schema[number];
    if (!field) continue;
    // gogo-protobuf writes every non-pointer scalar, zero values included; JSON omits them
    // (`omitempty`), so a zero here means "not set" unless the Go field is a pointer.
    const last = values[values.length - 1];
    const isScalar = field.type === 'string' || field.type === 'int' || field.type === 'bool';
    if (isScalar && !('keepZero' in field && field.keepZero) && (last?.varint === 0n || last?.bytes?.length === 0)) continue;
    if (field.type === 'string') out[field.name] = str(values[values.length - 1]);
    // Negative int32/int64 travel as 64-bit two's complement varints.
    else if (field.type === 'int') out[field.name] = Number(BigInt.asIntN(64, values[values.length - 1]?.varint ?? 0n));
    else if (field.type === 'bool') out[field.name] = (values[values.length - 1]?.varint ?? 0n) !== 0n;
    else if (field.type === 'strings') out[field.name] = values.map(str);
    else if (field.type === 'map') {
      const entries = values.map((v) => readMessage(v.bytes ?? new Uint8Array()));
      out[field.name] = Object.fromEntries(entries.map((e) => [str(first(e, 1)), str(first(e, 2))]));
    } else if (field.type === 'bytesMap') {
      const entries = values.map((v) => readMessage(v.bytes ?? new Uint8Array()));
      out[field.name] = Object.fromEntries(entries.map((e) => [str(first(e, 1)), Buffer.from(first(e, 2)?.bytes ?? new Uint8Array()).toString('base64')]));
    } else if (field.type === 'quantityMap') {
      const entries = values.map((v) => readMessage(v.bytes ?? new Uint8Array()));
      const quantity = (entry: Map<number, WireValue[]>) => str(first(readMessage(first(entry, 2)?.bytes ?? new Uint8Array()), 1));
      out[field.name] = Object.fromEntries(entries.map((e) => [str(first(e, 1)), quantity(e)]));
    } else if (field.type === 'message') {
      out[field.name] = decode(values[values.length - 1]?.bytes ?? new Uint8Array(), field.schema);
    } else if (field.type === 'messages') {
      out[field.name] = values.map((v) => decode(v.bytes ?? new Uint8Array(), field.schema));
    } else if (field.type === 'inline') {
      Object.assign(out, decode(values[values.length - 1]?.bytes ?? new Uint8Array(), field.schema));
    } else {
      // intstr.IntOrString {type=1 (0 int, 1 string), intVal=2, strVal=3}.
      const parts = decode(values[values.length - 1]?.bytes ?? new Uint8Array(), {
        1: { name: 'type', type: 'int' },
        2: { name: 'intVal', type: 'int' },
        3: { name: 'strVal', type: 'string' },
      });
      out[field.name] = parts.type === 1 ? (parts.strVal ?? '') : (parts.intVal ?? 0);
    }
  }
  return out;
}

function first(fields: Map<number, WireValue[]>, number: number): WireValue | undefined {
  return fields.get(number)?.[0];
}

function str(value: WireValue | undefined): string {
  return value?.bytes ? text.decode(value.bytes) : '';
}
