import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeTarget } from './write-target';

const cases: [method: string, url: string, expected: ReturnType<typeof writeTarget>][] = [
  ['GET', '/api/clusters/embedded/k8s/api/v1/pods', null],
  ['HEAD', '/pods', null],
  ['POST', '/api/auth/login', null],
  ['POST', '/api/auth/logout', null],
  ['POST', '/socket.io/?EIO=4&transport=polling&sid=x', null],
  ['POST', '/api/clusters/embedded/secrets/default/db/reveal', null],
  ['POST', '/api/clusters/embedded/k8s/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', null],
  // Only the self review reads: a SubjectAccessReview about others, or a traversal past the review, is still a write.
  ['POST', '/api/clusters/embedded/k8s/apis/authorization.k8s.io/v1/subjectaccessreviews', { context: 'embedded', apiGroup: 'authorization.k8s.io', apiVersion: 'v1', resource: 'subjectaccessreviews', verb: 'create' }],
  ['PATCH', '/api/clusters/embedded/k8s/api/v1/namespaces/default/pods/kubia?fieldManager=pilothouse', { context: 'embedded', apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods', name: 'kubia', verb: 'patch' }],
  ['DELETE', '/api/clusters/embedded/k8s/api/v1/namespaces/default/pods?labelSelector=app%3Dkubia', { context: 'embedded', apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods', verb: 'deletecollection' }],
  ['PUT', '/api/clusters/arn%3Aaws%3Aeks%2Fprod/k8s/apis/apps/v1/namespaces/web/deployments/front', { context: 'arn:aws:eks/prod', apiGroup: 'apps', apiVersion: 'v1', namespace: 'web', resource: 'deployments', name: 'front', verb: 'update' }],
  ['POST', '/api/clusters/embedded/manifests', { context: 'embedded', verb: 'create', resource: 'manifests' }],
  // Anything else that is not a read is a write: read-only mode fails closed.
  ['POST', '/pods', { verb: 'create' }],
  ['OPTIONS', '/api/clusters/embedded/k8s/api/v1/pods', { context: 'embedded', apiGroup: '', apiVersion: 'v1', resource: 'pods', verb: 'options' }],
  ['POST', '/api/clusters/embedded/secrets/default/db/reveal/../../../k8s/api/v1/namespaces/default/configmaps', { verb: 'create' }],
];

test('writeTarget: every method but GET and HEAD is a write, except the login flow, the socket transport, the Secret reveal and SelfSubjectAccessReview', () => {
  for (const [method, url, expected] of cases) assert.deepEqual(writeTarget({ method, url }), expected, `${method} ${url}`);
});
