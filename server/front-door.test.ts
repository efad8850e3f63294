import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { startConsole, type ConsoleProcess } from './testing/console-process';

// A DNS-rebinding page on evil.example, whose name now resolves to 127.0.0.1, sends its own name as Host and
// its own origin as Origin. These tests send exactly that, over raw HTTP so the Host header is as written.

let server: ConsoleProcess;
let proxied: ConsoleProcess;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One raw request to `base` (host and port taken from it), with the headers exactly as given. */
function request(base: string, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: options.path, method: options.method ?? 'GET', headers: options.headers, setHost: !options.headers?.host }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const portOf = (base: string) => new URL(base).port;
const evil = () => `evil.example:${portOf(server.url)}`;
const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };

const assertHostRefusal = (answer: Answer, what: string) => {
  assert.equal(answer.status, 403, what);
  const status = JSON.parse(answer.text);
  assert.equal(status.kind, 'Status', what);
  assert.equal(status.reason, 'Forbidden', what);
  assert.match(status.message, /does not answer requests for host .*PILOTHOUSE_PUBLIC_URL/, what);
};

before(async () => {
  [server, proxied] = await Promise.all([
    startConsole(),
    // Behind a proxy on this machine, reached by users as https://console.example.com.
    startConsole({ PILOTHOUSE_PUBLIC_URL: 'https://console.example.com', PILOTHOUSE_TRUSTED_PROXIES: '127.0.0.1' }),
  ]);
});

after(async () => {
  await Promise.all([server?.stop('SIGKILL'), proxied?.stop('SIGKILL')]);
});

