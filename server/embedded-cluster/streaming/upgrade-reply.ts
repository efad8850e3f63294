/**
 * Answers to upgrade requests that are refused, written on the raw socket (there is no
 * ServerResponse once Node has handed the socket to the `upgrade` listener): a metav1.Status as
 * the API server sends it, or the kubelet's plain-text streaming error.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { KubeletStreamError } from '../kubelet/streaming';
import { ApiError, internalError } from '../status';

/** Writes the HTTP answer for `err` and closes the socket. */
export function refuseUpgrade(socket: Duplex, err: unknown): void {
  let status: number;
  let contentType: string;
  let body: string;
  if (err instanceof KubeletStreamError) {
    status = err.code;
    contentType = 'text/plain; charset=utf-8';
    body = err.message;
  } else {
    const apiError = err instanceof ApiError ? err : internalError(err);
    status = apiError.code;
    contentType = 'application/json';
    body = JSON.stringify(apiError.toStatus());
  }
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-cache, private',
    `Date: ${new Date().toUTCString()}`,
    'Connection: close',
  ];
  if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}
