'use client';

import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs`, so ages tick without re-fetching anything. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
