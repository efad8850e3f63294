import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBffError } from '@/lib/server/errors';
import { assertSameOriginWrite } from '@/lib/server/proxy/origin-check';

const check = (method: string, headers: Record<string, string>) => {
  try {
    assertSameOriginWrite({ method, headers: new Headers({ host: 'console:3000', ...headers }) });
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
];
for (const [title, method, headers, want] of cases) {
  test(`assertSameOriginWrite: ${title}`, () => assert.equal(check(method, headers), want));
}
