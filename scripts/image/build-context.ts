import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** One .dockerignore line as a test of a slash-separated path, with Docker's rules: `*` stays within a segment, `**` crosses them, a match covers what is under it. */
function patternTest(pattern: string): RegExp {
  const body = pattern
    .replace(/^\/+|\/+$/g, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[part] ?? part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
    .join('');
  return new RegExp(`^${body}(?:/.*)?$`);
}

/** The files of the checkout that `podman build .` sends: git's tracked and untracked files, less .dockerignore's (the last matching line decides; `!` takes a path back). */
export function buildContextFiles(): string[] {
  const rules = existsSync('.dockerignore')
    ? readFileSync('.dockerignore', 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
        .map((line) => ({ keep: line.startsWith('!'), test: patternTest(line.replace(/^!/, '')) }))
    : [];
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter((file) => existsSync(file)).filter((file) => {
    let ignored = false;
    for (const rule of rules) if (rule.test.test(file)) ignored = !rule.keep;
    return !ignored;
  }).sort();
}

/** A digest of everything the build reads: the Dockerfile, the context's paths and contents, and the base. */
export function buildInputsDigest(base: string): string {
  const hash = createHash('sha256').update(base).update('\0').update(readFileSync('Dockerfile'));
  for (const file of buildContextFiles()) hash.update('\0').update(file).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
