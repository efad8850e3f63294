import { buildInputsDigest } from './build-context';
import type { Podman } from './podman';

const REPOSITORY = 'localhost/pilothouse';
/** The image the tests run, and its build stage (tagged so pruning keeps its layers: npm ci stays cached). */
export const IMAGE = `${REPOSITORY}:test`;
const BUILD_STAGE = 'localhost/pilothouse-build:test';
/** The Dockerfile's `USER`. */
export const IMAGE_UID = '10001';

/**
 * Builds the Dockerfile with `base` as both of its base images, unless an image of exactly these inputs
 * (the Dockerfile, the build context, the base) is in the cache folder already: even fully cached, a
 * `podman build` on the vfs driver copies the build stage's gigabyte once per step. When something changed,
 * podman's layer cache keeps npm ci while package-lock.json is the same, and older images are pruned so the
 * cache holds one build, not one per run. Returns whether it built.
 */
export async function buildImage(podman: Podman, options: { base: string }): Promise<boolean> {
  const keyed = `${REPOSITORY}:inputs-${buildInputsDigest(options.base)}`;
  if ((await podman.run(['image', 'exists', keyed])).code === 0) {
    await podman.ok(['tag', keyed, IMAGE]);
    return false;
  }
  const args = ['build', '--network', 'host', '--build-arg', `BUILD_IMAGE=${options.base}`, '--build-arg', `RUNTIME_IMAGE=${options.base}`];
  const timeoutMs = 40 * 60_000;
  await podman.ok([...args, '--target', 'build', '--tag', BUILD_STAGE, '.'], { timeoutMs });
  await podman.ok([...args, '--tag', IMAGE, '--tag', keyed, '.'], { timeoutMs });
  // The tags of earlier inputs go, so their images are pruned with what only they used.
  const tags = (await podman.ok(['images', '--format', '{{.Repository}}:{{.Tag}}', REPOSITORY])).split('\n').filter((tag) => tag.startsWith(`${REPOSITORY}:inputs-`) && tag !== keyed);
  for (const tag of tags) await podman.run(['untag', tag, tag]);
  await podman.run(['image', 'prune', '--force'], { timeoutMs: 5 * 60_000 });
  return true;
}
