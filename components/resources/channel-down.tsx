'use client';

import { secondsUntil } from '@/lib/client/live-channel';
import { retryChannelNow } from '@/lib/client/socket';
import type { OfflineList } from '@/lib/client/use-watched-list';
import { Button } from '@/components/ui/button';
import { useNow } from '@/components/ui/use-now';

const clock = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });

/**
 * Said when the live channel has not connected for a few seconds: what is wrong, what to do, when the next
 * attempt is (with a way to try now, which lists again over HTTP too), and that the list below was fetched
 * once and does not update.
 */
export function ChannelDown({ noun, offline }: { noun: string; offline: OfflineList }) {
  const now = useNow(500).getTime();
  const { channel, fetchedAt, fetchError } = offline;
  const next = channel.nextRetryAt;
  return (
    <section aria-labelledby="channel-down-title" className="mb-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
      <div role="alert">
        <h2 id="channel-down-title" className="font-medium">Not live: the console&apos;s live channel cannot connect</h2>
        <p className="mt-1">
          The browser cannot open the socket.io connection to this console&apos;s server (<code className="font-mono text-xs">/socket.io/</code>)
          {channel.error ? <>; the last attempt ended with <span className="font-mono text-xs">{channel.error}</span></> : null}. Check that the Pilothouse
          server is running and reachable, and that any proxy in front of it passes WebSocket upgrades on <code className="font-mono text-xs">/socket.io/</code>.
        </p>
        <p className="mt-1">
          {fetchedAt
            ? `Below: the ${noun} as listed once over HTTP at ${clock(fetchedAt)}. They do not update until the channel is back.`
            : fetchError
              ? `The ${noun} could not be listed over HTTP either: ${fetchError.message}`
              : `Listing the ${noun} once over HTTP…`}
        </p>
      </div>
      <div className="mt-2 flex items-center gap-3">
        <span className="tabular-nums" aria-live="off">
          {next === undefined ? 'Connecting…' : `Retrying in ${secondsUntil(next, now)} s (attempt ${channel.attempts + 1})`}
        </span>
        <Button
          onClick={() => {
            retryChannelNow();
            offline.refetch();
          }}
        >
          Retry now
        </Button>
      </div>
    </section>
  );
}
