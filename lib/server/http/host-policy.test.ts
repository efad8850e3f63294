import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHostPolicy, trustedProxyList } from '@/lib/server/http/host-policy';

const loopback = createHostPolicy({ port: () => 3000, bindHost: '127.0.0.1' });
const behindProxy = createHostPolicy({
  port: () => 3000,
  bindHost: '0.0.0.0',
  publicUrl: 'https://console.example.com',
  trustedProxies: ['10.0.0.0/8', 'fd00::1'],
});

const hostCases: [string, ReturnType<typeof createHostPolicy>, Record<string, string>, string | undefined, boolean][] = [
  ['127.0.0.1 with the port', loopback, { host: '127.0.0.1:3000' }, undefined, true],
  ['localhost, any case', loopback, { host: 'LocalHost:3000' }, undefined, true],
  ['[::1]', loopback, { host: '[::1]:3000' }, undefined, true],
  ['another port', loopback, { host: '127.0.0.1:3001' }, undefined, false],
  ['a rebound name', loopback, { host: 'evil.example:3000' }, undefined, false],
  ['no Host', loopback, {}, undefined, false],
  ['a Host with a path', loopback, { host: 'localhost:3000/x' }, undefined, false],
  ['X-Forwarded-Host from anyone is not believed', loopback, { host: 'evil.example:3000', 'x-forwarded-host': 'localhost:3000' }, '127.0.0.1', false],
  ['the public URL host', behindProxy, { host: 'console.example.com' }, '192.168.1.5', true],
  ['a wildcard bind address is not a name', behindProxy, { host: '0.0.0.0:3000' }, '192.168.1.5', false],
  ['a trusted proxy vouches with X-Forwarded-Host', behindProxy, { host: '10.1.2.3:3000', 'x-forwarded-host': 'console.example.com' }, '10.9.9.9', true],
  ['the last X-Forwarded-Host is the trusted one', behindProxy, { host: 'x', 'x-forwarded-host': 'console.example.com, evil.example' }, '::ffff:10.9.9.9', false],
  ['a trusted proxy forwarding a rebound name', behindProxy, { host: 'console.example.com', 'x-forwarded-host': 'evil.example' }, 'fd00::1', false],
  ['an untrusted peer', behindProxy, { host: 'evil.example', 'x-forwarded-host': 'console.example.com' }, '192.168.1.5', false],
];
for (const [title, policy, headers, remoteAddress, allowed] of hostCases) {
  test(`host policy: ${title}`, () => assert.equal(policy.refusal({ headers, remoteAddress }) === null, allowed));
}

test('a refusal says which setting to change', () => {
  const refusal = loopback.refusal({ headers: { host: 'evil.example:3000' } });
  assert.equal(refusal?.code, 'HostNotAllowed');
  assert.match(refusal?.message ?? '', /host "evil\.example:3000".*localhost:3000, 127\.0\.0\.1:3000, \[::1\]:3000.*PILOTHOUSE_PUBLIC_URL/);
});

test('a specific bind address is a name of the console; the port is read when first needed', () => {
  let port = 0;
  const policy = createHostPolicy({ port: () => port, bindHost: '192.168.1.5' });
  port = 4000;
  assert.equal(policy.refusal({ headers: { host: '192.168.1.5:4000' } }), null);
  assert.equal(policy.isAllowedOrigin('http://192.168.1.5:4000'), true);
});

const originCases: [string, ReturnType<typeof createHostPolicy>, string, boolean][] = [
  ['its own origin', loopback, 'http://127.0.0.1:3000', true],
  ['localhost is one of its origins', loopback, 'http://localhost:3000', true],
  ['https on the loopback port is not', loopback, 'https://127.0.0.1:3000', false],
  ['a rebound name', loopback, 'http://evil.example:3000', false],
  ['null', loopback, 'null', false],
  ['the public URL, default port', behindProxy, 'https://console.example.com', true],
  ['the public URL, default port written out', behindProxy, 'https://console.example.com:443', true],
  ['the public URL host over http', behindProxy, 'http://console.example.com', false],
];
for (const [title, policy, origin, allowed] of originCases) {
  test(`allowed origin: ${title}`, () => assert.equal(policy.isAllowedOrigin(origin), allowed));
}

test('trusted proxies: addresses and CIDRs; anything else fails at start', () => {
  const list = trustedProxyList(['10.0.0.0/8', '192.168.1.1', '::1']);
  assert.equal(list.check('10.200.0.1', 'ipv4'), true);
  assert.equal(list.check('192.168.1.2', 'ipv4'), false);
  assert.equal(list.check('::1', 'ipv6'), true);
  for (const bad of ['proxy.internal', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x']) {
    assert.throws(() => trustedProxyList([bad]), /PILOTHOUSE_TRUSTED_PROXIES must list IP addresses or CIDRs/, bad);
  }
});