describe('DNS rebinding', () => {
  test('every route refuses a Host that is not one of the console names, with a Status naming the setting', async () => {
    const host = evil();
    const origin = `http://${host}`;
    const attempts: [string, Parameters<typeof request>[1]][] = [
      ['the contexts', { path: '/api/contexts', headers: { host, origin, 'sec-fetch-site': 'same-origin' } }],
      ['a page', { path: '/pods', headers: { host } }],
      ['a label write', { path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/pods/kubia', method: 'PATCH', headers: { host, origin, ...WRITE, 'content-type': 'application/merge-patch+json' }, body: '{"metadata":{"labels":{"pwned":"1"}}}' }],
      ['a manifest', { path: '/api/clusters/embedded/manifests', method: 'POST', headers: { host, origin, ...WRITE }, body: JSON.stringify({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rebound}' }) }],
      ['a delete', { path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps/x', method: 'DELETE', headers: { host, origin, ...WRITE } }],
      ['a static file', { path: '/icon.svg', headers: { host } }],
    ];
    for (const [what, options] of attempts) assertHostRefusal(await request(server.url, options), what);
    const created = await request(server.url, { path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps/rebound' });
    assert.equal(created.status, 404, 'nothing was created');
  });

  test('the console names and /healthz answer', async () => {
    const port = portOf(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      assert.equal((await request(server.url, { path: '/api/contexts', headers: { host } })).status, 200, host);
    }
    // Probes address /healthz by the pod's IP; it says nothing but `ok`.
    assert.equal((await request(server.url, { path: '/healthz', headers: { host: '10.1.2.3:3000' } })).text, 'ok');
  });

  test('a write from the rebound origin is refused even with an allowed Host', async () => {
    const answer = await request(server.url, {
      path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps',
      method: 'POST',
      headers: { origin: `http://${evil()}`, ...WRITE },
      body: JSON.stringify({ metadata: { name: 'from-evil' } }),
    });
    assert.equal(answer.status, 403);
    assert.match(JSON.parse(answer.text).message, /from another origin/);
  });

  test('X-Forwarded-Host from a peer that is not a trusted proxy is ignored', async () => {
    const spoofed = await request(server.url, { path: '/api/contexts', headers: { host: evil(), 'x-forwarded-host': `127.0.0.1:${portOf(server.url)}` } });
    assertHostRefusal(spoofed, 'a spoofed X-Forwarded-Host');
    // Nor does it make a rebound origin look like the console's own.
    const write = await request(server.url, {
      path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps',
      method: 'POST',
      headers: { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example', ...WRITE },
      body: JSON.stringify({ metadata: { name: 'forwarded' } }),
    });
    assert.equal(write.status, 403);
  });

  test('behind a trusted proxy: the public URL is answered, with its origin, and nothing else', async () => {
    const viaProxy = { host: `127.0.0.1:${portOf(proxied.url)}`, 'x-forwarded-host': 'console.example.com', 'x-forwarded-proto': 'https' };
    assert.equal((await request(proxied.url, { path: '/api/contexts', headers: viaProxy })).status, 200);
    assert.equal((await request(proxied.url, { path: '/api/contexts', headers: { host: 'console.example.com' } })).status, 200, 'a proxy that keeps Host');
    const write = await request(proxied.url, {
      path: '/api/clusters/embedded/k8s/api/v1/namespaces/default/configmaps',
      method: 'POST',
      headers: { ...viaProxy, origin: 'https://console.example.com', 'sec-fetch-site': 'same-origin', ...WRITE },
      body: JSON.stringify({ metadata: { name: 'via-proxy' } }),
    });
    assert.equal(write.status, 201, write.text);
    assertHostRefusal(await request(proxied.url, { path: '/api/contexts', headers: { ...viaProxy, 'x-forwarded-host': 'evil.example' } }), 'a rebound name through the proxy');
  });

  test('the socket.io handshake refuses a rebound Host: polling with a Status, WebSocket upgrades too', async () => {
    const handshake = '/socket.io/?EIO=4&transport=polling';
    // Addressed to the console, polling reaches socket.io, which takes WebSocket only (server/socket-hub.ts).
    const ok = await request(server.url, { path: handshake });
    assert.equal(ok.status, 400);
    assert.deepEqual(JSON.parse(ok.text), { code: 0, message: 'Transport unknown' });
    assertHostRefusal(await request(server.url, { path: handshake, headers: { host: evil(), origin: `http://${evil()}` } }), 'polling handshake');

    const upgrade = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(portOf(server.url)), '127.0.0.1', () => {
        socket.write(
          [
            'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
            `Host: ${evil()}`,
            `Origin: http://${evil()}`,
            'Connection: Upgrade',
            'Upgrade: websocket',
            'Sec-WebSocket-Version: 13',
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
            '',
            '',
          ].join('\r\n'),
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
        if (text.includes('\r\n')) {
          socket.destroy();
          resolve(text.split('\r\n')[0]);
        }
      });
      socket.on('error', reject);
    });
    // engine.io answers every refused upgrade 400, whatever the reason; what matters is that it is not 101.
    assert.match(upgrade, /^HTTP\/1\.1 40[03] /);
  });

  test('a socket.io client whose Origin is the rebound page cannot connect', async () => {
    const socket = io(server.url, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: `http://${evil()}` }, reconnection: false });
    try {
      const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
      assert.ok(error instanceof Error);
      assert.equal(socket.connected, false);
    } finally {
      socket.close();
    }
  });
});

describe('security headers', () => {
  const assertConsoleHeaders = (answer: Answer, what: string) => {
    const csp = String(answer.headers['content-security-policy'] ?? '');
    for (const directive of [/script-src 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'(;|$)/, /object-src 'none'/, /base-uri 'none'/, /frame-ancestors 'none'/]) {
      assert.match(csp, directive, what);
    }
    assert.doesNotMatch(csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '', /unsafe/, `${what}: no unsafe script source in production`);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff', what);
    assert.equal(answer.headers['referrer-policy'], 'no-referrer', what);
    assert.equal(answer.headers['x-frame-options'], 'DENY', what);
  };

  test('pages, API answers, errors, /healthz and socket.io carry them', async () => {
    const paths = ['/pods', '/api/contexts', '/api/clusters/embedded/k8s/api/v1/namespaces/default', '/api/clusters/nope/k8s/api/v1/pods', '/healthz', '/socket.io/?EIO=4&transport=polling', '/no-such-page'];
    for (const path of paths) assertConsoleHeaders(await request(server.url, { path }), path);
    assertConsoleHeaders(await request(server.url, { path: '/pods', headers: { host: evil() } }), 'a refusal');
  });

  test('each page gets its own nonce, and every inline script in it carries that nonce', async () => {
    const [first, second] = [await request(server.url, { path: '/pods' }), await request(server.url, { path: '/pods' })];
    const nonceOf = (answer: Answer) => String(answer.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1];
    assert.notEqual(nonceOf(first), nonceOf(second));
    const nonce = nonceOf(first);
    const scripts = [...first.text.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    assert.ok(scripts.length > 3, 'the page has scripts');
    for (const attributes of scripts) assert.match(attributes, new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`), attributes);
    assert.match(first.text, /<script nonce="[^"]+">\(\(\)=>\{try\{var c=localStorage/, 'the theme script has the nonce');
  });

  test('a Content-Security-Policy sent by the client does not choose the nonce', async () => {
    const answer = await request(server.url, { path: '/pods', headers: { 'content-security-policy': "script-src 'nonce-chosenbyattacker'" } });
    assert.doesNotMatch(answer.text, /chosenbyattacker/);
  });
});

describe('request targets', () => {
  test('an absolute-form target is refused, not redirected or served', async () => {
    for (const target of [`http://127.0.0.1:${portOf(server.url)}/pods`, `http://evil.example/api/clusters/embedded/k8s/api/v1/namespaces/default/pods/`]) {
      const answer = await request(server.url, { path: target });
      assert.equal(answer.status, 400, target);
      assert.equal(answer.headers.location, undefined);
      assert.match(JSON.parse(answer.text).message, /request target must be a path/);
    }
  });
});
