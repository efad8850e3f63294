import { PassThrough, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import type { ExecEnd, ParsedExecOpen } from '@/lib/contract/exec';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import { openSubscription } from '../metrics/metrics';

/** Where a session's output goes. */
export interface ExecSink {
  data(text: string): void;
  end(end: DistributiveOmit<ExecEnd, 'id'>): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A running session: keystrokes in, terminal size, close. */
export interface ExecSession {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

/** The exit code in a remotecommand Status: Success is 0, NonZeroExitCode carries it as the `ExitCode` cause. */
export function exitCodeOf(status: V1Status): number | undefined {
  if (status.status === 'Success') return 0;
  if (status.reason !== 'NonZeroExitCode') return undefined;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = Number(cause?.message);
  return Number.isInteger(code) ? code : undefined;
}

/**
 * `kubectl exec -it` through client-node's `Exec` (the API server's `pods/exec` over WebSocket): a TTY,
 * stdin from the browser's keystrokes, stdout to the browser, the terminal size on the resize channel.
 * Ends once: with the exit code from the error channel, with the failure, or when closed.
 */
export function startExecSession(options: { kubeConfig: KubeConfig; request: ParsedExecOpen; sink: ExecSink }): ExecSession {
  const { kubeConfig, request, sink } = options;
  const { namespace, pod, container, command } = request.target;
  let ended = false;
  const subscription = openSubscription('exec');
  const end = (result: DistributiveOmit<ExecEnd, 'id'>) => {
    if (ended) return;
    ended = true;
    subscription.close();
    sink.end(result);
  };
  const stdin = new PassThrough();
  const decoder = new StringDecoder('utf8');
  // client-node reads the terminal size from stdout (`columns`, `rows`, `resize` events), as from a TTY.
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        const text = decoder.write(chunk);
        if (text && !ended) sink.data(text);
        callback();
      },
    }),
    { columns: request.cols, rows: request.rows },
  );
  let socket: { close(): void } | undefined;
  let closed = false;
  void new Exec(kubeConfig)
    .exec(namespace, pod, container, command, stdout, null, stdin, true, (status) => {
      const exitCode = exitCodeOf(status);
      if (exitCode !== undefined) end({ reason: 'exited', exitCode });
      else end({ reason: 'failed', status: failureStatus({ code: status.code ?? 500, reason: status.reason ?? 'InternalError', message: status.message ?? 'exec failed' }) as K8sStatus });
    })
    .then(
      (ws) => {
        socket = ws;
        if (closed) ws.close();
        ws.on('close', () => end({ reason: 'closed' }));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
        end({ reason: 'failed', status: failureStatus({ code: 502, reason: 'BadGateway', message: `could not start the exec session: ${message}` }) });
      },
    );
  return {
    write: (data) => {
      if (!ended) stdin.write(data);
    },
    resize: (cols, rows) => {
      stdout.columns = cols;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    close: () => {
      closed = true;
      socket?.close();
      stdin.end();
      end({ reason: 'closed' });
    },
  };
}
