import type { LogThroughputResult } from './log-bench';
import type { LogTabResult } from './log-tab-bench';
import { targetsTable, type TargetRow } from './targets';

/** The log figures against the targets of issue 16. */
export function logTargets(throughput: LogThroughputResult, tab: LogTabResult): TargetRow[] {
  const ratio = throughput.bffLinesPerSecond / throughput.directLinesPerSecond;
  return [
    {
      measure: `logs: lines/s through socket.io vs straight (finished log of ${throughput.lines} lines)`,
      target: 'at least 0.9x',
      measured: `${ratio.toFixed(2)}x (${throughput.bffLinesPerSecond} vs ${throughput.directLinesPerSecond})`,
      met: ratio >= 0.9,
    },
    ...tab.searches.map((s) => ({
      measure: `logs: search over ${tab.held.toLocaleString('en-US')} lines in the tab: \`${s.query}\` (${s.lines.toLocaleString('en-US')} lines match)`,
      target: 'under 200 ms',
      measured: `${s.ms} ms`,
      met: s.ms < 200,
    })),
    { measure: `logs: JS heap with ${tab.held.toLocaleString('en-US')} lines held (${tab.dropped.toLocaleString('en-US')} dropped)`, target: 'under 300 MB', measured: `${tab.heapMb} MB`, met: tab.heapMb < 300 },
    {
      measure: `logs: following ${tab.linesPerSecond.toLocaleString('en-US')} lines/s for ${tab.followSeconds} s: newest painted line behind its write`,
      target: 'never falls behind',
      measured: `p50 ${tab.lagP50Ms} ms, p95 ${tab.lagP95Ms} ms, max ${tab.lagMaxMs} ms`,
      met: tab.lagMaxMs < 2000,
    },
  ];
}

/** The log figures as Markdown for docs/benchmarks.md: the targets table and how it was measured. */
export function logReport(throughput: LogThroughputResult, tab: LogTabResult): string {
  const worstSearch = Math.max(...tab.searches.map((s) => s.ms));
  return [
    targetsTable(logTargets(throughput, tab), 'logs'),
    '',
    `Worst search ${worstSearch} ms. Lag is sampled every 250 ms in the page: the timestamp of the newest row painted against the clock (same machine).`,
  ].join('\n');
}
