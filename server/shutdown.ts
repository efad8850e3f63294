import type { Server as HttpServer } from 'node:http';
import type { SocketHub } from './socket-hub';

interface ShutdownOptions {
  httpServer: HttpServer;
  io: SocketHub;
  log: Pick<Console, 'log' | 'error'>;
  /** In-flight requests get this long to finish before the process exits anyway. */
  graceMs?: number;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, close every socket.io client, let in-flight HTTP
 * requests finish, then exit 0. A second signal, or the grace period running out, exits at once.
 */
export function installShutdown({ httpServer, io, log, graceMs = 10_000 }: ShutdownOptions): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.log(`${signal}: shutting down`);
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
