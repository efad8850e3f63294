'use client';

import type { ConsoleSocket } from '@/lib/client/socket';
import type { LogEnd, LogError, LogLines, LogTarget } from '@/lib/contract/logs';
import { logLinesText } from '@/lib/contract/log-wire';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';

export interface LogHandlers {
  /**
   * Lines in order, as one text: the batch's lines joined by `\n` (`logLinesText`). The next batch is sent
   * after this returns (the ack is the backpressure; at most two batches await it).
   */
  lines(text: string): void;
  end(end: LogEnd): void;
  error(status: K8sStatus): void;
}

let nextId = 0;

/**
 * Reads one container's log over the shared socket. A reader that cannot keep up simply acks later; the
 * BFF then pauses the upstream read instead of dropping lines. A lost connection ends the log with an error
 * (a followed log cannot resume exactly where it was; the viewer offers to start again). Returns unsubscribe.
 */
export function subscribeLog(socket: ConsoleSocket, target: LogTarget, handlers: LogHandlers): () => void {
  const id = `l${++nextId}`;
  let open = true;
  const close = () => {
    open = false;
    socket.off('log:lines', onLines);
    socket.off('log:end', onEnd);
    socket.off('log:error', onError);
    socket.off('disconnect', onDisconnect);
  };
  const onLines = (batch: LogLines, ack: () => void) => {
    if (batch.id !== id) return;
    handlers.lines(logLinesText(batch.data));
    ack();
  };
  const onEnd = (end: LogEnd) => {
    if (end.id !== id) return;
    close();
    handlers.end(end);
  };
  const onError = (error: LogError) => {
    if (error.id !== id) return;
    close();
    handlers.error(error.status);
  };
  const onDisconnect = () => {
    close();
    handlers.error(failureStatus({ code: 503, reason: 'ServiceUnavailable', message: 'the connection to the console was lost' }));
  };
  socket.on('log:lines', onLines);
  socket.on('log:end', onEnd);
  socket.on('log:error', onError);
  socket.on('disconnect', onDisconnect);
  socket.emit('log:subscribe', { id, target }, (ack) => {
    if (!ack.ok && open) {
      close();
      handlers.error(ack.status);
    }
  });
  return () => {
    if (!open) return;
    close();
    socket.emit('log:unsubscribe', { id });
  };
}
