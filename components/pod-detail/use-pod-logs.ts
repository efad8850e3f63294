'use client';

import { useEffect, useState } from 'react';
import { logCapacityFrom, LogBuffer } from '@/lib/client/log-buffer';
import { subscribeLog } from '@/lib/client/log-subscription';
import { getSocket } from '@/lib/client/socket';
import type { LogStreamStatus, LogViewOptions } from '@/components/logs/log-types';

interface PodLogsOptions {
  context?: string;
  namespace: string;
  pod: string;
  view: LogViewOptions;
  enabled: boolean;
  /** Bumped to subscribe again with the same options (after an error or an end). */
  attempt: number;
}

/**
 * One container's log over the socket, into a LogBuffer the viewer paints from. A new subscription (and an
 * empty buffer) whenever the options or the attempt change.
 */
export function usePodLogs(options: PodLogsOptions) {
  const { context, namespace, pod, view, enabled, attempt } = options;
  // On the server the buffer stays empty, so reading the address only in the browser cannot break hydration.
  const [buffer] = useState(() => new LogBuffer(typeof window === 'undefined' ? undefined : logCapacityFrom(window.location.search)));
  const active = enabled && Boolean(context) && Boolean(view.container);
  const key = JSON.stringify({ context, namespace, pod, view, attempt, active });
  // The stream's status, tagged with the subscription it describes: a status of an older one means "connecting".
  const [reported, setReported] = useState<{ key: string; status: LogStreamStatus }>({ key: '', status: { state: 'idle' } });

  useEffect(() => {
    buffer.clear();
    const current = JSON.parse(key) as Omit<PodLogsOptions, 'enabled'> & { active: boolean };
    if (!current.active || !current.context) return;
    let streaming = false;
    const report = (status: LogStreamStatus) => setReported({ key, status });
    return subscribeLog(getSocket(), { context: current.context, namespace: current.namespace, pod: current.pod, ...current.view }, {
      lines: (batch) => {
        buffer.appendText(batch);
        if (!streaming) {
          streaming = true;
          report({ state: 'streaming' });
        }
      },
      end: (end) => report({ state: 'ended', reason: end.reason }),
      error: (status) => report({ state: 'error', status }),
    });
  }, [key, buffer]);

  const status: LogStreamStatus = !active ? { state: 'idle' } : reported.key === key ? reported.status : { state: 'connecting' };
  return { buffer, status };
}
