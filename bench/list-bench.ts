import { median, since } from './stats';
import type { DirectClient } from './direct-client';

export interface ListResult {
  what: string;
  items: number;
  bytes: number;
  directMs: number;
  bffMs: number;
}

/** Lists through the BFF proxy and straight from the API server, `runs` times each, medians reported. */
export async function benchLists(options: { bffUrl: string; context: string; direct: DirectClient; paths: string[]; runs: number }): Promise<ListResult[]> {
  const results: ListResult[] = [];
  for (const path of options.paths) {
    const direct: number[] = [];
    const bff: number[] = [];
    let items = 0;
    let bytes = 0;
    // One warm-up of each, then alternate so neither side gets a warmer cache.
    for (let run = -1; run < options.runs; run++) {
      let start = performance.now();
      const straight = await options.direct.request('GET', path);
      if (run >= 0) direct.push(since(start));
      start = performance.now();
      const response = await fetch(`${options.bffUrl}/api/clusters/${options.context}/k8s${path}`);
      const text = await response.text();
      if (run >= 0) bff.push(since(start));
      if (response.status !== 200) throw new Error(`BFF list ${path}: ${response.status} ${text.slice(0, 200)}`);
      items = (JSON.parse(straight.text) as { items: unknown[] }).items.length;
      bytes = text.length;
    }
    results.push({ what: `GET ${path}`, items, bytes, directMs: median(direct), bffMs: median(bff) });
  }
  return results;
}
