import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthenticationV1Api, AuthorizationV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { statusOf } from '../test-helpers';
import { startEmbeddedCluster, type EmbeddedCluster } from '../index';

// The review APIs through client-node, as an app (the console's team mode) calls them.
describe('embedded cluster: SelfSubjectReview, TokenReview and the access reviews', () => {
  let cluster: EmbeddedCluster;
  const clientsFor = (token: string) => {
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    kc.users[0] = { name: 'embedded', token };
    return { authn: kc.makeApiClient(AuthenticationV1Api), authz: kc.makeApiClient(AuthorizationV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api) };
  };
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
  });
  after(() => cluster.stop());

  it('tells a user who they are (SelfSubjectReview)', async () => {
    const review = await clientsFor(cluster.tokens.bob).authn.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.deepEqual({ ...review.status?.userInfo }, { username: 'bob', groups: ['system:authenticated'] });
  });

  it('authenticates tokens for the caller (TokenReview)', async () => {
    const { authn } = clientsFor(cluster.tokens.admin);
    const known = await authn.createTokenReview({ body: { spec: { token: cluster.tokens.alice } } });
    assert.equal(known.status?.authenticated, true);
    assert.deepEqual({ ...known.status?.user }, { username: 'alice', groups: ['developers', 'system:authenticated'] });
    const unknown = await authn.createTokenReview({ body: { spec: { token: 'not-a-token' } } });
    assert.equal(unknown.status?.authenticated, undefined);
    const empty = await statusOf(authn.createTokenReview({ body: { spec: { token: '' } } }));
    assert.equal(empty.message, 'token is required for TokenReview in authentication');
    const bob = await statusOf(clientsFor(cluster.tokens.bob).authn.createTokenReview({ body: { spec: { token: cluster.tokens.alice } } }));
    assert.equal(bob.code, 403);
    assert.equal(bob.message, 'tokenreviews.authentication.k8s.io is forbidden: User "bob" cannot create resource "tokenreviews" in API group "authentication.k8s.io" at the cluster scope');
  });

  it('answers SelfSubjectAccessReview with the binding that allows', async () => {
    const { authz } = clientsFor(cluster.tokens.alice);
    const ask = (namespace: string, verb: string, resource: string, group = '') =>
      authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { namespace, verb, resource, group } } } });
    const allowed = await ask('team-a', 'create', 'deployments', 'apps');
    assert.deepEqual({ ...allowed.status }, { allowed: true, reason: 'RBAC: allowed by RoleBinding "developers-edit/team-a" of ClusterRole "edit" to Group "developers"' });
    assert.deepEqual({ ...(await ask('default', 'create', 'deployments', 'apps')).status }, { allowed: false });
    const discovery = await authz.createSelfSubjectAccessReview({ body: { spec: { nonResourceAttributes: { path: '/apis/apps', verb: 'get' } } } });
    assert.equal(discovery.status?.reason, 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"');
    const both = await statusOf(authz.createSelfSubjectAccessReview({ body: { spec: {} } }));
    assert.equal(both.code, 422);
  });

  it('answers SubjectAccessReview and LocalSubjectAccessReview for others, with resolution errors as the reason', async () => {
    const { authz, rbac } = clientsFor(cluster.tokens.admin);
    const sar = await authz.createSubjectAccessReview({ body: { spec: { user: 'bob', resourceAttributes: { namespace: 'team-a', verb: 'get', resource: 'pods', subresource: 'log' } } } });
    assert.deepEqual({ ...sar.status }, { allowed: true, reason: 'RBAC: allowed by RoleBinding "bob-view/team-a" of ClusterRole "view" to User "bob"' });
    await rbac.createNamespacedRoleBinding({
      namespace: 'default',
      body: { metadata: { name: 'dangling' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'missing' }, subjects: [{ kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' }] },
    });
    const local = await authz.createNamespacedLocalSubjectAccessReview({
      namespace: 'default',
      body: { spec: { user: 'bob', resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } } },
    });
    assert.deepEqual({ ...local.status }, { allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "missing" not found' });
    const nobody = await statusOf(authz.createSubjectAccessReview({ body: { spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } } }));
    assert.equal(nobody.code, 422);
    const alice = await statusOf(clientsFor(cluster.tokens.alice).authz.createSubjectAccessReview({ body: { spec: { user: 'bob', resourceAttributes: { verb: 'get', resource: 'pods' } } } }));
    assert.equal(alice.message, 'subjectaccessreviews.authorization.k8s.io is forbidden: User "alice" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope');
  });

  it("lists a user's rules in a namespace (SelfSubjectRulesReview)", async () => {
    const { authz } = clientsFor(cluster.tokens.bob);
    const review = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'team-a' } } });
    const status = review.status;
    assert.equal(status?.incomplete, false);
    assert.ok(status?.resourceRules.some((r) => r.resources?.includes('pods') && r.verbs.join() === 'get,list,watch' && r.apiGroups?.join() === ''));
    assert.ok(status?.resourceRules.some((r) => r.resources?.includes('selfsubjectrulesreviews')));
    assert.ok(status?.nonResourceRules.some((r) => r.nonResourceURLs?.includes('/version')));
    const elsewhere = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'default' } } });
    assert.ok(!elsewhere.status?.resourceRules.some((r) => r.resources?.includes('pods')));
    const none = await statusOf(authz.createSelfSubjectRulesReview({ body: { spec: {} } }));
    assert.equal(none.message, 'no namespace on request');
  });
});
