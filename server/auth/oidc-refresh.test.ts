import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OidcError, type OidcClient, type OidcTokens } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import { createOidcRefresher, REFRESH_MARGIN_MS } from './oidc-refresh';
import type { Session } from './session-cookie';

const CONFIG: OidcConfig = {
  issuer: 'https://idp.example',
  clientId: 'console',
  scopes: ['openid'],
  credential: 'id-token',
  usernameClaim: 'sub',
  usernamePrefix: '',
  groupsClaim: 'groups',
  groupsPrefix: 'oidc:',
  providerName: 'idp.example',
  publicUrl: 'https://console.example',
};
const NOW = 1_000_000_000;

const session = (overrides: Partial<Session> = {}): Session => ({
  sid: 's1',
  username: 'alice',
  groups: ['developers'],
  token: 'id-1',
  server: 'https://api.example',
  refreshToken: 'rt-1',
  tokenExpiresAt: NOW + REFRESH_MARGIN_MS / 2,
  tokensAt: NOW - 1000,
  authAt: NOW - 1000,
  seenAt: NOW - 1000,
  ...overrides,
});

/** A provider that hands out `id-<n>`/`rt-<n>` in turn, or fails as told; counts its refreshes. */
function fakeClient(fail?: OidcError) {
  let n = 1;
  const redeemed: string[] = [];
  const client: Pick<OidcClient, 'refresh'> = {
    async refresh(refreshToken) {
      redeemed.push(refreshToken);
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw fail;
      n++;
      const tokens: OidcTokens = { idToken: `id-${n}`, refreshToken: `rt-${n}`, expiresAt: NOW + 3_600_000, claims: { sub: 'alice', groups: ['qa'] } };
      return tokens;
    },
  };
  return { client: client as OidcClient, redeemed };
}

const make = (client: OidcClient, config: OidcConfig = CONFIG) => {
  const warnings: string[] = [];
  const refresher = createOidcRefresher({ client, config, absoluteMs: 12 * 3_600_000, log: { warn: (line: string) => warnings.push(line) }, now: () => NOW });
  return { refresher, warnings };
};

describe('oidc refresh', () => {
  test('a session with more than the margin left is not refreshed', async () => {
    const { client, redeemed } = fakeClient();
    const fresh = session({ tokenExpiresAt: NOW + REFRESH_MARGIN_MS + 1 });
    assert.equal(await make(client).refresher.fresh(fresh), fresh);
    assert.deepEqual(redeemed, []);
  });

  test('within the margin it is refreshed once for concurrent uses, and later copies of the old cookie get the new tokens', async () => {
    const { client, redeemed } = fakeClient();
    const { refresher } = make(client);
    const [a, b] = await Promise.all([refresher.fresh(session()), refresher.fresh(session())]);
    assert.deepEqual(redeemed, ['rt-1'], 'one redemption: a rotated refresh token is good once');
    assert.equal(a?.token, 'id-2');
    assert.equal(b?.token, 'id-2');
    assert.equal(a?.refreshToken, 'rt-2');
    assert.equal(a?.tokensAt, NOW);
    // The browser still sends the cookie sealed before the refresh: the newer tokens kept here win.
    assert.equal((await refresher.fresh(session()))?.token, 'id-2');
    assert.deepEqual(redeemed, ['rt-1']);
  });

  test('impersonation keeps no ID token and takes the groups of the refreshed ID token', async () => {
    const { client } = fakeClient();
    const refreshed = await make(client, { ...CONFIG, credential: 'impersonate' }).refresher.fresh(session({ token: undefined, server: undefined }));
    assert.equal(refreshed?.token, undefined);
    assert.deepEqual(refreshed?.groups, ['oidc:qa']);
  });

  const cases: { name: string; fail?: OidcError; overrides?: Partial<Session>; ends: boolean }[] = [
    { name: 'the provider refuses (invalid_grant)', fail: new OidcError('invalid_grant: grant request is invalid', true), ends: true },
    { name: 'the provider cannot be reached while the ID token still works', fail: new OidcError('fetch failed', false), ends: false },
    { name: 'the provider cannot be reached and the ID token has expired', fail: new OidcError('fetch failed', false), overrides: { tokenExpiresAt: NOW - 1 }, ends: true },
    { name: 'no refresh token while the ID token still works', overrides: { refreshToken: undefined }, ends: false },
    { name: 'no refresh token and the ID token has expired', overrides: { refreshToken: undefined, tokenExpiresAt: NOW }, ends: true },
  ];
  for (const { name, fail, overrides, ends } of cases) {
    test(`${name}: the session ${ends ? 'ends' : 'goes on with its token'}`, async () => {
      const { client } = fakeClient(fail);
      const { refresher, warnings } = make(client);
      const before = session(overrides);
      const after = await refresher.fresh(before);
      if (ends) assert.equal(after, null);
      else assert.equal(after?.token, 'id-1');
      if (fail?.refused) assert.match(warnings.join('\n'), /session of "alice" ended: the identity provider refused its refresh \(invalid_grant/);
      assert.equal(warnings.length, ends ? 1 : 0, 'an ended session is logged, with why');
    });
  }
});
