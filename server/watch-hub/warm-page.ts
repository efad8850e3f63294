import type { IncomingMessage } from 'node:http';
import { pageListTargets } from '@/lib/contract/list-targets';
import { watchTargetSchema } from '@/lib/contract/watch';
import type { Identity } from '@/lib/server/auth/identity';
import type { WatchHub } from './watch-hub';

/**
 * When a browser navigates to a list page, starts the shared watches the page will subscribe to, so the
 * upstream list (for 50,000 pods, its first page alone) runs while the page's scripts load and hydrate
 * instead of after. Only a navigation (`Sec-Fetch-Dest: document`), not Next's RSC fetches and prefetches:
 * a link in view must not start a list. A watch nobody joins closes after the hub's idle time.
 */
export function warmPageWatches(hub: WatchHub, req: IncomingMessage, identity: Identity | undefined): void {
  if (req.method !== 'GET' || req.headers['sec-fetch-dest'] !== 'document' || !req.url) return;
  const url = new URL(req.url, 'http://page');
  for (const target of pageListTargets(url.pathname, url.searchParams)) {
    const parsed = watchTargetSchema.safeParse(target);
    // A context the console does not have, or one it cannot reach: the page's own subscription gets the
    // same refusal, and shows it; here it would only be said twice.
    if (parsed.success) hub.warm(parsed.data, identity).catch(() => undefined);
  }
}
