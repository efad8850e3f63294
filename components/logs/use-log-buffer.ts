'use client';

import { useEffect, useState } from 'react';
import type { LogBuffer } from '@/lib/client/log-buffer';

/**
 * Re-renders when the buffer changes, at most once per animation frame: a fast log appends many batches
 * per frame, and the page only needs to paint the latest state. Returns the buffer's version.
 */
export function useLogBufferVersion(buffer: LogBuffer): number {
  const [version, setVersion] = useState(buffer.version);
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion(buffer.version);
      });
    };
    // Catch up with anything appended between render and subscription.
    schedule();
    const unsubscribe = buffer.subscribe(schedule);
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [buffer]);
  return version;
}
