import type { LogThroughputResult } from './log-bench';
import type { LogTabResult } from './log-tab-bench';

/** The log figures against the targets of issue 16, as Markdown for docs/benchmarks.md. */
export function logReport(throughput: LogThroughputResult, tab: LogTabResult): string {
  const ratio = throughput.bffLinesPerSecond / throughput.directLinesPerSecond;
  const worstSearch = Math.max(...tab.searches.map((s) => s.ms));
  const row = (measure: string, target: string, measured: string, met: boolean) => `| ${measure} | ${target} | ${measured} | ${met ? 'yes' : 'no'} |`;
  return [
    '| logs | target | measured | met |',
    '| --- | --- | --- | --- |',
    row(
      `lines/s through socket.io vs straight (finished log of ${throughput.lines} lines)`,
      'at least 0.9x',
      `${ratio.toFixed(2)}x (${throughput.bffLinesPerSecond} vs ${throughput.directLinesPerSecond})`,
      ratio >= 0.9,
    ),
    ...tab.searches.map((s) => row(`search over ${tab.held.toLocaleString('en-US')} lines in the tab: \`${s.query}\` (${s.lines.toLocaleString('en-US')} lines match)`, 'under 200 ms', `${s.ms} ms`, s.ms < 200)),
    row(`JS heap with ${tab.held.toLocaleString('en-US')} lines held (${tab.dropped.toLocaleString('en-US')} dropped)`, 'under 300 MB', `${tab.heapMb} MB`, tab.heapMb < 300),
    row(
      `following ${tab.linesPerSecond.toLocaleString('en-US')} lines/s for ${tab.followSeconds} s: newest painted line behind its write`,
      'never falls behind',
      `p50 ${tab.lagP50Ms} ms, p95 ${tab.lagP95Ms} ms, max ${tab.lagMaxMs} ms`,
      tab.lagMaxMs < 2000,
    ),
    '',
    `Worst search ${worstSearch} ms. Lag is sampled every 250 ms in the page: the timestamp of the newest row painted against the clock (same machine).`,
  ].join('\n');
}
