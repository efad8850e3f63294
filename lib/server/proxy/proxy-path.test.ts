import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBffError } from '@/lib/server/errors';
import { assertNotLongRunning, rawPathProblem, toUpstreamPath } from '@/lib/server/proxy/proxy-path';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return isBffError(error) ? error.code : 'other';
  }
};

const pathCases: [string[], string][] = [
  [['api'], 'ok'],
  [['api', 'v1', 'namespaces', 'default', 'pods'], 'ok'],
  [['api', 'v1', 'namespaces', 'default', 'pods', 'web', 'status'], 'ok'],
  [['apis', 'apps', 'v1', 'namespaces', 'kube-system', 'deployments'], 'ok'],
  [['apis', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', 'system:controller:x'], 'ok'],
  [['openapi', 'v3'], 'ok'],
  [['version'], 'ok'],
  [['healthz'], 'PathNotProxied'],
  [['metrics'], 'PathNotProxied'],
  [[], 'PathNotProxied'],
  [['api', 'v1', 'namespaces', 'Default', 'pods'], 'InvalidPath'],
  [['api', 'v1', 'namespaces', 'a_b'], 'InvalidPath'],
  [['api', 'v1', 'namespaces', 'default', 'pods', '..'], 'InvalidPath'],
  [['api', 'v1', 'namespaces', 'default', 'pods', 'a/b'], 'InvalidPath'],
  [['api', 'v1', 'namespaces', 'default', 'pods', 'a%2fb'], 'InvalidPath'],
  [['api', 'v1', 'pods', ''], 'InvalidPath'],
];

for (const [segments, want] of pathCases) {
  test(`toUpstreamPath /${segments.join('/')} -> ${want}`, () => {
    assert.equal(codeOf(() => toUpstreamPath(segments)), want);
  });
}

test('toUpstreamPath re-encodes segments', () => {
  assert.equal(toUpstreamPath(['apis', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', 'system:a b']), '/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Aa%20b');
});

const rawCases: [string, boolean][] = [
  ['/api/clusters/x/k8s/api/v1/pods', false],
  ['/api/clusters/x/k8s/api/v1/pods?x=../y', false],
  ['/api/clusters/x/k8s/api/../version', true],
  ['/api/clusters/x/k8s/api/./v1', true],
  ['/api/clusters/x/k8s/api/%2e%2E/version', true],
  ['/api/clusters/x/k8s/api/v1/namespaces/a%2Fb/pods', true],
  ['/api/clusters/x/k8s/api/v1/namespaces/a%5cb/pods', true],
  ['/api/clusters/x/k8s/api/v1/pods/...', false],
  ['/api/clusters/arn%3Aaws%3Aeks%3Aeu%3A1%3Acluster%2Fprod/k8s/api/v1/pods', false],
];
for (const [raw, refused] of rawCases) {
  test(`rawPathProblem ${raw} -> ${refused ? 'refused' : 'fine'}`, () => {
    assert.equal(rawPathProblem(raw) !== null, refused);
  });
}

const longRunning: [string[], string, string][] = [
  [['api', 'v1', 'pods'], 'watch=true', 'LongRunningRequest'],
  [['api', 'v1', 'pods'], 'watch=1', 'LongRunningRequest'],
  [['api', 'v1', 'pods'], 'watch=false', 'ok'],
  [['api', 'v1', 'watch', 'pods'], '', 'LongRunningRequest'],
  [['api', 'v1', 'namespaces', 'd', 'pods', 'p', 'log'], 'follow=True', 'LongRunningRequest'],
  [['api', 'v1', 'namespaces', 'd', 'pods', 'p', 'log'], 'tailLines=10', 'ok'],
  [['api', 'v1', 'namespaces', 'd', 'pods', 'p', 'exec'], 'command=ls', 'LongRunningRequest'],
  [['api', 'v1', 'namespaces', 'd', 'pods', 'exec'], '', 'ok'],
];
for (const [segments, query, want] of longRunning) {
  test(`assertNotLongRunning /${segments.join('/')}?${query} -> ${want}`, () => {
    assert.equal(codeOf(() => assertNotLongRunning(segments, new URLSearchParams(query))), want);
  });
}
