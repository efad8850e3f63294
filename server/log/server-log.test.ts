import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { assignRequestId, logRequestFailure, REQUEST_ID_HEADER } from './request-log';
import { asConsole, createServerLog, type LogLevel } from './server-log';

// Test lines are read field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Line = Record<string, any>;

function capture(level: LogLevel) {
  const lines: Line[] = [];
  const raw: string[] = [];
  const log = createServerLog({ level, destination: { write: (text: string) => void (raw.push(text), lines.push(JSON.parse(text) as Line)) } });
  return { log, lines, raw };
}

test('the level is honoured: below it nothing is written; each line is one JSON object with level, time and msg', () => {
  const { log, lines, raw } = capture('warn');
  log.info('started');
  log.debug('details');
  log.warn('careful');
  log.error('broken');
  assert.deepEqual(lines.map((line) => [line.level, line.msg]), [[40, 'careful'], [50, 'broken']]);
  assert.ok(raw.every((text) => text.endsWith('\n') && !text.slice(0, -1).includes('\n')));
  assert.match(lines[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const silent = capture('silent');
  silent.log.fatal('nothing');
  assert.equal(silent.lines.length, 0);
});

test('as a Console: strings are the message, an Error is err with its type, message, code and stack only', () => {
  const { log, lines } = capture('info');
  const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', options: { headers: { Authorization: 'Bearer console-own-token' } } });
  asConsole(log).warn('watch /api/v1/pods failed:', error);
  asConsole(log).log('plain', { token: 'an-object-token' });
  assert.equal(lines[0].msg, 'watch /api/v1/pods failed');
  assert.deepEqual(Object.keys(lines[0].err).sort(), ['code', 'message', 'stack', 'type']);
  assert.equal(lines[0].err.code, 'ECONNREFUSED');
  assert.equal(lines[1].msg, 'plain [object Object]');
  assert.doesNotMatch(JSON.stringify(lines), /console-own-token|an-object-token/);
});

test('a failed request\'s error line carries its request id (the answer\'s X-Request-Id) and no Authorization or Cookie value', async (t) => {
  const { log, lines } = capture('info');
  const server = http.createServer((req, res) => {
    assignRequestId(req, res);
    // As client-node fails: the error carries the request it made, with the headers it was given.
    const error = new Error('upstream failed', { cause: Object.assign(new Error('socket hang up'), { request: { headers: req.headers } }) });
    logRequestFailure(log, req, Object.assign(error, { headers: req.headers }));
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/clusters/prod/k8s/api/v1/pods?labelSelector=app%3Dweb`, {
    headers: { authorization: 'Bearer user-token-abc123', cookie: 'pilothouse_session=sealed-cookie-xyz789' },
  });
  assert.equal(res.status, 500);
  const requestId = res.headers.get(REQUEST_ID_HEADER);
  assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].level, 50);
  assert.equal(lines[0].reqId, requestId);
  assert.equal(lines[0].method, 'GET');
  assert.equal(lines[0].path, '/api/clusters/prod/k8s/api/v1/pods');
  assert.equal(lines[0].err.message, 'upstream failed');
  assert.equal(lines[0].err.cause.message, 'socket hang up');
  assert.doesNotMatch(JSON.stringify(lines[0]), /user-token-abc123|sealed-cookie-xyz789|authorization|cookie/i);
});
