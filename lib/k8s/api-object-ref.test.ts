import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiObjectRef } from './api-object-ref';

const cases: [string, ReturnType<typeof apiObjectRef>][] = [
  ['api/v1/namespaces/default/pods/kubia', { apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods', name: 'kubia' }],
  ['api/v1/namespaces/default/pods', { apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods' }],
  ['api/v1/namespaces/default/pods/kubia/eviction', { apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods', name: 'kubia', subresource: 'eviction' }],
  ['api/v1/namespaces/team-a', { apiGroup: '', apiVersion: 'v1', resource: 'namespaces', name: 'team-a' }],
  ['api/v1/namespaces/team-a/finalize', { apiGroup: '', apiVersion: 'v1', resource: 'namespaces', name: 'team-a', subresource: 'finalize' }],
  ['api/v1/nodes/node-1', { apiGroup: '', apiVersion: 'v1', resource: 'nodes', name: 'node-1' }],
  ['apis/apps/v1/namespaces/default/deployments/web/scale', { apiGroup: 'apps', apiVersion: 'v1', namespace: 'default', resource: 'deployments', name: 'web', subresource: 'scale' }],
  ['apis/rbac.authorization.k8s.io/v1/clusterroles', { apiGroup: 'rbac.authorization.k8s.io', apiVersion: 'v1', resource: 'clusterroles' }],
  ['version', null],
  ['openapi/v3', null],
];

test('apiObjectRef reads group, version, namespace, resource, name and subresource as the API server does', () => {
  for (const [path, expected] of cases) assert.deepEqual(apiObjectRef(path.split('/')), expected, path);
});
