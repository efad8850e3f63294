import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explainField, typeLabel, type ExplainTarget } from './explain';
import type { OpenApiSchemas } from './openapi-types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemas: OpenApiSchemas = {
  'io.k8s.api.core.v1.Pod': {
    description: 'Pod is a collection of containers.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema.' },
      spec: { allOf: [ref('io.k8s.api.core.v1.PodSpec')], description: 'Specification of the pod.' },
    },
    'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Pod' }],
  },
  'io.k8s.api.core.v1.PodList': {
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'PodList' }],
  },
  'io.k8s.api.core.v1.PodSpec': {
    description: 'PodSpec is a description of a pod.',
    type: 'object',
    required: ['containers'],
    properties: {
      containers: { type: 'array', items: ref('io.k8s.api.core.v1.Container'), description: 'List of containers.' },
      nodeSelector: { type: 'object', additionalProperties: { type: 'string' }, description: 'Selector.' },
      overhead: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') },
    },
  },
  'io.k8s.api.core.v1.Container': {
    description: 'A single application container.',
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', description: 'Name of the container.' },
      port: { allOf: [ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString')], description: 'Port.' },
      started: { allOf: [ref('io.k8s.apimachinery.pkg.apis.meta.v1.Time')], description: 'Start.' },
    },
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string', description: 'Quantity.' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time', description: 'Time.' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.api.apps.v1.Deployment': {
    description: 'Deployment enables declarative updates.',
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
  },
};

const cases: { target: ExplainTarget; want: Record<string, unknown> | undefined; fields?: string[] }[] = [
  {
    target: 'pods',
    want: { kind: 'Pod', version: 'v1', field: '', type: 'Pod', description: 'Pod is a collection of containers.' },
    fields: ['apiVersion <string>', 'spec <PodSpec>'],
  },
  {
    target: 'pod.spec',
    want: { kind: 'Pod', field: 'spec', type: 'PodSpec', description: 'Specification of the pod.\nPodSpec is a description of a pod.' },
    fields: ['containers <[]Container> -required-', 'nodeSelector <map[string]string>', 'overhead <map[string]string>'],
  },
  {
    target: { gvk: { group: '', version: 'v1', kind: 'Pod' }, path: 'spec.containers' },
    want: { field: 'spec.containers', type: '[]Container', description: 'List of containers.\nA single application container.' },
    fields: ['name <string> -required-', 'port <string>', 'started <string>'],
  },
  { target: 'Pod.spec.containers.name', want: { type: 'string', description: 'Name of the container.' }, fields: [] },
  { target: 'pod.spec.overhead', want: { type: 'map[string]string', description: 'Quantity.' }, fields: [] },
  { target: 'deployments', want: { kind: 'Deployment', version: 'apps/v1' }, fields: [] },
  { target: 'pod.spec.nope', want: undefined },
  { target: 'widgets', want: undefined },
];

for (const { target, want, fields } of cases) {
  test(`explainField(${JSON.stringify(target)})`, () => {
    const got = explainField(schemas, target);
    if (want === undefined) return assert.equal(got, undefined);
    assert.ok(got);
    for (const [key, value] of Object.entries(want)) assert.equal(got[key as keyof typeof got], value, key);
    if (fields) {
      assert.deepEqual(
        got.fields.map((f) => `${f.name} <${f.type}>${f.required ? ' -required-' : ''}`),
        fields,
      );
    }
  });
}

test('typeLabel spells a map of a scalar definition by its scalar type', () => {
  assert.equal(typeLabel(schemas, { additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') }), 'map[string]string');
});

test('explains the generated Pod schema with its real descriptions', () => {
  const file = new URL('../../server/embedded-cluster/openapi/generated/schemas.json', import.meta.url);
  const generated = (JSON.parse(readFileSync(file, 'utf8')) as { schemas: OpenApiSchemas }).schemas;
  const pod = explainField(generated, 'pods');
  assert.match(pod?.description ?? '', /^Pod is a collection of containers that can run on a host/);
  const spec = explainField(generated, 'pod.spec');
  const containers = spec?.fields.find((f) => f.name === 'containers');
  assert.deepEqual({ type: containers?.type, required: containers?.required }, { type: '[]Container', required: true });
});
