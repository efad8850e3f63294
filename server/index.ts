import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { readServerConfig } from './config';
import { attachSocketHub } from './socket-hub';
import { installShutdown } from './shutdown';
import { SOCKET_PATH } from '@/lib/contract/socket-events';
import { setRuntime } from '@/lib/server/runtime';
import { refuseUnsafeRawPath } from '@/lib/server/proxy/raw-path-guard';
import { createHostPolicy } from '@/lib/server/http/host-policy';
import { frontDoor, HEALTHZ_PATH, READYZ_PATH } from './front-door';
import { createReadiness } from './readiness';
import { createContextRegistry } from './contexts/registry';
import { startEmbeddedCluster } from './embedded-cluster';
import { attachExecChannel } from './exec-streams/exec-channel';
import { attachLogChannel } from './log-streams/log-channel';
import { attachWatchChannel } from './watch-hub/watch-channel';
import { WatchHub } from './watch-hub/watch-hub';
import { SubscriptionAccess } from './watch-hub/subscription-access';
import { createManifestParser } from './manifest-parser/manifest-parser';
import { writeStatus } from '@/lib/server/http/node-status';
import { createAuthGate } from './auth/gate';
import { attachSocketSessions } from './auth/socket-sessions';
import { createAuditLog } from './writes/audit-log';
import { createWriteGuard } from './writes/write-guard';
import { createWriteLimiter } from './writes/write-limiter';
import { IDENTITY_REF_HEADER } from '@/lib/server/auth/identity';
import { answerMetrics, METRICS_PATH, observeHttpRequest, observeServer, runtimeMetrics } from './metrics/metrics';
import { startMetricsListener } from './metrics/metrics-listener';
import { assignRequestId, logRequestFailure } from './log/request-log';
import { serverConsole, serverLog } from './log/server-log';

const VERSION = process.env.npm_package_version ?? '0.1.0';

async function main(): Promise<void> {
  const config = readServerConfig();
  serverLog.level = config.logLevel;
  if (config.auth.exposedWithoutLogin) {
    serverLog.warn(`WARNING: PILOTHOUSE_AUTH=none on HOST=${config.host}: anyone who reaches this console acts with its cluster credentials. Set PILOTHOUSE_AUTH=token, oidc or proxy.`);
  }
  const httpServer = createServer();
  // Longer than the idle timeout of the proxies and load balancers in front (often 60 s): with Node's default
  // of 5 s, a client reusing a pooled connection races the server closing it and gets ECONNRESET.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const app = next({ dev: config.dev, dir: process.cwd(), hostname: config.host, port: config.port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hosts = createHostPolicy({
    port: () => {
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : config.port;
    },
    bindHost: config.host,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
  });

  const contexts = createContextRegistry({
    startEmbedded: () => startEmbeddedCluster({ port: 0, seed: { name: config.embeddedSeed } }),
    log: serverConsole,
  });
  const readiness = createReadiness({ contexts, log: serverConsole });
  const watchHub = new WatchHub({
    resolveContext: (name, identity) => contexts.resolve(name, identity),
    idleMs: Number(process.env.PILOTHOUSE_WATCH_IDLE_MS ?? 5_000),
    batchMs: process.env.PILOTHOUSE_WATCH_BATCH_MS ? Number(process.env.PILOTHOUSE_WATCH_BATCH_MS) : undefined,
    log: serverConsole,
    access:
      config.auth.mode !== 'none' && config.teamWatches.mode === 'shared'
        ? new SubscriptionAccess({ resolveContext: (name) => contexts.resolve(name), recheckMs: config.teamWatches.recheckMs, log: serverConsole })
        : undefined,
  });
  // Team modes (PILOTHOUSE_AUTH=token|oidc|proxy): the session gate. Without login none of it exists.
  const audit = createAuditLog();
  const gate = config.auth.mode === 'none' ? undefined : createAuthGate({ config: config.auth, hosts, publicUrl: config.publicUrl, contexts, audit });
  // Every write, in every mode: refused when read-only, limited per session identity, audited.
  const writes = createWriteGuard({ readOnly: config.readOnly, limiter: createWriteLimiter(config.writeRateLimit), audit });
  const auth = { mode: config.auth.mode, exposedWithoutLogin: config.auth.exposedWithoutLogin, readOnly: config.readOnly, providerName: config.auth.oidc?.providerName };
  setRuntime({ contexts, hosts, auth, identities: gate?.identities, writes, metrics: runtimeMetrics, log: serverConsole, parseManifest: createManifestParser({ timeoutMs: Number(process.env.PILOTHOUSE_MANIFEST_TIMEOUT_MS) || undefined }) });
  const io = attachSocketHub(httpServer, VERSION, hosts, gate?.authenticateHandshake);
  if (gate) attachSocketSessions(io, gate);
  observeServer({ openSockets: () => io.engine.clientsCount, watches: () => watchHub.stats() });
  // socket.io answers its path from a 'request' listener of its own; the front door goes before it.
  const socketListeners = httpServer.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners('request');
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const ref = [req.headers[IDENTITY_REF_HEADER]].flat()[0];
    if (await writes.handle(req, res, ref ? gate?.identities.get(ref) : undefined)) return;
    if (req.url?.startsWith(SOCKET_PATH)) {
      for (const listener of socketListeners) listener.call(httpServer, req, res);
      return;
    }
    if (req.url === HEALTHZ_PATH) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.url === READYZ_PATH) return readiness.answer(res);
    if (req.url === METRICS_PATH) return void answerMetrics(res);
    if (refuseUnsafeRawPath(req, res)) return;
    void handle(req, res);
  };
  httpServer.on('request', (req, res) => {
    assignRequestId(req, res);
    observeHttpRequest(req, res);
    if (frontDoor(req, res, { hosts, dev: config.dev })) return;
    const failed = (error: unknown) => {
      logRequestFailure(serverLog, req, error);
      if (res.headersSent) res.destroy();
      else writeStatus(res, error);
    };
    if (!gate) return void serve(req, res).catch(failed);
    gate.handle(req, res).then((answered) => (answered ? undefined : serve(req, res))).catch(failed);
  });
  attachWatchChannel(io, watchHub);
  attachLogChannel(io, (name, identity) => contexts.resolve(name, identity));
  attachExecChannel(io, (name, identity) => contexts.resolve(name, identity), writes);
  installShutdown({ httpServer, io, log: serverConsole, readiness, delayMs: config.shutdownDelayMs });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  serverLog.info(`Pilothouse ${VERSION} listening on http://${config.host}:${port} (${config.dev ? 'development' : 'production'})`);
  if (config.metricsPort !== undefined) {
    const metricsAddress = (await startMetricsListener({ host: config.host, port: config.metricsPort })).address();
    serverLog.info(`metrics on http://${config.host}:${typeof metricsAddress === 'object' && metricsAddress ? metricsAddress.port : config.metricsPort}${METRICS_PATH}`);
  }
}

main().catch((error: unknown) => {
  serverLog.fatal({ err: error }, 'the console could not start');
  process.exit(1);
});
