import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lineColumn } from './manifest-documents';
import { validateManifest, type SchemaLookup } from './manifest-validation';
import type { OpenApiSchemas } from './openapi-types';

// The embedded cluster's schemas are Kubernetes 1.32's for the kinds it serves: real shapes to test on.
const file = new URL('../../server/embedded-cluster/openapi/generated/schemas.json', import.meta.url);
const schemas = (JSON.parse(readFileSync(file, 'utf8')) as { schemas: OpenApiSchemas }).schemas;
const lookup: SchemaLookup = (apiVersion) => (apiVersion === 'v1' || apiVersion === 'apps/v1' ? schemas : null);

/** Each problem as `line:column message`. */
function problems(text: string, options = {}, look = lookup): string[] {
  return validateManifest(text, look, options).problems.map((p) => {
    const { line, column } = lineColumn(text, p.from);
    return `${line}:${column} ${p.message}`;
  });
}

const pod = (spec: string, meta = '  name: kubia\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;

const cases: [string, string, string[]][] = [
  ['a valid pod', pod('  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n      protocol: TCP\n'), []],
  ['an unknown field, in the Strict wording, at its key', pod('  foo: 1\n  containers:\n  - name: a\n    image: b\n'), ['6:3 unknown field "spec.foo"']],
  ['unknown fields in list items', pod('  containers:\n  - name: a\n    image: b\n    prots: []\n'), ['9:5 unknown field "spec.containers[0].prots"']],
  ['a missing image', pod('  containers:\n  - name: a\n'), ['7:5 spec.containers[0].image: Required value']],
  ['missing containers', pod('  nodeSelector: {}\n'), ['5:1 spec.containers: Required value']],
  ['a wrong type', pod('  containers:\n  - name: a\n    image: b\n    ports:\n    - containerPort: http\n'), ['10:7 spec.containers[0].ports[0].containerPort: Invalid value: "http": must be an integer, not a string']],
  ['a boolean in a string map', pod('  nodeSelector:\n    gpu: true\n  containers:\n  - {name: a, image: b}\n'), ['7:5 spec.nodeSelector.gpu: Invalid value: true: must be a string, not a boolean']],
  ['IntOrString takes both', pod('  containers:\n  - name: a\n    image: b\n    livenessProbe:\n      httpGet: {port: 8080}\n    readinessProbe:\n      httpGet: {port: http}\n'), []],
  ['a bad name', pod('  containers:\n  - {name: a, image: b}\n', '  name: Kubia\n'), ['4:3 metadata.name: Invalid value: "Kubia": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')']],
  ['no name', pod('  containers:\n  - {name: a, image: b}\n', '  labels: {}\n'), ['3:1 metadata.name: Required value: name or generateName is required']],
  ['a bad label value at its key', pod('  containers:\n  - {name: a, image: b}\n', '  name: a\n  labels:\n    env: "-x"\n'), [`6:5 metadata.labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`]],
  ['no apiVersion', 'kind: Pod\n', ["1:1 Object 'apiVersion' is missing in the document"]],
  ['a kind the cluster does not serve', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\n', ['2:1 no matches for kind "Job" in version "batch/v1"']],
  ['a YAML error', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n', ['4:9 Nested mappings are not allowed in compact mappings']],
  ['JSON', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "dta": {}}', ['1:70 unknown field "dta"']],
  ['the second document counts its own lines', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a}]}\n', ['8:21 spec.containers[0].image: Required value']],
];
for (const [title, text, want] of cases) test(`validateManifest: ${title}`, () => assert.deepEqual(problems(text), want));

test('validateManifest: the -n namespace against the object\'s own, in kubectl\'s words', () => {
  const text = pod('  containers:\n  - {name: a, image: b}\n', '  name: a\n  namespace: other\n');
  assert.deepEqual(problems(text, { namespace: 'custom-namespace' }), [
    `5:3 the namespace from the provided object "other" does not match the namespace "custom-namespace". You must pass '--namespace=other' to perform this operation.`,
  ]);
});

test('validateManifest: enumerations, from a schema that has them', () => {
  const withEnum: OpenApiSchemas = structuredClone(schemas);
  withEnum['io.k8s.api.core.v1.PodSpec'].properties!.restartPolicy.enum = ['Always', 'Never', 'OnFailure'];
  assert.deepEqual(problems(pod('  restartPolicy: Sometimes\n  containers:\n  - {name: a, image: b}\n'), {}, () => withEnum), [
    '6:3 spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
  ]);
});

test('validateManifest: documents whose schemas are loading are reported as pending', () => {
  const result = validateManifest('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n', () => undefined);
  assert.deepEqual(result, { problems: [], pending: ['apps/v1'] });
});
