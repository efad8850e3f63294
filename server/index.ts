import { createServer } from 'node:http';
import next from 'next';
import { readServerConfig } from './config';
import { attachSocketHub } from './socket-hub';
import { installShutdown } from './shutdown';
import { setRuntime } from '@/lib/server/runtime';
import { refuseUnsafeRawPath } from '@/lib/server/proxy/raw-path-guard';
import { createContextRegistry } from './contexts/registry';
import { startEmbeddedCluster } from './embedded-cluster';
import { attachLogChannel } from './log-streams/log-channel';
import { attachWatchChannel } from './watch-hub/watch-channel';
import { WatchHub } from './watch-hub/watch-hub';

const VERSION = process.env.npm_package_version ?? '0.1.0';

async function main(): Promise<void> {
  const config = readServerConfig();
  const httpServer = createServer();
  const app = next({ dev: config.dev, dir: process.cwd(), hostname: config.host, port: config.port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();

  httpServer.on('request', (req, res) => {
    // socket.io answers its own path through its own listener.
    if (req.url?.startsWith('/socket.io/')) return;
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (refuseUnsafeRawPath(req, res)) return;
    void handle(req, res);
  });

  const contexts = createContextRegistry({
    startEmbedded: () => startEmbeddedCluster({ port: 0, seed: { name: config.embeddedSeed } }),
    log: console,
  });
  const watchHub = new WatchHub({
    resolveContext: (name) => contexts.resolve(name),
    idleMs: Number(process.env.PILOTHOUSE_WATCH_IDLE_MS ?? 5_000),
    log: console,
  });
  setRuntime({ contexts });
  const io = attachSocketHub(httpServer, VERSION);
  attachWatchChannel(io, watchHub);
  attachLogChannel(io, (name) => contexts.resolve(name));
  installShutdown({ httpServer, io, log: console });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Pilothouse ${VERSION} listening on http://${config.host}:${port} (${config.dev ? 'development' : 'production'})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
