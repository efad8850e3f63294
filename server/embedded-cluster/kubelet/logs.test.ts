import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../status';
import { goDuration, lookupImage, parseImage } from './images';
import { ContainerLog, formatNanos, LogBudget } from './log-buffer';
import { chooseContainer, parseLogOptions, streamLog } from './logs';
import { matchPodProxyPath, splitSchemeNamePort } from './proxy';

const q = (s: string) => new URLSearchParams(s);

test('PodLogOptions are validated with the API server messages', () => {
  assert.deepEqual(parseLogOptions(q('container=a&follow=true&tailLines=3&timestamps=1'), 'p'), {
    container: 'a',
    follow: true,
    previous: false,
    timestamps: true,
    tailLines: 3,
    sinceSeconds: undefined,
    limitBytes: undefined,
  });
  const cases: [string, number, string][] = [
    ['tailLines=-1', 422, 'PodLogOptions "p" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0'],
    ['limitBytes=0', 422, 'PodLogOptions "p" is invalid: limitBytes: Invalid value: 0: must be greater than 0'],
    ['sinceSeconds=0', 422, 'PodLogOptions "p" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0'],
    ['sinceSeconds=5&sinceTime=2024-01-01T00:00:00Z', 422, 'PodLogOptions "p" is invalid: : Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified'],
    ['follow=yes', 400, 'strconv.ParseBool: parsing "yes": invalid syntax'],
    ['tailLines=x', 400, 'strconv.ParseInt: parsing "x": invalid syntax'],
  ];
  for (const [query, code, message] of cases) {
    assert.throws(() => parseLogOptions(q(query), 'p'), (err: ApiError) => err.code === code && err.message === message, query);
  }
});

test('the container is the named one or the only one, as LogLocation chooses', () => {
  const pod = (containers: string[], init: string[] = []) => ({
    metadata: { name: 'p' },
    spec: { containers: containers.map((name) => ({ name })), initContainers: init.map((name) => ({ name })) },
  });
  assert.equal(chooseContainer(pod(['kubia']), undefined), 'kubia');
  assert.equal(chooseContainer(pod(['a', 'b'], ['i']), 'i'), 'i');
  assert.throws(() => chooseContainer(pod(['a', 'b']), undefined), { message: 'a container name must be specified for pod p, choose one of: [a b]' });
  assert.throws(() => chooseContainer(pod(['a', 'b'], ['i']), undefined), {
    message: 'a container name must be specified for pod p, choose one of: [a b] or one of the init containers: [i]',
  });
  assert.throws(() => chooseContainer(pod(['a']), 'x'), { message: 'container x is not valid for pod p' });
});

function fakeResponse() {
  const sink = new PassThrough();
  let body = '';
  sink.on('data', (chunk: Buffer) => (body += chunk.toString()));
  const res = Object.assign(sink, { writeHead: () => res }) as unknown as ServerResponse;
  return { res, req: new PassThrough() as unknown as IncomingMessage, body: () => body };
}

test('tailLines, sinceTime, timestamps and limitBytes select and shape the lines', async () => {
  const log = new ContainerLog();
  const t0 = 1_700_000_000_000_000_000n;
  for (let i = 1; i <= 5; i++) log.append(`line ${i}`, 'stdout', t0 + BigInt(i) * 1_000_000_000n);
  const run = (query: string) => {
    const { res, req, body } = fakeResponse();
    streamLog({ log, opts: parseLogOptions(q(query), 'p'), req, res, podGone: new AbortController().signal });
    return body();
  };
  assert.equal(run('tailLines=2'), 'line 4\nline 5\n');
  assert.equal(run('tailLines=0'), '');
  assert.equal(run(`sinceTime=${new Date(Number((t0 + 4_000_000_000n) / 1_000_000n)).toISOString()}`), 'line 4\nline 5\n');
  assert.equal(run('limitBytes=9'), 'line 1\nli');
  assert.equal(run('tailLines=1&timestamps=true'), `${formatNanos(t0 + 5_000_000_000n)} line 5\n`);
  assert.equal(formatNanos(1_700_000_000_000_000_123n), '2023-11-14T22:13:20.000000123Z');
});

test('follow streams new lines until the log closes', async () => {
  const log = new ContainerLog();
  log.append('first');
  const { res, req, body } = fakeResponse();
  streamLog({ log, opts: parseLogOptions(q('follow=true'), 'p'), req, res, podGone: new AbortController().signal });
  log.append('second');
  await new Promise((r) => setImmediate(r));
  assert.equal(body(), 'first\nsecond\n');
  log.close();
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal((res as unknown as { writableEnded: boolean }).writableEnded, true);
});

test('the log buffer drops its oldest lines past its cap', () => {
  const log = new ContainerLog(100);
  for (let i = 0; i < 50; i++) log.append(`line ${String(i).padStart(2, '0')}`);
  const lines = log.snapshot().map((l) => l.text);
  assert.ok(log.size <= 100);
  assert.equal(lines[lines.length - 1], 'line 49');
  assert.equal(lines.length, Math.floor(100 / 8));
});

test('a shared budget makes the writing log give up its own oldest lines; dispose gives bytes back', () => {
  const budget = new LogBudget(200);
  const quiet = new ContainerLog(10_000, budget);
  const busy = new ContainerLog(10_000, budget);
  for (let i = 0; i < 10; i++) quiet.append(`quiet ${i}`); // 8 bytes each with the newline
  for (let i = 0; i < 100; i++) busy.append(`busy line ${String(i).padStart(3, '0')}`);
  assert.equal(quiet.snapshot().length, 10, 'the quiet log keeps its lines');
  assert.ok(budget.used <= 200);
  assert.equal(busy.snapshot().at(-1)?.text, 'busy line 099');
  busy.dispose();
  assert.equal(budget.used, quiet.size);
});

test('image references, the missing-tag rule and Go durations', () => {
  assert.equal(parseImage('luksa/kubia').full, 'docker.io/luksa/kubia:latest');
  assert.equal(parseImage('nginx:1.27').full, 'docker.io/library/nginx:1.27');
  assert.equal(parseImage('registry.k8s.io/pause:3.10').full, 'registry.k8s.io/pause:3.10');
  assert.equal(parseImage('localhost:5000/app').full, 'localhost:5000/app:latest');
  assert.equal(lookupImage('luksa/kubia:does-not-exist').exists, false);
  assert.equal(lookupImage('luksa/kubia').exists, true);
  assert.deepEqual([goDuration(712), goDuration(1200), goDuration(10_000), goDuration(80_000), goDuration(300_000)], ['712ms', '1.2s', '10s', '1m20s', '5m0s']);
});

test('pod proxy paths and ids split as the API server splits them', () => {
  assert.deepEqual(matchPodProxyPath('/api/v1/namespaces/default/pods/kubia-manual:8080/proxy/'), { namespace: 'default', id: 'kubia-manual:8080', path: '/' });
  assert.deepEqual(matchPodProxyPath('/api/v1/namespaces/default/pods/kubia/proxy'), { namespace: 'default', id: 'kubia', path: '/' });
  assert.equal(matchPodProxyPath('/api/v1/namespaces/default/pods/kubia/log'), undefined);
  assert.deepEqual(splitSchemeNamePort('https:kubia:8443'), { scheme: 'https', name: 'kubia', port: '8443' });
  assert.deepEqual(splitSchemeNamePort('kubia'), { scheme: 'http', name: 'kubia', port: '' });
  assert.equal(splitSchemeNamePort('a:b:c:d'), undefined);
});
