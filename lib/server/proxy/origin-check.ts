import { BffError } from '@/lib/server/errors';

/** The header the console's pages send on writes; a cross-site form or image cannot set it. */
export const CONSOLE_REQUEST_HEADER = 'x-pilothouse-request';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

interface RequestFacts {
  method: string;
  headers: { get(name: string): string | null };
}

/**
 * Writes must come from the console's own pages. A custom header cannot be sent cross-site without a CORS
 * preflight, which the console never grants; `Sec-Fetch-Site` and `Origin`, when the browser sends them,
 * must also say same-origin. Reads need no check: the same-origin policy keeps their answers from other
 * sites, and they change nothing.
 */
export function assertSameOriginWrite({ method, headers }: RequestFacts): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  if (headers.get(CONSOLE_REQUEST_HEADER) !== '1') {
    throw new BffError('CrossSiteRequest', `${method} requests must carry the header X-Pilothouse-Request: 1, which the console's own pages send`);
  }
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') {
    throw new BffError('CrossSiteRequest', `cross-site ${method} requests are refused (Sec-Fetch-Site: ${site})`);
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    const host = headers.get('x-forwarded-host') ?? headers.get('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== host) {
      throw new BffError('CrossSiteRequest', `${method} requests from another origin (${origin}) are refused`);
    }
  }
}
