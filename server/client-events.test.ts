import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { CLIENT_EVENTS } from '@/lib/contract/socket-events';
import { startConsole, type ConsoleProcess } from './testing/console-process';
import { connectSocket, type TestSocket } from './watch-hub/socket-client';

let server: ConsoleProcess;
let socket: TestSocket;
/** The same socket without the contract's types, to send what a hostile client would. */
let raw: Socket;

before(async () => {
  server = await startConsole({ PILOTHOUSE_EMBEDDED: 'false' });
  socket = await connectSocket(server.url);
  raw = socket as unknown as Socket;
});

after(async () => {
  socket?.close();
  await server?.stop('SIGKILL');
});

const EVENTS = Object.keys(CLIENT_EVENTS) as (keyof typeof CLIENT_EVENTS)[];
const BAD_PAYLOADS: unknown[] = [undefined, null, 42, 'text', [], { id: {} }, { id: '' }, { id: 'x'.repeat(65) }, { id: 'a', target: 'pods' }, { id: 'a', target: { context: 'x', resource: '../secrets' } }];

/** Resolves once the server has handled everything sent before it (socket.io keeps a socket's packets in order). */
const ping = async () => (await socket.timeout(10_000).emitWithAck('server:ping')).at;

test('every client event without an ack, with any payload, is dropped: no exception, the socket stays up', async () => {
  for (const event of EVENTS) {
    raw.emit(event);
    for (const payload of BAD_PAYLOADS) raw.emit(event, payload);
  }
  raw.emit('watch:subscribe', { id: 'no-ack', target: { context: 'nope', version: 'v1', resource: 'pods' } });
  assert.ok(!Number.isNaN(Date.parse(await ping())));
  assert.equal(socket.connected, true);
  assert.doesNotMatch(server.output(), /TypeError|uncaught|is not a function/i);
});

test('every client event with a payload refuses a bad one through its ack with a 400 Status', async () => {
  for (const event of EVENTS.filter((e) => CLIENT_EVENTS[e].payload && CLIENT_EVENTS[e].ack)) {
    for (const payload of BAD_PAYLOADS) {
      const reply = await raw.timeout(10_000).emitWithAck(event, payload);
      assert.equal(reply.ok, false, `${event} ${JSON.stringify(payload)}`);
      assert.equal(reply.status.code, 400);
      assert.equal(reply.status.reason, 'BadRequest');
      assert.match(reply.status.message, new RegExp(`^invalid ${event}: `));
    }
  }
  assert.doesNotMatch(server.output(), /TypeError|uncaught|is not a function/i);
});

test('an ack where the contract has none is ignored, and extra arguments do not confuse a ping', async () => {
  raw.emit('watch:unsubscribe', { id: 'x' }, () => assert.fail('watch:unsubscribe has no ack'));
  const reply = await raw.timeout(10_000).emitWithAck('server:ping', 'junk', { more: true });
  assert.ok(!Number.isNaN(Date.parse(reply.at)));
  assert.equal(socket.connected, true);
});
