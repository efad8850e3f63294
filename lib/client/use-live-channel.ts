'use client';

import { useSyncExternalStore } from 'react';
import type { ChannelState } from '@/lib/client/live-channel';
import { readChannel, subscribeChannel } from '@/lib/client/socket';

const SERVER_SNAPSHOT: ChannelState = { status: 'connecting', attempts: 0 };

/** The live channel's state (re-rendering on every change): connecting, live or down, and its retries. */
export function useLiveChannel(): ChannelState {
  return useSyncExternalStore(subscribeChannel, readChannel, () => SERVER_SNAPSHOT);
}
