'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ExecEnd } from '@/lib/contract/exec';
import type { K8sStatus } from '@/lib/contract/status';
import { getSocket } from '@/lib/client/socket';

/** Where a shell session is. */
export type ShellStatus =
  | { state: 'idle' }
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'exited'; exitCode: number }
  | { state: 'failed'; message: string }
  | { state: 'closed' };

export interface ShellTarget {
  context: string;
  namespace: string;
  pod: string;
  container: string;
  command: string[];
}

let sessionCount = 0;

function endStatus(end: ExecEnd): ShellStatus {
  if (end.reason === 'exited') return { state: 'exited', exitCode: end.exitCode };
  if (end.reason === 'failed') return { state: 'failed', message: (end.status as K8sStatus).message ?? 'exec failed' };
  return { state: 'closed' };
}

/**
 * One exec session in an xterm.js terminal mounted in `element`: keystrokes go up as `exec:data`, output
 * is written by the terminal (never as HTML), the terminal's size follows the element (`exec:resize`).
 * A new session whenever `target` or `attempt` changes; unmounting closes it (`exec:close`).
 */
export function useShellSession(element: RefObject<HTMLDivElement | null>, target: ShellTarget | null, attempt: number): ShellStatus {
  const key = target ? JSON.stringify({ ...target, attempt }) : '';
  const [reported, setReported] = useState<{ key: string; status: ShellStatus }>({ key: '', status: { state: 'idle' } });

  useEffect(() => {
    const host = element.current;
    if (!key || !host) return;
    const current = JSON.parse(key) as ShellTarget;
    const report = (status: ShellStatus) => setReported({ key, status });
    const socket = getSocket();
    const id = `exec-${Date.now().toString(36)}-${++sessionCount}`;
    let disposed = false;
    let ended = false;
    let cleanup = () => {};

    void (async () => {
      // xterm touches the DOM when loaded: only in the browser, and only for this tab.
      const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
      if (disposed) return;
      const terminal = new Terminal({ convertEol: false, cursorBlink: true, fontSize: 13, scrollback: 5000, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' });
      const fit = new FitAddon();
      terminal.loadAddon(fit);
      terminal.open(host);
      fit.fit();
      const finish = (status: ShellStatus) => {
        if (ended) return;
        ended = true;
        report(status);
      };
      const onData = (data: { id: string; data: string }) => {
        if (data.id === id) terminal.write(data.data);
      };
      const onClose = (end: ExecEnd) => {
        if (end.id === id) finish(endStatus(end));
      };
      const onDisconnect = () => finish({ state: 'failed', message: 'the connection to the console was lost' });
      socket.on('exec:data', onData);
      socket.on('exec:close', onClose);
      socket.on('disconnect', onDisconnect);
      const typed = terminal.onData((data) => {
        if (!ended) socket.emit('exec:data', { id, data });
      });
      const resized = terminal.onResize(({ cols, rows }) => {
        if (!ended) socket.emit('exec:resize', { id, cols, rows });
      });
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(host);
      report({ state: 'connecting' });
      socket.emit('exec:open', { id, target: current, cols: terminal.cols, rows: terminal.rows }, (ack) => {
        if (!ack.ok) finish({ state: 'failed', message: ack.status.message ?? 'exec failed' });
        else if (!ended) {
          report({ state: 'open' });
          terminal.focus();
        }
      });
      cleanup = () => {
        if (!ended) socket.emit('exec:close', { id });
        socket.off('exec:data', onData);
        socket.off('exec:close', onClose);
        socket.off('disconnect', onDisconnect);
        typed.dispose();
        resized.dispose();
        observer.disconnect();
        terminal.dispose();
      };
    })();

    return () => {
      disposed = true;
      cleanup();
    };
  }, [key, element]);

  return !key ? { state: 'idle' } : reported.key === key ? reported.status : { state: 'connecting' };
}
