import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startConsole, type ConsoleProcess } from '../testing/console-process';

// Test bodies are read field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

let server: ConsoleProcess;
let silent: net.Server;
const held: net.Socket[] = [];

const WRITE = { 'content-type': 'application/json', 'x-pilothouse-request': '1' };
const k8s = (path: string, context = 'embedded') => `${server.url}/api/clusters/${context}/k8s/${path}`;
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Loose });
const get = async (path: string, context?: string) => json(await fetch(k8s(path, context)));
const send = async (method: string, path: string, body: unknown, options: { context?: string; headers?: Record<string, string> } = {}) =>
  json(await fetch(k8s(path, options.context), { method, headers: { ...WRITE, ...options.headers }, body: JSON.stringify(body) }));
const manifests = async (body: unknown) =>
  json(await fetch(`${server.url}/api/clusters/embedded/manifests`, { method: 'POST', headers: WRITE, body: JSON.stringify(body) }));
/** A raw request, so the path reaches the server exactly as written (fetch would normalize it). */
const raw = (path: string) =>
  new Promise<{ status: number; body: Loose }>((resolve, reject) => {
    const url = new URL(server.url);
    http
      .get({ host: url.hostname, port: url.port, path }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
const isStatus = (body: Loose, code: number, reason: string) => {
  assert.equal(body.kind, 'Status');
  assert.equal(body.status, 'Failure');
  assert.equal(body.code, code);
  assert.equal(body.reason, reason);
};
const pod = (name: string, namespace?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { containers: [{ name: 'main', image: 'nginx' }] },
});

before(async () => {
  // Two kubeconfig contexts that cannot answer: one refuses connections, one accepts and stays silent.
  silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as net.AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'pilothouse-bff-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- {name: dead, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}',
      `- {name: silent, cluster: {server: "https://127.0.0.1:${silentPort}", insecure-skip-tls-verify: true}}`,
      'users:',
      '- {name: u, user: {token: t}}',
      'contexts:',
      '- {name: dead, context: {cluster: dead, user: u, namespace: ops}}',
      '- {name: silent, context: {cluster: silent, user: u}}',
      '- {name: "arn:aws:eks:eu:1:cluster/dead", context: {cluster: dead, user: u}}',
    ].join('\n'),
  );
  server = await startConsole({
    KUBECONFIG: kubeconfig,
    PILOTHOUSE_EMBEDDED_VIEWER: 'true',
    PILOTHOUSE_UPSTREAM_TIMEOUT_MS: '1500',
    // Reading the largest manifests takes seconds on an idle machine and can pass the default 30 s on a busy one.
    PILOTHOUSE_MANIFEST_TIMEOUT_MS: '180000',
  });
});

after(async () => {
  await server?.stop('SIGKILL');
  held.forEach((s) => s.destroy());
  silent?.close();
});

describe('contexts', () => {
  test('GET /api/contexts lists kubeconfig and embedded contexts without credentials', async () => {
    const { status, body } = await json(await fetch(`${server.url}/api/contexts`));
    assert.equal(status, 200);
    assert.deepEqual(body, {
      contexts: [
        { name: 'dead', cluster: 'dead', namespace: 'ops', source: 'kubeconfig', isDefault: false },
        { name: 'silent', cluster: 'silent', namespace: 'default', source: 'kubeconfig', isDefault: false },
        { name: 'arn:aws:eks:eu:1:cluster/dead', cluster: 'dead', namespace: 'default', source: 'kubeconfig', isDefault: false },
        { name: 'embedded', cluster: 'embedded', namespace: 'default', source: 'embedded', isDefault: true },
        { name: 'embedded-viewer', cluster: 'embedded', namespace: 'default', source: 'embedded', isDefault: false },
      ],
      defaultContext: 'embedded',
    });
  });

  test('an unknown context is a 404 Status', async () => {
    const { status, body } = await get('api/v1/namespaces', 'nope');
    assert.equal(status, 404);
    isStatus(body, 404, 'NotFound');
    assert.match(body.message, /context "nope" not found/);
  });
});

