import { BffError } from '@/lib/server/errors';
import { getRuntime } from '@/lib/server/runtime';

/** The header the console's pages send on writes; a cross-site form or image cannot set it. */
export const CONSOLE_REQUEST_HEADER = 'x-pilothouse-request';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

interface RequestFacts {
  method: string;
  headers: { get(name: string): string | null };
}

export interface SameOriginOptions {
  /**
   * Checks reads too: a GET through a `proxy` subresource is a request to an application in the cluster,
   * which may act on it, so a cross-site `fetch(url, { mode: 'no-cors' })` must not reach it.
   */
  guardReads?: boolean;
  /** The console's own origins; by default the custom server's host policy (none without it: fail closed). */
  isAllowedOrigin?: (origin: string) => boolean;
}

/**
 * Writes must come from the console's own pages. A custom header cannot be sent cross-site without a CORS
 * preflight, which the console never grants; `Sec-Fetch-Site` and `Origin`, when the browser sends them,
 * must also say same-origin, and Origin must be one of the console's own origins (not merely match the
 * request's Host, which a DNS-rebinding page controls). Reads need no check unless `guardReads`: the
 * same-origin policy keeps their answers from other sites, and they change nothing.
 */
export function assertSameOrigin({ method, headers }: RequestFacts, options: SameOriginOptions = {}): void {
  if (!options.guardReads && SAFE_METHODS.has(method.toUpperCase())) return;
  if (headers.get(CONSOLE_REQUEST_HEADER) !== '1') {
    throw new BffError('CrossSiteRequest', `${method} requests${options.guardReads ? ' through a proxy subresource' : ''} must carry the header X-Pilothouse-Request: 1, which the console's own pages send`);
  }
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') {
    throw new BffError('CrossSiteRequest', `cross-site ${method} requests are refused (Sec-Fetch-Site: ${site})`);
  }
  const origin = headers.get('origin');
  const isAllowedOrigin = options.isAllowedOrigin ?? ((value: string) => getRuntime()?.hosts?.isAllowedOrigin(value) ?? false);
  if (origin !== null && !isAllowedOrigin(origin)) {
    throw new BffError('CrossSiteRequest', `${method} requests from another origin (${origin}) are refused`);
  }
}
