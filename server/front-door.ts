import type { IncomingMessage, ServerResponse } from 'node:http';
import { BffError } from '@/lib/server/errors';
import type { HostPolicy } from '@/lib/server/http/host-policy';
import { writeStatus } from '@/lib/server/http/node-status';
import { COMMON_SECURITY_HEADERS, consolePolicy, newNonce } from '@/lib/server/http/security-headers';

/** Headers only a proxy may set; from anyone else they are dropped before Next or a route handler sees them. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for', 'forwarded'];

/** The liveness path: it says only `ok`. */
export const HEALTHZ_PATH = '/healthz';
/** The readiness path: 200 while every context's API server answers, else 503 with the reasons (server/readiness.ts). */
export const READYZ_PATH = '/readyz';
/** Probes address these by the pod's IP, so they answer any host; and any caller, in every auth mode. */
export const PROBE_PATHS: readonly string[] = [HEALTHZ_PATH, READYZ_PATH];

/**
 * Adds `headers` as the answer's headers are written, except those its producer set itself: a proxied
 * application answer sets a stricter policy of its own, and Next never replaces a header already set on the
 * response, so setting the defaults up front would silently win over it. Every way of answering (writeHead,
 * or a first write or end, which call it) passes here.
 */
function setDefaultHeaders(res: ServerResponse, headers: Record<string, string>): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Runs first for every HTTP request, socket.io's included: sets the security headers every answer carries
 * (with a fresh script nonce that Next reads back from the request's Content-Security-Policy header and puts
 * on its own scripts), and refuses what the console must not answer. Returns true when it answered.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse, options: { hosts: HostPolicy; dev: boolean }): boolean {
  const nonce = newNonce();
  const policy = consolePolicy({ nonce, dev: options.dev });
  // Whatever a client sent as its own policy is replaced: Next takes the nonce from this request header.
  req.headers['content-security-policy'] = policy;
  setDefaultHeaders(res, { 'content-security-policy': policy, ...COMMON_SECURITY_HEADERS });

  const url = req.url ?? '';
  // `GET http://host/path HTTP/1.1` (absolute form) is for proxies; the console is not one, and the raw-path
  // checks read origin-form targets only.
  if (!url.startsWith('/')) {
    writeStatus(res, new BffError('InvalidPath', 'the request target must be a path (origin form, as in GET /pods HTTP/1.1)'));
    return true;
  }
  if (!options.hosts.isTrustedProxy(req.socket.remoteAddress)) {
    for (const name of PROXY_HEADERS) delete req.headers[name];
  }
  if (PROBE_PATHS.includes(url)) return false;
  const refusal = options.hosts.refusal({ headers: req.headers, remoteAddress: req.socket.remoteAddress });
  if (refusal) {
    writeStatus(res, refusal);
    return true;
  }
  return false;
}
