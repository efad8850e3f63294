'use client';

import { useSyncExternalStore } from 'react';
import { getSocket } from '@/lib/client/socket';

type State = 'connecting' | 'live' | 'offline';

const LABELS: Record<State, string> = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' };
const DOTS: Record<State, string> = { connecting: 'bg-amber-400', live: 'bg-emerald-500', offline: 'bg-rose-500' };
const EVENTS = ['connect', 'disconnect', 'connect_error'] as const;

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  for (const event of EVENTS) socket.on(event, onChange);
  return () => {
    for (const event of EVENTS) socket.off(event, onChange);
  };
}

function readState(): State {
  const socket = getSocket();
  if (socket.connected) return 'live';
  // `active` stays true while socket.io keeps retrying on its own.
  return socket.active ? 'connecting' : 'offline';
}

/** Shows whether the live channel (socket.io) to the console's server is up. */
export function LiveStatus() {
  const state = useSyncExternalStore(subscribe, readState, () => 'connecting' as const);
  return (
    <span role="status" aria-label="Live connection" className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className={`size-2 rounded-full ${DOTS[state]}`} />
      {LABELS[state]}
    </span>
  );
}