describe('proxy', () => {
  test('reads pass through with their status, body and Content-Type', async () => {
    const response = await fetch(k8s('api/v1/namespaces/default'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as { kind: string; metadata: { name: string } };
    assert.equal(body.kind, 'Namespace');
    assert.equal(body.metadata.name, 'default');
    assert.equal((await get('version')).status, 200);
    assert.equal((await get('apis')).body.kind, 'APIGroupList');
  });

  test('writes: create, read, merge-patch, delete', async () => {
    const created = await send('POST', 'api/v1/namespaces/default/configmaps', { metadata: { name: 'proxy-cm' }, data: { a: '1' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.metadata.name, 'proxy-cm');
    const patched = await send('PATCH', 'api/v1/namespaces/default/configmaps/proxy-cm', { data: { b: '2' } }, { headers: { 'content-type': 'application/merge-patch+json' } });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body.data, { a: '1', b: '2' });
    const deleted = await send('DELETE', 'api/v1/namespaces/default/configmaps/proxy-cm', {});
    assert.equal(deleted.status, 200);
    assert.equal((await get('api/v1/namespaces/default/configmaps/proxy-cm')).status, 404);
  });

  test('Warning headers come through as the API server sent them', async () => {
    const response = await fetch(k8s('api/v1/namespaces/default/configmaps?fieldValidation=Warn'), {
      method: 'POST',
      headers: WRITE,
      body: JSON.stringify({ metadata: { name: 'warned' }, bogus: 1 }),
    });
    assert.equal(response.status, 201);
    assert.match(response.headers.get('warning') ?? '', /^299 - "unknown field \\"bogus\\""$/);
  });

  test('the API server Status comes back unchanged: 404, 409, 422, 403 for the viewer', async () => {
    const missing = await get('api/v1/namespaces/default/pods/nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404,
    });
    await send('POST', 'api/v1/namespaces/default/configmaps', { metadata: { name: 'twice' } });
    const conflict = await send('POST', 'api/v1/namespaces/default/configmaps', { metadata: { name: 'twice' } });
    assert.equal(conflict.status, 409);
    isStatus(conflict.body, 409, 'AlreadyExists');
    assert.equal(conflict.body.message, 'configmaps "twice" already exists');
    const invalid = await send('POST', 'api/v1/namespaces/default/pods', pod('Bad_Name'));
    assert.equal(invalid.status, 422);
    isStatus(invalid.body, 422, 'Invalid');
    assert.match(invalid.body.message, /^Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/);
    const forbidden = await send('POST', 'api/v1/namespaces/default/configmaps', { metadata: { name: 'v' } }, { context: 'embedded-viewer' });
    assert.equal(forbidden.status, 403);
    isStatus(forbidden.body, 403, 'Forbidden');
    assert.match(forbidden.body.message, /cannot create resource "configmaps"/);
    assert.equal((await get('api/v1/namespaces/default/configmaps', 'embedded-viewer')).status, 200);
  });

  test('paths outside the API, dot segments, encoded slashes and bad namespaces are refused', async () => {
    const healthz = await get('healthz');
    assert.equal(healthz.status, 404);
    isStatus(healthz.body, 404, 'NotFound');
    assert.match(healthz.body.message, /proxies only \/api, \/apis, \/openapi and \/version/);
    for (const path of ['api/v1/../../../contexts', 'api/%2e%2e/version', 'api/v1/namespaces/a%2Fb/pods']) {
      const refused = await raw(`/api/clusters/embedded/k8s/${path}`);
      assert.equal(refused.status, 400, path);
      isStatus(refused.body, 400, 'BadRequest');
    }
    const badNamespace = await get('api/v1/namespaces/Not_A_Namespace/pods');
    assert.equal(badNamespace.status, 400);
    assert.match(badNamespace.body.message, /invalid namespace "Not_A_Namespace"/);
  });

  test('long-running requests are refused with a pointer to the socket channels', async () => {
    const watch = await get('api/v1/pods?watch=true');
    assert.equal(watch.status, 400);
    assert.match(watch.body.message, /watch:subscribe/);
    const follow = await get('api/v1/namespaces/default/pods/x/log?follow=1');
    assert.equal(follow.status, 400);
    assert.match(follow.body.message, /log:subscribe/);
  });

  test('cross-site writes are refused', async () => {
    const body = JSON.stringify({ metadata: { name: 'csrf' } });
    const url = k8s('api/v1/namespaces/default/configmaps');
    const cases: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { ...WRITE, origin: 'http://evil.example' },
      { ...WRITE, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of cases) {
      const refused = await json(await fetch(url, { method: 'POST', headers, body }));
      assert.equal(refused.status, 403, JSON.stringify(headers));
      isStatus(refused.body, 403, 'Forbidden');
    }
    const sameOrigin = await json(await fetch(url, { method: 'POST', headers: { ...WRITE, origin: server.url, 'sec-fetch-site': 'same-origin' }, body }));
    assert.equal(sameOrigin.status, 201);
  });

  describe('a pod that serves its own HTML, through the pod proxy', () => {
    const page = '<!DOCTYPE html><title>pwn</title><script>fetch("/api/contexts")</script>';
    const proxyPath = (rest: string) => `api/v1/namespaces/default/pods/html-page:8080/proxy${rest}`;
    const fromConsole = { 'x-pilothouse-request': '1', 'sec-fetch-site': 'same-origin' };

    before(async () => {
      const created = await send('POST', 'api/v1/namespaces/default/pods', {
        ...pod('html-page'),
        spec: { containers: [{ name: 'web', image: 'pilothouse/html', env: [{ name: 'HTML', value: page }] }] },
      });
      assert.equal(created.status, 201);
      const deadline = Date.now() + 30_000;
      while ((await get('api/v1/namespaces/default/pods/html-page')).body.status?.phase !== 'Running') {
        if (Date.now() > deadline) throw new Error('pod html-page did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    test('its answer can never run script nor be shown as a document of the console', async () => {
      const response = await fetch(k8s(proxyPath('/')), { headers: fromConsole });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), page, 'the body comes through as it is');
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(response.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
      assert.equal(response.headers.get('content-disposition'), 'attachment');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      // The console's own answers keep the page policy.
      assert.doesNotMatch((await fetch(k8s('api/v1/namespaces/default/pods/html-page'))).headers.get('content-security-policy') ?? '', /sandbox/);
    });

    test('a GET to an application needs the same-origin checks of a write', async () => {
      const attempts: Record<string, string>[] = [{}, { 'sec-fetch-site': 'cross-site' }, { 'x-pilothouse-request': '1', 'sec-fetch-site': 'cross-site' }, { 'x-pilothouse-request': '1', origin: 'http://evil.example' }];
      for (const headers of attempts) {
        const refused = await json(await fetch(k8s(proxyPath('/')), { headers }));
        assert.equal(refused.status, 403, JSON.stringify(headers));
        isStatus(refused.body, 403, 'Forbidden');
      }
      const services = await json(await fetch(k8s('api/v1/namespaces/default/services/kubia:80/proxy/')));
      assert.equal(services.status, 403, 'service proxies too');
      const nodes = await json(await fetch(k8s('api/v1/nodes/node-1:10250/proxy/metrics')));
      assert.equal(nodes.status, 403, 'node proxies too');
    });

    test('a path ending in / reaches the pod as it is, without a redirect', async () => {
      for (const [rest, seen] of [['/', 'GET /'], ['/docs/', 'GET /docs/'], ['/docs', 'GET /docs']]) {
        const response = await fetch(k8s(proxyPath(rest)), { headers: fromConsole, redirect: 'manual' });
        assert.equal(response.status, 200, rest);
        const log = await (await fetch(k8s('api/v1/namespaces/default/pods/html-page/log'))).text();
        assert.equal(log.trim().split('\n').at(-1), seen, rest);
      }
    });
  });

  test('a body over 3 MiB is refused with 413', async () => {
    const big = await send('POST', 'api/v1/namespaces/default/configmaps', { metadata: { name: 'big' }, data: { x: 'x'.repeat(3 * 1024 * 1024) } });
    assert.equal(big.status, 413);
    isStatus(big.body, 413, 'RequestEntityTooLarge');
  });

  test('an unreachable cluster is 503 and a silent one 504', async () => {
    const dead = await get('api/v1/namespaces', 'dead');
    assert.equal(dead.status, 503);
    isStatus(dead.body, 503, 'ServiceUnavailable');
    assert.match(dead.body.message, /cannot reach the API server at 127\.0\.0\.1:1/);
    const arn = await get('api/v1/namespaces', encodeURIComponent('arn:aws:eks:eu:1:cluster/dead'));
    assert.equal(arn.status, 503, 'a context name with a slash, encoded, reaches its cluster');
    const slow = await get('api/v1/namespaces', 'silent');
    assert.equal(slow.status, 504);
    isStatus(slow.body, 504, 'Timeout');
  });
});

describe('manifests', () => {
  test('a single document is created', async () => {
    const { status, body } = await manifests({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-single\n' });
    assert.equal(status, 200);
    assert.deepEqual(body, {
      ok: true,
      dryRun: false,
      results: [{ index: 0, apiVersion: 'v1', kind: 'ConfigMap', name: 'm-single', namespace: 'default', outcome: 'created' }],
    });
  });

  test('several documents, YAML and JSON, cluster-scoped kinds ignore the namespace', async () => {
    const manifest = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: m-multi',
      '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "m-json"}}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: m-gen-',
    ].join('\n---\n');
    const { body } = await manifests({ manifest, namespace: 'kube-public' });
    assert.equal(body.ok, true);
    assert.deepEqual(body.results.map((r: Record<string, unknown>) => [r.kind, r.namespace, r.outcome]), [
      ['Namespace', undefined, 'created'],
      ['ConfigMap', 'kube-public', 'created'],
      ['ConfigMap', 'kube-public', 'created'],
    ]);
    assert.match(body.results[2].name, /^m-gen-/);
  });

  test('dryRun validates on the server and creates nothing', async () => {
    const { body } = await manifests({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-dry\n', dryRun: true });
    assert.deepEqual([body.ok, body.dryRun, body.results[0].outcome], [true, true, 'valid']);
    assert.equal((await get('api/v1/namespaces/default/configmaps/m-dry')).status, 404);
  });

  test('all or nothing: one invalid document and none is created', async () => {
    const manifest = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-fine',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-strict\nbogus: 1',
      'apiVersion: v1\nkind: Gizmo\nmetadata:\n  name: g',
    ].join('\n---\n');
    const { body } = await manifests({ manifest });
    assert.equal(body.ok, false);
    assert.deepEqual(body.results.map((r: Record<string, string>) => r.outcome), ['valid', 'failed', 'failed']);
    assert.equal(body.results[1].status.code, 400);
    assert.match(body.results[1].status.message, /unknown field "bogus"/);
    assert.equal(body.results[2].status.message, 'no matches for kind "Gizmo" in version "v1"');
    assert.equal((await get('api/v1/namespaces/default/configmaps/m-fine')).status, 404);
  });

  test('a Namespace and objects in it: the dry run defers them, the create makes them in order', async () => {
    const manifest = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: m-ns-first',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-in-new\n  namespace: m-ns-first',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-in-default',
    ].join('\n---\n');
    const dry = (await manifests({ manifest, dryRun: true })).body;
    assert.equal(dry.ok, true);
    assert.deepEqual(dry.results.map((r: Record<string, string>) => r.outcome), ['valid', 'deferred', 'valid']);
    assert.equal(dry.results[1].note, 'checked when namespace "m-ns-first" exists: the manifest creates it first');
    assert.equal((await get('api/v1/namespaces/m-ns-first')).status, 404);
    const { body } = await manifests({ manifest });
    assert.equal(body.ok, true);
    assert.deepEqual(body.results.map((r: Record<string, string>) => [r.namespace, r.outcome]), [[undefined, 'created'], ['m-ns-first', 'created'], ['default', 'created']]);
    assert.equal((await get('api/v1/namespaces/m-ns-first/configmaps/m-in-new')).status, 200);
  });

  test('a deferred document that the server refuses once its namespace exists: none of the deferred is created', async () => {
    const manifest = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: m-ns-bad',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-ok\n  namespace: m-ns-bad',
      // Validation (unlike decoding) comes after the namespace check, so only the second look finds this.
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: m-no-image\n  namespace: m-ns-bad\nspec:\n  containers:\n  - name: main',
    ].join('\n---\n');
    const { body } = await manifests({ manifest });
    assert.equal(body.ok, false);
    assert.deepEqual(body.results.map((r: Record<string, string>) => r.outcome), ['created', 'valid', 'failed']);
    assert.equal(body.results[2].status.code, 422);
    assert.match(body.results[2].status.message, /spec\.containers\[0\]\.image: Required value/);
    assert.equal((await get('api/v1/namespaces/m-ns-bad/configmaps/m-ok')).status, 404);
  });

  test('a Pod in a namespace that neither exists nor is created first still fails its dry run', async () => {
    const { body } = await manifests({ manifest: JSON.stringify(pod('p', 'm-nowhere')) });
    assert.equal(body.ok, false);
    assert.equal(body.results[0].status.message, 'namespaces "m-nowhere" not found');
  });

  test('YAML that does not parse is reported with line and column', async () => {
    const { body } = await manifests({ manifest: 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   labels: x\n' });
    assert.equal(body.ok, false);
    assert.equal(body.results[1].outcome, 'failed');
    assert.deepEqual(body.results[1].position, { line: 7, column: 9 });
    assert.match(body.results[1].status.message, /^error parsing YAML: line 7, column 9: /);
  });

  test("a namespace in the object that differs from the requested one is kubectl's error", async () => {
    const { body } = await manifests({ manifest: JSON.stringify(pod('p', 'a')), namespace: 'b' });
    assert.equal(body.ok, false);
    assert.equal(
      body.results[0].status.message,
      'the namespace from the provided object "a" does not match the namespace "b". You must pass \'--namespace=a\' to perform this operation.',
    );
  });

  test('an alias bomb is answered 400 with the reason and the line, not 500', async () => {
    const levels = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: laughs}', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of [...'bcdefghi'].entries()) levels.push(`  ${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`);
    const { status, body } = await manifests({ manifest: levels.join('\n') });
    assert.equal(status, 400);
    isStatus(body, 400, 'BadRequest');
    assert.match(body.message, /^error parsing YAML: line \d+, column \d+: the manifest's aliases expand to more than \d+ bytes$/);
  });

  describe('the largest manifests never stall the server', () => {
    /**
     * Polls /healthz while `work` runs and checks that the server kept answering: under 100 ms on an idle
     * machine; on a busy one (two cores shared by many processes), where every answer is slow, at most a quarter
     * of the time the work took, or a quarter of a second. Work done on the event loop would hold /healthz
     * for all of that time (seconds to minutes for these manifests before the reader was made linear).
     */
    const assertHealthzAnswersDuring = async <T>(work: Promise<T>): Promise<T> => {
      let done = false;
      let worst = 0;
      const started = performance.now();
      const answer = work.finally(() => (done = true));
      while (!done) {
        const asked = performance.now();
        await fetch(`${server.url}/healthz`);
        worst = Math.max(worst, performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsed = performance.now() - started;
      assert.ok(worst < 100 || worst < Math.max(250, elapsed / 4), `/healthz took up to ${worst.toFixed(0)} ms while the work took ${elapsed.toFixed(0)} ms`);
      return answer;
    };
    // Just under the request body limit once wrapped in JSON (where each newline takes two bytes).
    const LARGEST = 3 * 1024 * 1024 - 1024;
    const fitting = (lines: string[]) => {
      let size = 0;
      return lines.filter((line) => (size += line.length + 2) < LARGEST).join('\n');
    };

    test('a 3 MiB manifest is read off the event loop: /healthz stays under 100 ms', async () => {
      const keys = Array.from({ length: 80_000 }, (_, i) => `  key-${i}: value-${'x'.repeat(24)}`);
      // It ends in a YAML error, so the whole cost is reading it: nothing is sent to the API server.
      const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n${fitting(keys)}\n bad: [`;
      const answer = await assertHealthzAnswersDuring(manifests({ manifest }));
      assert.equal(answer.body.ok, false, JSON.stringify(answer.body).slice(0, 300));
      assert.match(answer.body.results[0].status.message, /^error parsing YAML: line \d+, column \d+: /);
    });

    test('400,000 tiny documents are refused at the document limit, quickly', async () => {
      const manifest = fitting(Array.from({ length: 400_000 }, () => '--- 1'));
      const answer = await assertHealthzAnswersDuring(
        fetch(`${server.url}/api/clusters/embedded/manifests`, { method: 'POST', headers: WRITE, body: JSON.stringify({ manifest }), signal: AbortSignal.timeout(60_000) }).then(json),
      );
      assert.equal(answer.status, 400);
      assert.match(answer.body.message, /more than 1000 objects/);
    });

    test('brackets nested 400,000 deep are refused and the server lives on', async () => {
      const depth = 400_000;
      const { status, body } = await manifests({ manifest: `${'['.repeat(depth)}${']'.repeat(depth)}` });
      assert.equal(status === 400 || body.ok === false, true, JSON.stringify(body).slice(0, 300));
      assert.equal(await (await fetch(`${server.url}/healthz`)).text(), 'ok');
    });
  });

  test('a bad request body is a 400 Status; a cross-site one 403', async () => {
    const bad = await manifests({ manifest: '' });
    assert.equal(bad.status, 400);
    isStatus(bad.body, 400, 'BadRequest');
    const cross = await fetch(`${server.url}/api/clusters/embedded/manifests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(cross.status, 403);
  });
});
