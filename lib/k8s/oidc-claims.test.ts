import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oidcGroups, oidcUsername, oidcUsernamePrefix } from './oidc-claims';

const ISSUER = 'https://idp.example';

test('the username prefix as kube-apiserver resolves it', () => {
  const cases: [claim: string, prefix: string | undefined, expected: string][] = [
    ['sub', undefined, 'https://idp.example#'],
    ['email', undefined, ''],
    ['sub', '-', ''],
    ['email', 'oidc:', 'oidc:'],
  ];
  for (const [claim, prefix, expected] of cases) assert.equal(oidcUsernamePrefix(ISSUER, claim, prefix), expected, `${claim} ${prefix}`);
});

test('the username from its claim; none when missing, empty, not a string, or an unverified email', () => {
  const rules = (usernameClaim: string) => ({ usernameClaim, usernamePrefix: 'oidc:' });
  const cases: [claims: Record<string, unknown>, claim: string, expected: string | undefined][] = [
    [{ sub: 'alice' }, 'sub', 'oidc:alice'],
    [{ sub: '' }, 'sub', undefined],
    [{ sub: 42 }, 'sub', undefined],
    [{}, 'sub', undefined],
    [{ email: 'a@example.com' }, 'email', 'oidc:a@example.com'],
    [{ email: 'a@example.com', email_verified: true }, 'email', 'oidc:a@example.com'],
    [{ email: 'a@example.com', email_verified: false }, 'email', undefined],
  ];
  for (const [claims, claim, expected] of cases) assert.equal(oidcUsername(claims, rules(claim)), expected, JSON.stringify(claims));
});

test('the groups from a string or a list of strings, each prefixed; none without a claim name', () => {
  const rules = { groupsClaim: 'groups', groupsPrefix: 'oidc:' };
  assert.deepEqual(oidcGroups({ groups: ['a', 'b'] }, rules), ['oidc:a', 'oidc:b']);
  assert.deepEqual(oidcGroups({ groups: 'a' }, rules), ['oidc:a']);
  assert.deepEqual(oidcGroups({ groups: ['a', 1, null] }, rules), ['oidc:a']);
  assert.deepEqual(oidcGroups({ groups: { a: true } }, rules), []);
  assert.deepEqual(oidcGroups({ groups: ['a'] }, { groupsClaim: 'groups' }), ['a']);
  assert.deepEqual(oidcGroups({ groups: ['a'] }, {}), []);
});
