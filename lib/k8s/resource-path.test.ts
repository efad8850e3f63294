import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourcePath, splitApiVersion, type ResourceLocation } from './resource-path';
import { deployments, namespaces, nodes, pods } from './resources';

test('paths are laid out as the API server serves them', () => {
  const cases: [ResourceLocation, string][] = [
    [{ version: 'v1' }, '/api/v1'],
    [{ group: 'apps', version: 'v1' }, '/apis/apps/v1'],
    [{ ...pods }, '/api/v1/pods'],
    [{ ...pods, namespace: 'default' }, '/api/v1/namespaces/default/pods'],
    [{ ...pods, namespace: 'default', name: 'kubia' }, '/api/v1/namespaces/default/pods/kubia'],
    [{ ...pods, namespace: 'default', name: 'kubia', subresource: 'log', query: { follow: true, tailLines: 10, container: undefined } }, '/api/v1/namespaces/default/pods/kubia/log?follow=true&tailLines=10'],
    [{ ...deployments, namespace: 'web' }, '/apis/apps/v1/namespaces/web/deployments'],
    [{ ...namespaces, name: 'custom-namespace' }, '/api/v1/namespaces/custom-namespace'],
    // A cluster-scoped kind ignores a namespace it was handed.
    [{ ...nodes, namespace: 'default', name: 'node-1' }, '/api/v1/nodes/node-1'],
    [{ ...pods, namespace: 'default', query: { dryRun: 'All', labelSelector: 'env in (prod,devel)' } }, '/api/v1/namespaces/default/pods?dryRun=All&labelSelector=env+in+%28prod%2Cdevel%29'],
  ];
  for (const [location, path] of cases) assert.equal(resourcePath(location), path);
});

test('names and namespaces are encoded, so data cannot step into another path', () => {
  assert.equal(resourcePath({ ...pods, namespace: 'a/b', name: '../x?y' }), '/api/v1/namespaces/a%2Fb/pods/..%2Fx%3Fy');
  assert.equal(resourcePath({ group: 'x/y', version: 'v1', resource: 'things' }), '/apis/x%2Fy/v1/things');
});

test('a pod proxy path keeps the port and the target path as typed', () => {
  assert.equal(
    resourcePath({ ...pods, namespace: 'default', name: 'kubia', port: 8080, subresource: 'proxy', proxyPath: '/healthz?verbose=1' }),
    '/api/v1/namespaces/default/pods/kubia:8080/proxy/healthz?verbose=1',
  );
  assert.equal(resourcePath({ ...pods, namespace: 'd', name: 'k', port: 80, subresource: 'proxy', proxyPath: 'x', query: { a: 1 } }), '/api/v1/namespaces/d/pods/k:80/proxy/x?a=1');
  assert.equal(resourcePath({ ...pods, namespace: 'd', name: 'k', port: 80, subresource: 'proxy', proxyPath: '/x?b=2', query: { a: 1 } }), '/api/v1/namespaces/d/pods/k:80/proxy/x?b=2&a=1');
});

test('apiVersion splits into group and version', () => {
  assert.deepEqual(splitApiVersion('v1'), { group: '', version: 'v1' });
  assert.deepEqual(splitApiVersion('apps/v1'), { group: 'apps', version: 'v1' });
});
