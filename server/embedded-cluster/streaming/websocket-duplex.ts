/**
 * A WebSocket seen as a byte stream, as client-go's TunnelingConnection sees it from the other end
 * (KEP-4006): every write is one binary message, reads run across message boundaries. The SPDY
 * session of a tunnelled port-forward runs over it unchanged.
 */
import { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

export function webSocketDuplex(ws: WebSocket): Duplex {
  const duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      if (ws.readyState !== ws.OPEN) return callback();
      ws.send(chunk, { binary: true }, () => callback());
    },
    final(callback) {
      ws.close(1000);
      callback();
    },
    destroy(error, callback) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
      callback(error);
    },
  });
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) duplex.push(data);
  });
  ws.on('close', () => {
    duplex.push(null);
    duplex.destroy();
  });
  ws.on('error', () => duplex.destroy());
  return duplex;
}
