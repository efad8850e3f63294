/**
 * `kubectl exec` over WebSocket, remotecommand's channel protocol (v4.channel.k8s.io and
 * v5.channel.k8s.io): every binary message starts with its channel, 0 stdin, 1 stdout, 2 stderr,
 * 3 error (the final Status), 4 resize (`{"Width":80,"Height":24}`); v5 adds 255, the close signal
 * (`[255, channel]`: the client half-closed stdin). The server ends by writing the Status on channel 3
 * and closing the socket normally, which the client reads as the end of every stream.
 */
import { PassThrough } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ExecStreams } from '../kubelet/exec/session';
import { execStatus, type ExecOutcome } from './exec-status';

export const EXEC_WEBSOCKET_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

/** The streams the request asked for (`stdin`, `stdout`, `stderr`, `tty` query parameters). */
export interface ExecRequestStreams {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** Serves one exec session on an accepted WebSocket; resolves when the socket is closed. */
export function serveExecChannels(options: {
  ws: WebSocket;
  wanted: ExecRequestStreams;
  run: (streams: ExecStreams) => Promise<ExecOutcome>;
}): Promise<void> {
  const { ws, wanted } = options;
  const gone = new AbortController();
  const stdin = wanted.stdin ? new PassThrough() : undefined;
  const send = (channel: number, text: string) => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
  };
  let size: { width: number; height: number } | undefined;
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary || data.length === 0) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === STDIN) stdin?.write(payload);
    else if (channel === CLOSE && payload[0] === STDIN) stdin?.end();
    else if (channel === RESIZE) {
      try {
        // remotecommand.TerminalSize has no JSON tags and Go matches keys case-insensitively:
        // kubectl sends `Width`, client-node `width`.
        const next = Object.fromEntries(Object.entries(JSON.parse(payload.toString()) as object).map(([k, v]) => [k.toLowerCase(), v])) as { width?: number; height?: number };
        size = { width: Number(next.width ?? 0), height: Number(next.height ?? 0) };
      } catch {
        // A malformed size is ignored, as the kubelet's resize decoder drops it.
      }
    }
  });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  void closed.then(() => {
    gone.abort();
    stdin?.end();
  });
  const streams: ExecStreams = {
    tty: wanted.tty,
    stdout: wanted.stdout ? (text) => send(STDOUT, text) : undefined,
    stderr: wanted.stderr && !wanted.tty ? (text) => send(STDERR, text) : undefined,
    stdin,
    size: () => size,
    signal: gone.signal,
  };
  void options.run(streams).then(
    (outcome) => {
      send(ERROR, JSON.stringify(execStatus(outcome)));
      ws.close(1000);
    },
    // A fault of the simulation itself: the session ends as an internal error rather than hanging.
    () => ws.close(1011),
  );
  return closed;
}
