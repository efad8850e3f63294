import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { buildUsersKubeconfig, kubeconfigYaml } from './kubeconfig';
import { TEAM_USERS } from './seeds/team-access';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { parseTable } from './testing/kubectl-table';

// RBAC, impersonation and the review APIs as kubectl sees them, against the demo seed's users: alice
// (group `developers`, `edit` in team-a), bob (`view` in team-a), viewer (reads everything), admin.
describe('kubectl against the embedded cluster: users, RBAC, impersonation, can-i, whoami', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });
  const as = (user: keyof EmbeddedCluster['tokens'], args: string[]) => kubectl.run(['--token', cluster.tokens[user], ...args]);

  it('lets bob read team-a and forbids the rest in the API server wording', async () => {
    const inTeam = await kubectl.run(['get', 'pods', '--as', 'bob', '-n', 'team-a']);
    assert.equal(inTeam.code, 0, inTeam.stderr);
    assert.equal(inTeam.stderr, 'No resources found in team-a namespace.\n');
    const elsewhere = await kubectl.run(['get', 'pods', '--as', 'bob', '-n', 'default']);
    assert.equal(elsewhere.code, 1);
    assert.equal(
      elsewhere.stderr,
      'Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"\n',
    );
    const remove = await as('bob', ['delete', 'pod', 'nothing', '-n', 'team-a']);
    assert.equal(
      remove.stderr,
      'Error from server (Forbidden): pods "nothing" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "team-a"\n',
    );
    const logs = await as('bob', ['auth', 'can-i', 'get', 'pods', '--subresource', 'log', '-n', 'team-a']);
    assert.equal(logs.stdout, 'yes\n');
  });

  it('applies roles and bindings made with kubectl create at once', async () => {
    const denied = await as('bob', ['get', 'configmaps', '-n', 'default']);
    assert.match(denied.stderr, /configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "default"/);
    await kubectl.ok(['create', 'role', 'cm-reader', '--verb=get,list', '--resource=configmaps', '-n', 'default']);
    await kubectl.ok(['create', 'rolebinding', 'bob-cm', '--role=cm-reader', '--user=bob', '-n', 'default']);
    const allowed = await as('bob', ['get', 'configmaps', '-n', 'default', '-o', 'name']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /configmap\/kube-root-ca.crt|^$/);
    assert.equal((await as('bob', ['get', 'nodes'])).code, 1);
    await kubectl.ok(['create', 'clusterrole', 'node-reader', '--verb=get,list,watch', '--resource=nodes']);
    await kubectl.ok(['create', 'clusterrolebinding', 'bob-nodes', '--clusterrole=node-reader', '--user=bob']);
    const bindings = parseTable((await kubectl.ok(['get', 'rolebindings', '-n', 'default', '-o', 'wide'])).stdout);
    assert.deepEqual(bindings.headers, ['NAME', 'ROLE', 'AGE', 'USERS', 'GROUPS', 'SERVICEACCOUNTS']);
    assert.equal(bindings.rows.find((r) => r.NAME === 'bob-cm')?.ROLE, 'Role/cm-reader');
    const nodes = parseTable((await as('bob', ['get', 'nodes'])).stdout);
    assert.equal(nodes.rows.length, 3);
    await kubectl.ok(['delete', 'clusterrolebinding', 'bob-nodes']);
    assert.match((await as('bob', ['get', 'nodes'])).stderr, /nodes is forbidden: User "bob" cannot list resource "nodes" in API group "" at the cluster scope/);
  });

  it('applies RBAC manifests (client-side and server-side) with OpenAPI validation', async () => {
    const manifest = [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: Role',
      'metadata: {name: manifest-pod-reader, namespace: team-a}',
      'rules: [{apiGroups: [""], resources: [pods], verbs: [get, watch, list]}]',
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleBinding',
      'metadata: {name: read-pods, namespace: team-a}',
      'subjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]',
      'roleRef: {kind: Role, name: manifest-pod-reader, apiGroup: rbac.authorization.k8s.io}',
    ].join('\n');
    const applied = await kubectl.ok(['apply', '-f', '-'], { stdin: manifest });
    assert.equal(applied.stdout, 'role.rbac.authorization.k8s.io/manifest-pod-reader created\nrolebinding.rbac.authorization.k8s.io/read-pods created\n');
    const again = await kubectl.ok(['apply', '--server-side', '-f', '-'], { stdin: manifest });
    assert.equal(again.stdout, 'role.rbac.authorization.k8s.io/manifest-pod-reader serverside-applied\nrolebinding.rbac.authorization.k8s.io/read-pods serverside-applied\n');
    assert.equal((await kubectl.run(['auth', 'can-i', 'watch', 'pods', '-n', 'team-a', '--as', 'jane'])).stdout, 'yes\n');
    const typo = await kubectl.run(['apply', '-f', '-'], { stdin: manifest.replace('verbs:', 'verb:') });
    assert.match(typo.stderr, /unknown field "rules\[0\]\.verb"/);
  });

  it('aggregates a labelled ClusterRole into view, edit and admin', async () => {
    await kubectl.ok(['create', 'clusterrole', 'quota-editor', '--verb=create,delete', '--resource=resourcequotas']);
    assert.equal((await kubectl.run(['auth', 'can-i', 'create', 'resourcequotas', '-n', 'team-a', '--as', 'bob'])).stdout, 'no\n');
    await kubectl.ok(['label', 'clusterrole', 'quota-editor', 'rbac.authorization.k8s.io/aggregate-to-view=true']);
    // The aggregation controller works in the background, as kube-controller-manager's does: wait for it.
    const deadline = Date.now() + 20_000;
    let answer = '';
    while (answer !== 'yes\n' && Date.now() < deadline) {
      answer = (await kubectl.run(['auth', 'can-i', 'create', 'resourcequotas', '-n', 'team-a', '--as', 'bob'])).stdout;
    }
    assert.equal(answer, 'yes\n');
    const admin = JSON.parse((await kubectl.ok(['get', 'clusterrole', 'admin', '-o', 'json'])).stdout) as { rules: { verbs: string[]; resources?: string[] }[] };
    assert.ok(admin.rules.some((r) => r.verbs.join() === 'create,delete' && r.resources?.join() === 'resourcequotas'), 'admin aggregates edit, which aggregates view');
    await kubectl.ok(['delete', 'clusterrole', 'quota-editor']);
  });

  it('answers auth can-i with --as, --as-group and -n', async () => {
    const canI = async (args: string[]) => (await kubectl.run(['auth', 'can-i', ...args])).stdout;
    assert.equal(await canI(['create', 'deployments', '-n', 'team-a', '--as', 'alice', '--as-group', 'developers']), 'yes\n');
    assert.equal(await canI(['create', 'deployments', '-n', 'default', '--as', 'alice', '--as-group', 'developers']), 'no\n');
    // Impersonating a user without groups gives only system:authenticated: alice's group rights are gone.
    assert.equal(await canI(['create', 'deployments', '-n', 'team-a', '--as', 'alice']), 'no\n');
    assert.equal(await canI(['delete', 'pods', '-n', 'team-a', '--as', 'bob']), 'no\n');
    assert.equal(await canI(['get', 'secrets', '-n', 'team-a', '--as', 'bob']), 'no\n');
    assert.equal(await canI(['get', 'secrets', '-n', 'team-a', '--as', 'someone', '--as-group', 'developers']), 'yes\n');
    assert.equal(await canI(['*', '*']), 'yes\n');
    const viewer = await as('viewer', ['auth', 'can-i', 'list', 'nodes']);
    assert.equal(viewer.stdout, 'yes\n');
    assert.equal((await as('viewer', ['auth', 'can-i', 'delete', 'nodes'])).stdout, 'no\n');
  });

  it('answers a SubjectAccessReview created with kubectl, as the console asks it for each team-mode watch', async () => {
    const review = (user: string, groups: string[], verb: string, namespace: string) =>
      JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: { user, groups, resourceAttributes: { verb, version: 'v1', resource: 'pods', namespace } } });
    const allowed = async (...args: Parameters<typeof review>) => {
      const out = await kubectl.run(['create', '-f', '-', '-o', 'jsonpath={.status.allowed}'], { stdin: review(...args) });
      assert.equal(out.code, 0, out.stderr);
      return out.stdout;
    };
    assert.equal(await allowed('alice', ['developers'], 'watch', 'team-a'), 'true');
    assert.equal(await allowed('alice', [], 'watch', 'team-a'), 'false');
    assert.equal(await allowed('bob', [], 'list', 'team-a'), 'true');
    assert.equal(await allowed('bob', [], 'list', 'default'), 'false');
    // Only who may create SubjectAccessReviews may ask about others: bob may not.
    const refused = await kubectl.run(['--token', cluster.tokens.bob, 'create', '-f', '-'], { stdin: review('alice', [], 'list', 'team-a') });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /subjectaccessreviews\.authorization\.k8s\.io is forbidden: User "bob" cannot create resource "subjectaccessreviews" in API group "authorization\.k8s\.io" at the cluster scope/);
  });

  it('lists rules with auth can-i --list as a real cluster prints them', async () => {
    const out = await as('bob', ['auth', 'can-i', '--list', '-n', 'team-a']);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.split('\n');
    assert.match(lines[0] ?? '', /^Resources +Non-Resource URLs +Resource Names +Verbs$/);
    assert.ok(lines.some((l) => /^selfsubjectreviews\.authentication\.k8s\.io +\[\] +\[\] +\[create\]$/.test(l)), out.stdout);
    assert.ok(lines.some((l) => /^pods\/log +\[\] +\[\] +\[get list watch\]$/.test(l)), out.stdout);
    assert.ok(lines.some((l) => /^deployments\.apps +\[\] +\[\] +\[get list watch\]$/.test(l)), out.stdout);
    assert.ok(lines.some((l) => /^ +\[\/api\/\*\] +\[\] +\[get\]$/.test(l)), out.stdout);
    assert.ok(!lines.some((l) => l.startsWith('secrets ')), out.stdout);
    const outside = await as('bob', ['auth', 'can-i', '--list', '-n', 'default']);
    assert.ok(!outside.stdout.split('\n').some((l) => l.startsWith('pods ')), outside.stdout);
  });

  it('prints auth whoami for a token user and an impersonated one', async () => {
    const alice = await as('alice', ['auth', 'whoami']);
    assert.equal(alice.code, 0, alice.stderr);
    assert.deepEqual(parseTable(alice.stdout).rows, [
      { ATTRIBUTE: 'Username', VALUE: 'alice' },
      { ATTRIBUTE: 'Groups', VALUE: '[developers system:authenticated]' },
    ]);
    const impersonated = await kubectl.run(['auth', 'whoami', '--as', 'bob', '--as-group', 'auditors']);
    assert.deepEqual(parseTable(impersonated.stdout).rows, [
      { ATTRIBUTE: 'Username', VALUE: 'bob' },
      { ATTRIBUTE: 'Groups', VALUE: '[auditors system:authenticated]' },
    ]);
    const json = JSON.parse((await kubectl.ok(['auth', 'whoami', '-o', 'json'])).stdout);
    assert.equal(json.kind, 'SelfSubjectReview');
    assert.deepEqual(json.status.userInfo, { username: 'admin', groups: ['system:masters', 'system:authenticated'] });
  });

  it("gives each user a context in the users' kubeconfig (what npm run cluster writes)", async () => {
    const config = buildUsersKubeconfig({ url: cluster.url, caCert: cluster.caCert, tokens: cluster.tokens, namespaces: TEAM_USERS });
    const users = await createKubectl({ kubeconfigYaml: kubeconfigYaml(config) });
    try {
      const contexts = parseTable((await users.ok(['config', 'get-contexts'])).stdout).rows.map((r) => [r.NAME, r.NAMESPACE]);
      assert.deepEqual(contexts, [
        ['embedded', 'default'],
        ['embedded-alice', 'team-a'],
        ['embedded-bob', 'team-a'],
        ['embedded-viewer', 'default'],
      ]);
      const bob = await users.run(['--context', 'embedded-bob', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
      assert.equal(bob.stdout, 'bob');
      assert.equal((await users.run(['--context', 'embedded-bob', 'auth', 'can-i', 'list', 'pods'])).stdout, 'yes\n');
    } finally {
      await users.dispose();
    }
  });

  it('refuses impersonation to a user without the impersonate verb', async () => {
    const out = await as('alice', ['get', 'pods', '-n', 'team-a', '--as', 'bob']);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'Error from server (Forbidden): users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope\n',
    );
    const group = await as('alice', ['get', 'pods', '-n', 'team-a', '--as', 'alice', '--as-group', 'system:masters']);
    assert.match(group.stderr, /users "alice" is forbidden: User "alice" cannot impersonate resource "users"/);
  });

  it('issues service-account tokens that authenticate as the account', async () => {
    const token = (await kubectl.ok(['create', 'token', 'default', '-n', 'team-a'])).stdout.trim();
    const who = await kubectl.run(['--token', token, 'auth', 'whoami']);
    assert.equal(who.code, 0, who.stderr);
    const rows = parseTable(who.stdout).rows;
    assert.equal(rows.find((r) => r.ATTRIBUTE === 'Username')?.VALUE, 'system:serviceaccount:team-a:default');
    assert.equal(rows.find((r) => r.ATTRIBUTE === 'Groups')?.VALUE, '[system:serviceaccounts system:serviceaccounts:team-a system:authenticated]');
    const pods = await kubectl.run(['--token', token, 'get', 'pods', '-n', 'team-a']);
    assert.match(pods.stderr, /User "system:serviceaccount:team-a:default" cannot list resource "pods"/);
  });

  it('lets a user grant only what they hold (escalation check)', async () => {
    await kubectl.ok(['create', 'rolebinding', 'alice-admin', '--clusterrole=admin', '--user=alice', '-n', 'team-a']);
    const ok = await as('alice', ['create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods', '-n', 'team-a']);
    assert.equal(ok.stdout, 'role.rbac.authorization.k8s.io/pod-reader created\n', ok.stderr);
    const grant = await as('alice', ['create', 'role', 'node-reader', '--verb=get,list', '--resource=nodes', '-n', 'team-a']);
    assert.equal(
      grant.stderr,
      'Error from server (Forbidden): roles.rbac.authorization.k8s.io "node-reader" is forbidden: user "alice" (groups=["developers" "system:authenticated"]) ' +
        'is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get" "list"]}\n',
    );
    const bind = await as('alice', ['create', 'rolebinding', 'bob-admin', '--clusterrole=cluster-admin', '--user=bob', '-n', 'team-a']);
    assert.match(bind.stderr, /rolebindings\.rbac\.authorization\.k8s\.io "bob-admin" is forbidden: user "alice" .* is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\]\}/);
    const bound = await as('alice', ['create', 'rolebinding', 'bob-reader', '--role=pod-reader', '--user=bob', '-n', 'team-a']);
    assert.equal(bound.code, 0, bound.stderr);
  });
});
