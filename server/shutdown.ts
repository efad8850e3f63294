import type { Server as HttpServer } from 'node:http';
import type { Readiness } from './readiness';
import type { SocketHub } from './socket-hub';

interface ShutdownOptions {
  httpServer: HttpServer;
  io: SocketHub;
  log: Pick<Console, 'log' | 'error'>;
  /** In-flight requests get this long to finish before the process exits anyway. */
  graceMs?: number;
  /** Told first, so /readyz answers 503 from the signal on. */
  readiness: Pick<Readiness, 'drain'>;
  /**
   * `PILOTHOUSE_SHUTDOWN_DELAY_MS`: how long to go on serving, not ready, after SIGTERM. Kubernetes removes a
   * terminating pod from its Service's endpoints while it signals the pod; until every proxy and load balancer
   * has heard, new connections still arrive, and a console that had closed its port would refuse them.
   */
  delayMs?: number;
}

/**
 * On SIGTERM or SIGINT: stop being ready, wait `delayMs` (SIGTERM only; a person pressing Ctrl-C wants it
 * gone), stop accepting connections, close every socket.io client, let in-flight HTTP
 * requests finish, then exit 0. A second signal, or the grace period running out, exits at once.
 */
export function installShutdown({ httpServer, io, log, graceMs = 10_000, readiness, delayMs = 0 }: ShutdownOptions): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    readiness.drain();
    const delay = signal === 'SIGTERM' ? delayMs : 0;
    log.log(`${signal}: shutting down${delay ? ` in ${delay} ms (not ready meanwhile)` : ''}`);
    setTimeout(() => close(), delay);
  };
  const close = () => {
    const timer = setTimeout(() => {
      log.error(`requests still open after ${graceMs} ms; exiting`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    io.disconnectSockets(true);
    // io.close() also closes the HTTP server, which waits for every connection to end. A keep-alive
    // connection stays open while idle (for 65 s), and one whose request is still in flight goes idle only
    // when that request is done, so idle connections are closed as they appear until the server has stopped.
    const sweep = setInterval(() => httpServer.closeIdleConnections(), 50);
    sweep.unref();
    httpServer.closeIdleConnections();
    void io.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
