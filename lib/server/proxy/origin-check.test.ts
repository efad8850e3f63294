import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBffError } from '@/lib/server/errors';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';

const ours = new Set(['http://console:3000', 'https://console.example.com']);
const check = (method: string, headers: Record<string, string>, guardReads = false) => {
  try {
    assertSameOrigin({ method, headers: new Headers({ host: 'console:3000', ...headers }) }, { guardReads, isAllowedOrigin: (origin) => ours.has(origin) });
    return 'ok';
  } catch (error) {
    return isBffError(error) ? error.code : 'other';
  }
};

const cases: [string, string, Record<string, string>, string][] = [
  ['reads need nothing', 'GET', {}, 'ok'],
  ['HEAD is a read', 'HEAD', { origin: 'http://evil.example' }, 'ok'],
  ['a write without the header', 'POST', {}, 'CrossSiteRequest'],
  ['a write with the header from a tool', 'POST', { 'x-pilothouse-request': '1' }, 'ok'],
  ['a same-origin browser write', 'DELETE', { 'x-pilothouse-request': '1', origin: 'http://console:3000', 'sec-fetch-site': 'same-origin' }, 'ok'],
  ['another origin', 'POST', { 'x-pilothouse-request': '1', origin: 'http://evil.example' }, 'CrossSiteRequest'],
  ['a same-site but cross-origin page', 'PUT', { 'x-pilothouse-request': '1', 'sec-fetch-site': 'same-site' }, 'CrossSiteRequest'],
  ['cross-site fetch metadata', 'PATCH', { 'x-pilothouse-request': '1', 'sec-fetch-site': 'cross-site' }, 'CrossSiteRequest'],
  ['a garbage origin', 'POST', { 'x-pilothouse-request': '1', origin: 'null' }, 'CrossSiteRequest'],
  ['the header with another value', 'POST', { 'x-pilothouse-request': 'yes' }, 'CrossSiteRequest'],
  // DNS rebinding: the page's origin matches the Host it sends, but it is not one of the console's origins.
  ['an origin that matches a rebound Host', 'POST', { 'x-pilothouse-request': '1', host: 'evil.example:3000', origin: 'http://evil.example:3000' }, 'CrossSiteRequest'],
  ['the public URL', 'POST', { 'x-pilothouse-request': '1', origin: 'https://console.example.com', 'sec-fetch-site': 'same-origin' }, 'ok'],
  ['X-Forwarded-Host does not vouch for an origin', 'POST', { 'x-pilothouse-request': '1', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' }, 'CrossSiteRequest'],
];
for (const [title, method, headers, want] of cases) {
  test(`assertSameOrigin: ${title}`, () => assert.equal(check(method, headers), want));
}

const proxyReads: [string, Record<string, string>, string][] = [
  ['a proxy GET without the header (a link, an image, a no-cors fetch)', {}, 'CrossSiteRequest'],
  ['a cross-site proxy GET', { 'x-pilothouse-request': '1', 'sec-fetch-site': 'cross-site' }, 'CrossSiteRequest'],
  ['the Request tab', { 'x-pilothouse-request': '1', 'sec-fetch-site': 'same-origin', origin: 'http://console:3000' }, 'ok'],
];
for (const [title, headers, want] of proxyReads) {
  test(`assertSameOrigin with guardReads: ${title}`, () => assert.equal(check('GET', headers, true), want));
}

test('without a host policy every Origin is refused (fail closed)', () => {
  assert.throws(() => assertSameOrigin({ method: 'POST', headers: new Headers({ 'x-pilothouse-request': '1', origin: 'http://127.0.0.1:3000' }) }), /another origin/);
});
