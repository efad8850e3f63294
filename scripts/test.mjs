// `npm test`: every check and every test, in the order that fails fastest, with one closing line
// `tests: N passed, N failed` that adds up all runners. Later stages still run when an earlier one fails,
// so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureImageTools, ensureTools } from './test-tools.mjs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];
/** What each failure said, repeated above the summary: a CI log is often read from its tail only. */
const failures = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function record(title, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${title}: ${passed} passed, ${failed} failed`);
}

/** A check without test cases of its own (type-check, lint, build) counts as one test. */
function check(title, command, args) {
  const ok = run(title, command, args);
  record(title, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

const tools = ensureTools();

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);

// The server tests start the production server, so the build comes before them.
const built = check('build', 'npx', ['next', 'build']);

// Unit and server tests: Node's runner, spec to the terminal and the counts to a file
// (scripts/testing/count-reporter.mjs).
const countsFile = `${OUT}/node-counts.json`;
const unitOk = run('unit and server tests', 'node', ['scripts/run-node-tests.mjs'], {
  NODE_TEST_REPORTERS: `spec:stdout,counts:${countsFile}`,
  ...tools.env,
});
const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 0 };
record('unit and server tests', counts.passed, counts.failed + (unitOk || counts.failed > 0 ? 0 : 1));
failures.push(...(counts.failures ?? []).map((f) => ({ title: `${f.file ?? '?'}: ${f.name}`, message: f.message })));

// Browser tests against the production build.
if (built) {
  const e2eOk = run('browser tests', 'npx', ['playwright', 'test'], tools.env);
  const report = `${OUT}/e2e.json`;
  const results = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  const stats = results?.stats;
  if (stats) {
    record('browser tests', stats.expected + stats.flaky, stats.unexpected + (e2eOk || stats.unexpected > 0 ? 0 : 1));
    failures.push(...playwrightFailures(results));
  } else record('browser tests', 0, 1);
}

// The container image: built from the Dockerfile with podman and run read-only, as its user, and in a pod
// against the embedded cluster (scripts/image/image-test.ts). Where podman cannot run, one line says what it
// needs and the summary shows the stage as not run.
const imageTools = ensureImageTools();
if (imageTools.ok) {
  const imageCounts = `${OUT}/image-counts.json`;
  // A first build (npm ci and next build in a container) takes minutes; later ones reuse podman's cache.
  const imageOk = run('image tests', 'node', ['scripts/run-node-tests.mjs', 'scripts/image/image-test.ts'], {
    NODE_TEST_REPORTERS: `spec:stdout,counts:${imageCounts}`,
    PILOTHOUSE_TEST_TIMEOUT_MS: '2400000',
    ...tools.env,
  });
  const image = existsSync(imageCounts) ? JSON.parse(readFileSync(imageCounts, 'utf8')) : { passed: 0, failed: 0 };
  record('image tests', image.passed, image.failed + (imageOk || image.failed > 0 ? 0 : 1));
} else {
  console.log(`\n=== image tests: not run: they need ${imageTools.needs}`);
  lines.push(`image tests: not run (needs ${imageTools.needs})`);
}

if (failures.length > 0) {
  console.log('\n=== failures');
  for (const { title, message } of failures) console.log(`✖ ${title}\n${excerpt(message)}\n`);
}
console.log('\n=== summary');
for (const line of lines) console.log(line);
const summary = `tests: ${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${OUT}/summary.txt`, `${summary}\n`);
console.log(summary);
process.exit(totals.failed === 0 ? 0 : 1);

/** Each test of Playwright's JSON report that ended unexpectedly, with its last attempt's first error. */
function playwrightFailures(report) {
  const found = [];
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.errors?.[0];
        found.push({ title: `${spec.file}: ${[...path, spec.title].join(' › ')}`, message: String(error?.message ?? 'failed').replace(/\x1b\[[0-9;]*m/g, '') });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return found;
}

/** The start of a failure's message, indented under its title: enough to tell a timeout from an assertion. */
function excerpt(message) {
  return message.split('\n').slice(0, 40).map((line) => `    ${line}`).join('\n');
}
