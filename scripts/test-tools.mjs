// The programs the tests drive: Debian's Chromium for the browser tests, kubectl as the embedded
// cluster's referee, and podman (with runc and debootstrap) for the image tests. Found on the machine, or
// installed with apt-get when we are root on Debian; otherwise we say exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function aptInstall(packages) {
  const root = process.getuid?.() === 0;
  if (!root || !which('apt-get')) return false;
  console.log(`Installing ${packages.join(' ')} with apt-get…`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return install.status === 0;
}

function findChromium() {
  const configured = process.env.PILOTHOUSE_CHROMIUM;
  if (configured && existsSync(configured)) return configured;
  return CHROMIUM_PATHS.find((path) => existsSync(path));
}

/** Returns the environment the test runners need, or exits with instructions. */
export function ensureTools() {
  let chromium = findChromium();
  if (!chromium && aptInstall(['chromium'])) chromium = findChromium();
  if (!chromium) {
    console.error('Browser tests need Chromium. On Debian: sudo apt-get install chromium (or set PILOTHOUSE_CHROMIUM to its path).');
    process.exit(1);
  }
  let kubectl = which('kubectl');
  // Google's `kubectl` package where apt knows it (a dispatcher over 1.27-1.33), else Debian's own.
  if (!kubectl && (aptInstall(['kubectl']) || aptInstall(['kubernetes-client']))) kubectl = which('kubectl');
  if (!kubectl) {
    console.error('The embedded cluster tests use kubectl as referee. On Debian: sudo apt-get install kubernetes-client.');
    process.exit(1);
  }
  console.log(`chromium: ${chromium}`);
  console.log(`kubectl: ${kubectl} (${execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' }).split('\n')[0]})`);
  return { env: { PILOTHOUSE_CHROMIUM: chromium, PILOTHOUSE_KUBECTL: kubectl } };
}

const IMAGE_TOOLS = ['podman', 'runc', 'debootstrap'];

/**
 * Whether the image tests (scripts/image/) can run here: as root on Linux (podman builds and runs rootful
 * with the vfs driver; debootstrap makes the base), with podman, runc and debootstrap, installed when
 * missing where apt-get can. Returns `{ ok: false, needs }` with one line saying what is missing: the image
 * stage is then reported as not run, never as passed.
 */
export function ensureImageTools() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return { ok: false, needs: 'root on Linux with podman, runc and debootstrap (on Debian: sudo apt-get install podman runc debootstrap, then run as root)' };
  }
  let missing = IMAGE_TOOLS.filter((tool) => !which(tool));
  if (missing.length > 0 && aptInstall(missing)) missing = IMAGE_TOOLS.filter((tool) => !which(tool));
  if (missing.length > 0) return { ok: false, needs: `${missing.join(', ')} (on Debian: apt-get install ${missing.join(' ')})` };
  console.log(`podman: ${execFileSync('podman', ['--version'], { encoding: 'utf8' }).trim()}`);
  return { ok: true };
}
