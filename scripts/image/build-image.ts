import type { Podman } from './podman';

/** The image the tests run, and its build stage (tagged so pruning keeps its layers: npm ci stays cached). */
export const IMAGE = 'localhost/pilothouse:test';
const BUILD_STAGE = 'localhost/pilothouse-build:test';
/** The Dockerfile's `USER`. */
export const IMAGE_UID = '10001';

/**
 * Builds the Dockerfile with `base` as both of its base images. podman's layer cache (in the cache folder)
 * makes an unchanged checkout a matter of seconds, and a change outside .dockerignore's list rebuilds from
 * `COPY . .` on (npm ci stays cached while package-lock.json is unchanged). Older images are pruned so the
 * cache holds one build, not one per run.
 */
export async function buildImage(podman: Podman, options: { base: string }): Promise<void> {
  const args = ['build', '--network', 'host', '--build-arg', `BUILD_IMAGE=${options.base}`, '--build-arg', `RUNTIME_IMAGE=${options.base}`];
  const timeoutMs = 40 * 60_000;
  await podman.ok([...args, '--target', 'build', '--tag', BUILD_STAGE, '.'], { timeoutMs });
  await podman.ok([...args, '--tag', IMAGE, '.'], { timeoutMs });
  await podman.run(['image', 'prune', '--force'], { timeoutMs: 5 * 60_000 });
}
