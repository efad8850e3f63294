import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessAttributes, deniedReason, selfSubjectAccessReview } from './access-attributes';
import { deployments, namespaces, nodes, pods } from './resources';

test('accessAttributes: namespaced kinds carry the namespace, cluster-scoped kinds never do', () => {
  assert.deepEqual(accessAttributes(pods, 'patch', 'default'), { verb: 'patch', group: '', resource: 'pods', namespace: 'default' });
  assert.deepEqual(accessAttributes(pods, 'deletecollection'), { verb: 'deletecollection', group: '', resource: 'pods' });
  assert.deepEqual(accessAttributes(nodes, 'patch', 'default'), { verb: 'patch', group: '', resource: 'nodes' });
  assert.deepEqual(accessAttributes(namespaces, 'create'), { verb: 'create', group: '', resource: 'namespaces' });
  assert.deepEqual(accessAttributes(deployments, 'update', 'web', { subresource: 'scale', name: 'front' }), { verb: 'update', group: 'apps', resource: 'deployments', namespace: 'web', subresource: 'scale', name: 'front' });
});

test('selfSubjectAccessReview: the attributes go in spec.resourceAttributes', () => {
  assert.deepEqual(selfSubjectAccessReview({ verb: 'delete', group: '', resource: 'pods', namespace: 'default' }), {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { verb: 'delete', group: '', resource: 'pods', namespace: 'default' } },
  });
});

test('deniedReason: says the verb, the resource (with its group), and where', () => {
  assert.equal(deniedReason(accessAttributes(pods, 'patch', 'default')), 'You may not patch pods in default (RBAC)');
  assert.equal(deniedReason(accessAttributes(pods, 'deletecollection', 'kube-system')), 'You may not delete (as a collection) pods in kube-system (RBAC)');
  assert.equal(deniedReason(accessAttributes(nodes, 'patch')), 'You may not patch nodes (RBAC)');
  assert.equal(deniedReason(accessAttributes(deployments, 'update', 'web', { subresource: 'scale', name: 'front' })), 'You may not update deployments/scale.apps front in web (RBAC)');
});
