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

/**
 * A short form for a table cell, where `2880024Ki` reads worse than `2.7Gi`: memory in Mi or Gi with at
 * most one decimal, everything else as `formatResourceAmount`. Not a quantity to copy (it rounds).
 */
export function compactResourceAmount(resourceName: string, amount: number): string {
  if (resourceName !== 'memory' && resourceName !== 'ephemeral-storage') return formatResourceAmount(resourceName, amount);
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (amount >= 2 ** 30) return `${round(amount / 2 ** 30)}Gi`;
  if (amount >= 2 ** 20) return `${round(amount / 2 ** 20)}Mi`;
  return formatResourceAmount(resourceName, amount);
}
