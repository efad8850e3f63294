/**
 * Resource amounts (milli-cpu, bytes, counts, as `lib/k8s/scheduling` adds them up) written back as
 * quantities the way a person reads `kubectl describe node`: `750m` or `2` cpu, `128Mi` or `2880024Ki`
 * memory, plain counts for pods.
 */

const BINARY = [['Ei', 60], ['Pi', 50], ['Ti', 40], ['Gi', 30], ['Mi', 20], ['Ki', 10]] as const;

/** `amount` of `resourceName` as a quantity string (cpu in milli-units, everything else in units). */
export function formatResourceAmount(resourceName: string, amount: number): string {
  if (resourceName === 'cpu') return amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`;
  if (amount === 0 || resourceName === 'pods') return String(amount);
  // The largest binary suffix that divides the amount exactly, as the canonical form of `Mi`/`Ki` sums is.
  for (const [suffix, shift] of BINARY) {
    const unit = 2 ** shift;
    if (amount % unit === 0) return `${amount / unit}${suffix}`;
  }
  return String(amount);
}

/**
 * kubectl describe's percentage of allocatable: `int64(float64(used) / float64(allocatable) * 100)`,
 * truncated; 0 when nothing is allocatable.
 */
export function percentOf(used: number, allocatable: number): number {
  return allocatable > 0 ? Math.trunc((used / allocatable) * 100) : 0;
}
