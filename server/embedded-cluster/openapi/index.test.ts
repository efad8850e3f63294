import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findUnknownFields, openApiResponse } from './index';

const pod = { group: '', version: 'v1', kind: 'Pod' };
const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' };

const unknownCases: { name: string; gvk: typeof pod; obj: unknown; want: string[] }[] = [
  { name: 'a valid pod', gvk: pod, obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { x: 'y' } }, spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } }, want: [] },
  { name: 'top level and spec', gvk: pod, obj: { foo: 1, spec: { bar: 2 } }, want: ['foo', 'spec.bar'] },
  { name: 'list items by index', gvk: pod, obj: { spec: { containers: [{ name: 'a' }, { name: 'b', volumes: [] }] } }, want: ['spec.containers[1].volumes'] },
  { name: 'nested in list items', gvk: pod, obj: { spec: { containers: [{ ports: [{ port: 80 }] }] } }, want: ['spec.containers[0].ports[0].port'] },
  { name: 'maps of quantities and strings are open', gvk: pod, obj: { metadata: { annotations: { a: 'b' } }, spec: { containers: [{ resources: { limits: { cpu: '1', anything: '2' } } }] } }, want: [] },
  { name: 'IntOrString and Time values', gvk: pod, obj: { metadata: { creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { containers: [{ livenessProbe: { httpGet: { port: 'http', path: '/' } } }] } }, want: [] },
  { name: 'managedFields fieldsV1 is raw JSON', gvk: pod, obj: { metadata: { managedFields: [{ fieldsV1: { 'f:spec': {} } }] } }, want: [] },
  { name: 'deployment pod template', gvk: deployment, obj: { spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', imagePullPolicy: 'Always', nope: 1 }] } } } }, want: ['spec.template.spec.containers[0].nope'] },
  { name: 'an unknown kind', gvk: { group: 'batch', version: 'v1', kind: 'Job' }, obj: { foo: 1 }, want: [] },
];

for (const { name, gvk, obj, want } of unknownCases) {
  test(`findUnknownFields: ${name}`, () => assert.deepEqual(findUnknownFields(gvk, obj), want));
}

test('the v3 index points at each group/version document by hash', () => {
  const index = JSON.parse(String(openApiResponse('/openapi/v3')!.body)) as { paths: Record<string, { serverRelativeURL: string }> };
  assert.deepEqual(Object.keys(index.paths), ['api/v1', 'apis/apps/v1', 'apis/networking.k8s.io/v1', 'apis/policy/v1', 'apis/rbac.authorization.k8s.io/v1']);
  assert.match(index.paths['api/v1'].serverRelativeURL, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  assert.ok(openApiResponse(index.paths['apis/apps/v1'].serverRelativeURL));
});

test('PATCH operations declare fieldValidation and carry the GVK, as kubectl checks', () => {
  const doc = JSON.parse(String(openApiResponse('/openapi/v3/api/v1')!.body));
  const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], pod);
  assert.equal(patch.operationId, 'patchCoreV1NamespacedPod');
  assert.deepEqual(patch.parameters.map((p: { name: string }) => p.name), ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  assert.ok(doc.components.schemas['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']);
  assert.equal(doc.paths['/api/v1/namespaces/{namespace}/pods'].delete.operationId, 'deleteCoreV1CollectionNamespacedPod');
});

test('swagger 2.0 uses #/definitions refs and body parameters', () => {
  const doc = JSON.parse(String(openApiResponse('/openapi/v2')!.body));
  assert.equal(doc.swagger, '2.0');
  assert.equal(doc.definitions['io.k8s.api.core.v1.Pod'].properties.spec.$ref, '#/definitions/io.k8s.api.core.v1.PodSpec');
  const post = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post;
  assert.equal(post.parameters[0].in, 'body');
  assert.ok(!JSON.stringify(doc).includes('#/components/'));
});

test('paths that are not ours', () => {
  for (const path of ['/openapi/v3/apis/batch/v1', '/openapi/v1', '/api/v1']) assert.equal(openApiResponse(path), undefined);
});

test('IntOrString and Quantity are v3 oneOf types without a type, and v2 strings', () => {
  const v3 = JSON.parse(String(openApiResponse('/openapi/v3/api/v1')!.body)).components.schemas;
  assert.deepEqual(v3['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf, [{ type: 'integer' }, { type: 'string' }]);
  assert.equal(v3['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type, undefined);
  assert.deepEqual(v3['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf, [{ type: 'string' }, { type: 'number' }]);
  const v2 = JSON.parse(String(openApiResponse('/openapi/v2')!.body)).definitions;
  assert.equal(v2['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type, 'string');
  assert.equal(v2['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format, 'int-or-string');
  assert.equal(v2['io.k8s.apimachinery.pkg.api.resource.Quantity'].type, 'string');
  assert.equal(v2['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf, undefined);
});
