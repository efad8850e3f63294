import { KINDS } from './kinds';
import type { LongRunningMetric } from './watch';

const HELP =
  '# HELP apiserver_longrunning_requests [STABLE] Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component. Not all requests are tracked this way.\n' +
  '# TYPE apiserver_longrunning_requests gauge\n';

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const STREAMS_HELP =
  "# HELP embedded_spdy_streams Open SPDY streams of port-forward sessions, by subresource (the embedded cluster's own gauge: a real API server has none).\n" +
  '# TYPE embedded_spdy_streams gauge\n';

/**
 * `/metrics` in the Prometheus text format, with the gauge the real API server exports for open watches
 * and connect sessions (exec, port-forward), so tests (and curious users) can count them the way they
 * would on a real cluster; and the open SPDY streams, so a test can see that none leaked. Keys of
 * `longRunning` are `verb/resource[/subresource]`.
 */
export function renderMetrics(longRunning: LongRunningMetric, streams: Map<string, number> = new Map()): string {
  const lines: string[] = [];
  for (const [key, value] of [...longRunning.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [verb = '', resource = '', subresource = ''] = key.split('/');
    const kind = KINDS.find((k) => k.resource === resource);
    const labels = {
      component: 'apiserver',
      group: kind?.group ?? '',
      resource,
      scope: '',
      subresource,
      verb: verb.toUpperCase(),
      version: kind?.version ?? '',
    };
    const text = Object.entries(labels).map(([name, v]) => `${name}=${quote(v)}`).join(',');
    lines.push(`apiserver_longrunning_requests{${text}} ${value}`);
  }
  const streamLines = [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sub, n]) => `embedded_spdy_streams{subresource=${quote(sub)}} ${n}\n`);
  return HELP + lines.map((line) => `${line}\n`).join('') + STREAMS_HELP + streamLines.join('');
}
