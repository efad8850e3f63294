import type { DirectClient } from './direct-client';
import { benchLogThroughput } from './log-bench';
import { logReport, logTargets } from './log-report';
import { benchLogTab } from './log-tab-bench';
import type { TargetRow } from './targets';
import { namespaces, pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

const NS = 'bench-logs';

async function waitRunning(direct: DirectClient, path: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const { text } = await direct.request('GET', path);
    if ((JSON.parse(text) as { status?: { phase?: string } }).status?.phase === 'Running') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not reach Running`);
}

/**
 * Every log figure of issue 16 in one go: lines/s of a finished log through socket.io vs straight, then a
 * pod's Logs tab in Chromium following 10,000 lines/s up to a million lines (lag, search, heap). Returns the
 * Markdown report and its target rows (for the bench's table of every target).
 */
export async function benchLogs(options: { consoleUrl: string; context: string; direct: DirectClient; log: (line: string) => void }): Promise<{ report: string; targets: TargetRow[] }> {
  const { consoleUrl, context, direct, log } = options;
  log('log throughput...');
  await direct.request('POST', resourcePath(namespaces), { metadata: { name: NS } });
  await direct.request('POST', resourcePath({ ...pods, namespace: NS }), {
    metadata: { name: 'loggen' },
    spec: { containers: [{ name: 'main', image: 'pilothouse/loggen', env: [{ name: 'LINES_PER_SECOND', value: '25000' }] }] },
  });
  await waitRunning(direct, resourcePath({ ...pods, namespace: NS, name: 'loggen' }));
  // Let the container fill its log (about 100,000 lines of 100 bytes, the kubelet's 10 MiB cap).
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const throughput = await benchLogThroughput({ bffUrl: consoleUrl, context, namespace: NS, pod: 'loggen', direct, runs: 3 });
  await direct.request('DELETE', resourcePath({ ...pods, namespace: NS, name: 'loggen' }), {});

  log('a Logs tab following 10,000 lines/s up to 1,000,000 lines...');
  const tab = await benchLogTab({ consoleUrl, context, namespace: NS, direct, linesPerSecond: 10_000, log });
  return { report: logReport(throughput, tab), targets: logTargets(throughput, tab) };
}
