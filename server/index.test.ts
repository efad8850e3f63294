import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { io } from 'socket.io-client';
import { startConsole, type ConsoleProcess } from './testing/console-process';

let server: ConsoleProcess;

before(async () => {
  server = await startConsole();
});

after(async () => {
  await server?.stop('SIGKILL');
});

test('it binds 127.0.0.1 by default and answers /healthz', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${server.url}/healthz`);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'ok');
});

test('it serves the Next.js pages on the same port', async () => {
  const response = await fetch(`${server.url}/pods`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /Pilothouse/);
});

test('socket.io accepts a same-origin client and greets it', async () => {
  const socket = io(server.url, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: server.url } });
  try {
    const hello = await new Promise<{ version: string }>((resolve, reject) => {
      socket.on('server:hello', resolve);
      socket.on('connect_error', reject);
    });
    assert.equal(typeof hello.version, 'string');
    const reply = await socket.timeout(5000).emitWithAck('server:ping');
    assert.ok(!Number.isNaN(Date.parse(reply.at)));
  } finally {
    socket.close();
  }
});

test('socket.io refuses a connection from another origin', async () => {
  const socket = io(server.url, {
    path: '/socket.io/',
    transports: ['websocket'],
    extraHeaders: { origin: 'http://evil.example' },
    reconnection: false,
  });
  try {
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    assert.ok(error instanceof Error);
    assert.equal(socket.connected, false);
  } finally {
    socket.close();
  }
});

test('SIGTERM closes sockets, waits for an in-flight request to finish, then exits 0', async (t) => {
  const own = await startConsole();
  const socket = io(own.url, { path: '/socket.io/', transports: ['websocket'], reconnection: false });
  t.after(async () => {
    socket.close();
    await own.stop('SIGKILL');
  });
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));

  // A request whose body is still arriving is in flight until its last byte.
  const request = http.request(`${own.url}/healthz`, { method: 'POST', headers: { 'content-length': '10' } });
  const response = new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
  request.write('12345');
  await response;

  const exited = own.stop('SIGTERM');
  await disconnected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(own.child.exitCode, null, 'exited while a request was still in flight');
  request.end('67890');
  assert.equal(await exited, 0, own.output());
});
