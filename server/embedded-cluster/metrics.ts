import { KINDS } from './kinds';
import type { LongRunningMetric } from './watch';

const HELP =
  '# HELP apiserver_longrunning_requests [STABLE] Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component. Not all requests are tracked this way.\n' +
  '# TYPE apiserver_longrunning_requests gauge\n';

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * `/metrics` in the Prometheus text format, with the gauge the real API server exports for open watches,
 * so tests (and curious users) can count upstream watches the way they would on a real cluster.
 */
export function renderMetrics(longRunning: LongRunningMetric): string {
  const lines: string[] = [];
  for (const [key, value] of [...longRunning.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [verb = '', resource = ''] = key.split('/');
    const kind = KINDS.find((k) => k.resource === resource);
    const labels = {
      component: 'apiserver',
      group: kind?.group ?? '',
      resource,
      scope: '',
      subresource: '',
      verb: verb.toUpperCase(),
      version: kind?.version ?? '',
    };
    const text = Object.entries(labels).map(([name, v]) => `${name}=${quote(v)}`).join(',');
    lines.push(`apiserver_longrunning_requests{${text}} ${value}`);
  }
  return HELP + lines.map((line) => `${line}\n`).join('');
}
