'use client';

import type { ChannelStatus } from '@/lib/client/live-channel';
import { useLiveChannel } from '@/lib/client/use-live-channel';

const LABELS: Record<ChannelStatus, string> = { connecting: 'Connecting…', live: 'Live', down: 'Offline' };
const DOTS: Record<ChannelStatus, string> = { connecting: 'bg-amber-400', live: 'bg-emerald-500', down: 'bg-rose-500' };

/** Shows whether the live channel (socket.io) to the console's server is up. */
export function LiveStatus() {
  const { status } = useLiveChannel();
  return (
    <span role="status" aria-label="Live connection" className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className={`size-2 rounded-full ${DOTS[status]}`} />
      {LABELS[status]}
    </span>
  );
}
