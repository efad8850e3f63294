/**
 * Retry delays for a broken upstream watch: doubling from `initialMs` up to `maxMs`, with up to 20%
 * jitter so that many watches of one recovering cluster do not retry in lockstep (client-go's
 * reflector uses the same shape: 800ms doubling to 30s, with jitter).
 */
export function backoffDelay(attempt: number, options: { initialMs: number; maxMs: number; random?: () => number }): number {
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  const jitter = 1 + 0.2 * (options.random ?? Math.random)();
  return Math.round(Math.min(options.maxMs, base * jitter));
}
