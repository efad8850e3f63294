import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { startEmbeddedCluster, type EmbeddedCluster } from '../index';
import { createKubectl, type Kubectl } from '../testing/kubectl';
import { parseTable } from '../testing/kubectl-table';
import { startOidcProvider, type LocalOidcProvider } from '../testing/oidc-provider';
import { rawRequest } from '../testing/raw-request';

// kube-apiserver's --oidc-* authenticator against a real OpenID provider run here: ID tokens from the
// authorization code flow list pods as the user their claims name; a wrong audience or an expired
// token is 401.
describe('embedded cluster: OIDC ID tokens from a local OpenID provider', () => {
  let provider: LocalOidcProvider;
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    provider = await startOidcProvider({ groups: { carol: ['team-a-devs'] } });
    cluster = await startEmbeddedCluster({
      port: 0,
      seed: { name: 'demo' },
      oidc: { issuerUrl: provider.issuer, clientId: 'pilothouse', usernameClaim: 'email', groupsClaim: 'groups', groupsPrefix: 'oidc:', caCert: provider.caCert },
    });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl?.dispose();
    await cluster?.stop();
    await provider?.stop();
  });

  it('authenticates the ID token as the email claim, with prefixed groups', async () => {
    const token = await provider.idToken({ clientId: 'pilothouse', account: 'carol' });
    const who = await kubectl.run(['--token', token, 'auth', 'whoami']);
    assert.equal(who.code, 0, who.stderr);
    assert.deepEqual(parseTable(who.stdout).rows, [
      { ATTRIBUTE: 'Username', VALUE: 'carol@example.com' },
      { ATTRIBUTE: 'Groups', VALUE: '[oidc:team-a-devs system:authenticated]' },
    ]);
    const denied = await kubectl.run(['--token', token, 'get', 'pods', '-n', 'team-a']);
    assert.match(denied.stderr, /pods is forbidden: User "carol@example\.com" cannot list resource "pods" in API group "" in the namespace "team-a"/);
    await kubectl.ok(['create', 'rolebinding', 'oidc-devs', '--clusterrole=view', '--group=oidc:team-a-devs', '-n', 'team-a']);
    const pods = await kubectl.run(['--token', token, 'get', 'pods', '-n', 'team-a']);
    assert.equal(pods.code, 0, pods.stderr);
    assert.equal(pods.stderr, 'No resources found in team-a namespace.\n');
  });

  it('answers 401 Unauthorized to a token for another audience', async () => {
    const token = await provider.idToken({ clientId: 'other-app', account: 'carol' });
    assert.deepEqual(decodeJwt(token).aud, 'other-app');
    await assertUnauthorized(token);
  });

  it('answers 401 Unauthorized to an expired token', async () => {
    provider.setIdTokenTtl(1);
    const token = await provider.idToken({ clientId: 'pilothouse', account: 'carol' });
    provider.setIdTokenTtl(3600);
    const exp = decodeJwt(token).exp ?? 0;
    // Waits on the clock, not a fixed sleep: until the token's exp has passed.
    while (Date.now() / 1000 <= exp + 0.5) await new Promise((resolve) => setTimeout(resolve, 100));
    await assertUnauthorized(token);
  });

  async function assertUnauthorized(token: string) {
    const res = await rawRequest(cluster, { path: '/api/v1/namespaces/team-a/pods', token });
    assert.equal(res.status, 401);
    assert.deepEqual(res.json(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    const out = await kubectl.run(['--token', token, 'get', 'pods', '-n', 'team-a']);
    assert.equal(out.stderr, 'error: You must be logged in to the server (Unauthorized)\n');
  }
});
