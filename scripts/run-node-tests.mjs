// Runs every `*.test.ts` beside the code in lib/, server/ and components/ with Node's own test runner
// (through tsx). Node 20's `--test` does not expand globs, so the files are found here.
// Usage: node scripts/run-node-tests.mjs [path-filter ...]
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['lib', 'server', 'components', 'scripts'];
const filters = process.argv.slice(2);

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.test\.tsx?$/.test(name)) yield relative('.', path);
  }
}

const files = roots.flatMap((root) => [...walk(root)]).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// NODE_TEST_REPORTERS="spec:stdout,tap:.test-output/node.tap" sends each reporter to its destination.
const reporters = (process.env.NODE_TEST_REPORTERS ?? 'spec:stdout').split(',').flatMap((entry) => {
  const [name, destination = 'stdout'] = entry.split(':');
  return [`--test-reporter=${name}`, `--test-reporter-destination=${destination}`];
});
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
