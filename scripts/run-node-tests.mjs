// Runs every `*.test.ts` beside the code in lib/, server/, components/, scripts/ and bench/ with Node's own test runner
// (through tsx). Node 20's `--test` does not expand globs, so the files are found here.
// Usage: node scripts/run-node-tests.mjs [path-filter | file ...]
//
// A run never hangs: `testing/exit-when-done.mjs` ends a file's process once its tests are done even if
// something it started (a timer, a server) still runs (not `--test-force-exit`, which loses verdicts), and
// `--test-timeout` (PILOTHOUSE_TEST_TIMEOUT_MS) fails a test that waits forever. Node 20 applies that timeout to each file's process as a whole (Node 22 to each test), so
// it is sized for the slowest file on a busy machine. Either way the file is reported as failed, not waited on.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const roots = ['lib', 'server', 'components', 'scripts', 'bench'];
const args = process.argv.slice(2);

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

// An argument naming a file runs that file whatever its name (the runner's own test runs its fixtures so);
// any other argument keeps the test files whose path contains it.
const named = args.filter((a) => existsSync(a) && statSync(a).isFile());
const filters = args.filter((a) => !named.includes(a));
const found = named.length > 0 && filters.length === 0
  ? []
  : roots.flatMap((root) => [...walk(root)]).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const files = [...new Set([...named, ...found])];
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// NODE_TEST_REPORTERS="spec:stdout,counts:.test-output/node-counts.json" sends each reporter to its
// destination; `counts` is scripts/testing/count-reporter.mjs, which writes its file itself.
const countReporter = fileURLToPath(new URL('./testing/count-reporter.mjs', import.meta.url));
const exitWhenDone = fileURLToPath(new URL('./testing/exit-when-done.mjs', import.meta.url));
const reporterEnv = {};
const reporters = (process.env.NODE_TEST_REPORTERS ?? 'spec:stdout').split(',').flatMap((entry) => {
  const [name, destination = 'stdout'] = entry.split(':');
  if (name !== 'counts') return [`--test-reporter=${name}`, `--test-reporter-destination=${destination}`];
  reporterEnv.PILOTHOUSE_TEST_COUNTS = destination;
  return [`--test-reporter=${countReporter}`, '--test-reporter-destination=stdout'];
});
const timeout = process.env.PILOTHOUSE_TEST_TIMEOUT_MS ?? '600000';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', exitWhenDone, '--test', '--test-concurrency=2', `--test-timeout=${timeout}`, ...reporters, ...files],
  { stdio: 'inherit', env: { ...process.env, ...reporterEnv, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
