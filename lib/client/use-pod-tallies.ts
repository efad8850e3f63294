'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import type { WatchEvent } from '@/lib/k8s/list-reducer';
import type { PodListRow } from '@/lib/k8s/pod-list-row';
import { PodTallies, type Figures, type PodTally } from '@/lib/k8s/pod-tallies';
import { allPodRowsTarget } from '@/lib/contract/list-targets';
import type { WatchTap } from '@/lib/client/shared-watches';
import { useWatchedList } from '@/lib/client/use-watched-list';

/** A `PodTallies` following the shared watch of every pod's row, with a version React can read. */
class TalliesTap<F extends Figures> implements WatchTap<PodListRow> {
  readonly tallies: PodTallies<PodListRow, F>;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(tally: PodTally<PodListRow, F>) {
    this.tallies = new PodTallies(tally);
  }

  reset(items: Iterable<PodListRow>): void {
    this.tallies.reset(items);
    this.notify();
  }

  apply(events: readonly WatchEvent<PodListRow>[]): void {
    if (this.tallies.apply(events).size > 0) this.notify();
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly current = () => this.version;

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/**
 * A tally over every pod of the cluster (the rows of the pods watch the Pods and Namespaces pages share),
 * kept from the watch's events: a batch of k pod changes costs O(k), not a pass over every pod. Returns the
 * totals of a key; a new function only when some key's totals changed, so a pod event that changes no
 * figure renders nothing new.
 */
export function usePodTallies<F extends Figures>(context: string | undefined, tally: PodTally<PodListRow, F>): (key: string) => F | undefined {
  const [tap] = useState(() => new TalliesTap(tally));
  useWatchedList<PodListRow>(context ? allPodRowsTarget(context) : null, tap);
  const version = useSyncExternalStore(tap.subscribe, tap.current, tap.current);
  // `version` says that the tallies, which change in place, changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (key: string) => tap.tallies.get(key), [tap, version]);
}
