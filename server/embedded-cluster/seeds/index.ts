/**
 * Seeds: what a cluster holds when it starts, on top of what every fresh API server has (the system
 * namespaces, their `default` ServiceAccounts and the `kubernetes` Service, from `bootstrap.ts`).
 * Everything lives in memory only; a restart starts from the seed again.
 */
import type { Registry } from '../registry';
import { seedDemo } from './demo';
import { seedScale, type ScaleSeedOptions } from './scale';

/** The seeds `--seed` accepts. */
export const SEED_NAMES = ['demo', 'empty', 'scale'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

/** Which seed, and the sizes of the scale seed. */
export interface SeedOptions extends ScaleSeedOptions {
  /** Default `demo`. */
  name?: SeedName;
}

/** Writes the chosen seed into a bootstrapped registry, before any controller starts. */
export function applySeed(registry: Registry, options: SeedOptions = {}): void {
  const name = options.name ?? 'demo';
  if (name === 'demo') seedDemo(registry);
  else if (name === 'scale') seedScale(registry, options);
}

/** Narrows a CLI string to a seed name. */
export function isSeedName(value: string): value is SeedName {
  return (SEED_NAMES as readonly string[]).includes(value);
}
