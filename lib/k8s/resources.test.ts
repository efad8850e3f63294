import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiVersionOf, countOf, findResource, namespaces, pods, RESOURCES } from './resources';

test('each descriptor is unique and well formed', () => {
  const seen = new Set<string>();
  for (const d of RESOURCES) {
    const id = `${d.group}/${d.resource}`;
    assert.ok(!seen.has(id), `${id} twice`);
    seen.add(id);
    assert.match(d.resource, /^[a-z]+$/);
    assert.equal(d.singular, d.kind.toLowerCase());
    assert.ok(d.columns.length > 0);
  }
});

test('names resolve as kubectl resolves them', () => {
  const cases: [string, string | undefined][] = [
    ['po', 'pods'], ['pod', 'pods'], ['Pods', 'pods'], ['Pod', 'pods'], ['ns', 'namespaces'], ['deploy', 'deployments'],
    ['rs', 'replicasets'], ['svc', 'services'], ['cm', 'configmaps'], ['sa', 'serviceaccounts'], ['quota', 'resourcequotas'],
    ['limits', 'limitranges'], ['ev', 'events'], ['no', 'nodes'], ['widgets', undefined],
  ];
  for (const [name, resource] of cases) assert.equal(findResource(name)?.resource, resource, name);
});

test('apiVersion and counts', () => {
  assert.equal(apiVersionOf(pods), 'v1');
  assert.equal(apiVersionOf(findResource('deployments')!), 'apps/v1');
  assert.equal(countOf(pods, 1), '1 pod');
  assert.equal(countOf(namespaces, 0), '0 namespaces');
  assert.deepEqual(namespaces.columns, ['NAME', 'STATUS', 'AGE']);
});
