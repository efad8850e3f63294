import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Server, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { emitShared, encodeShared } from './shared-encoding';

const pod = { metadata: { name: 'web', labels: { app: 'web' }, gone: undefined }, spec: { containers: [{ name: 'main', ports: [8080] }] }, n: 1.5, flag: false };

test('encodes exactly as JSON.stringify, at every depth', () => {
  const cases: unknown[] = [
    { id: 'w1', events: [{ type: 'MODIFIED', object: pod }, { type: 'DELETED', object: pod, extra: undefined }], resourceVersion: '42' },
    { id: 'w2', items: [pod, null, 'text', 3, [1, undefined, () => 1]], resourceVersion: '' },
    { at: new Date(0), nan: Number.NaN, nested: { deeper: { f: () => 1, s: Symbol('x') } } },
    [],
    {},
    'plain',
    null,
  ];
  for (const value of cases) for (let depth = 0; depth <= 4; depth++) assert.equal(encodeShared(value, depth), JSON.stringify(value), `depth ${depth}: ${JSON.stringify(value)}`);
  assert.equal(encodeShared(undefined, 2), undefined);
});

test('encodes an object once per turn for every payload that holds it', async () => {
  let reads = 0;
  const counted = { metadata: { name: 'a' } } as Record<string, unknown>;
  Object.defineProperty(counted, 'spec', { enumerable: true, get: () => (reads++, { x: 1 }) });
  const texts = ['w1', 'w2', 'w3'].map((id) => encodeShared({ id, events: [{ type: 'ADDED', object: counted }], resourceVersion: '1' }, 3));
  assert.equal(reads, 1);
  assert.deepEqual(texts.map((t) => JSON.parse(t ?? '').id), ['w1', 'w2', 'w3']);
  await Promise.resolve();
  encodeShared({ id: 'w4', events: [{ type: 'ADDED', object: counted }] }, 3);
  assert.equal(reads, 2, 'a new turn encodes again: the object may have changed');
});

test('a socket.io client receives what socket.emit would have sent', async (t) => {
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const client = connect(url, { transports: ['websocket'], forceNew: true });
  t.after(async () => {
    client.close();
    await server.close();
  });
  const socket = await new Promise<Socket>((resolve) => server.once('connection', resolve));
  const heard: { event: string; payload: unknown }[] = [];
  client.on('watch:events', (payload: unknown) => heard.push({ event: 'watch:events', payload }));
  client.on('watch:snapshot', (payload: unknown) => heard.push({ event: 'watch:snapshot', payload }));
  const events = { id: 'w1', events: [{ type: 'MODIFIED', object: pod }], resourceVersion: '7' };
  const snapshot = { id: 'w1', items: [pod, pod], resourceVersion: '6' };
  emitShared(socket, 'watch:snapshot', snapshot);
  emitShared(socket, 'watch:events', events);
  socket.emit('watch:events', events);
  const deadline = Date.now() + 10_000;
  while (heard.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const plain = JSON.parse(JSON.stringify({ events, snapshot }));
  assert.deepEqual(heard, [
    { event: 'watch:snapshot', payload: plain.snapshot },
    { event: 'watch:events', payload: plain.events },
    { event: 'watch:events', payload: plain.events },
  ]);
});
