import { createServer, type Server } from 'node:http';
import { answerMetrics, METRICS_PATH } from './metrics';

/**
 * `PILOTHOUSE_METRICS_PORT`: a listener of its own that answers `GET /metrics` and nothing else, without a
 * session, for a scraper that has none. It is bound like the console (`HOST`), so in a pod a scraper reaches
 * it by the pod's IP while no Service or Ingress need route to it; what it tells (counts by route pattern,
 * channel and context name, process figures) names no cluster object and no user. It answers any Host, as
 * /healthz does: scrapers address pods by IP.
 */
export async function startMetricsListener(options: { host: string; port: number }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] !== METRICS_PATH) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('only /metrics is served here');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    answerMetrics(res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, resolve));
  return server;
}
