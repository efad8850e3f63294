// A test reporter that keeps the run's counts, and what each failure said, in the file PILOTHOUSE_TEST_COUNTS,
// rewritten synchronously after every result, for scripts/test.mjs. Node 20's `--test-force-exit` exits before
// a reporter's file stream has flushed, which cut a TAP file off before its closing `# pass N` lines; a file
// written in step with the results is complete whenever the process ends. Timed-out and cancelled tests are
// failures.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Enough of an error to keep what a test adds to it (cluster-restart.test.ts appends the console's log), while
 * the file, rewritten after every result, stays small even in a run where everything fails.
 */
const MESSAGE_CHARS = 6_000;

function failureOf(data) {
  const error = data.details?.error;
  // The runner wraps what a test threw in ERR_TEST_FAILURE; the cause is the test's own error.
  const cause = error?.cause ?? error;
  const message = String(cause?.stack ?? cause?.message ?? cause ?? 'failed');
  return {
    file: data.file ? relative(process.cwd(), data.file) : undefined,
    name: data.name,
    message: message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message,
  };
}

export default async function* countReporter(source) {
  const file = process.env.PILOTHOUSE_TEST_COUNTS;
  if (!file) throw new Error('PILOTHOUSE_TEST_COUNTS names the file this reporter writes');
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  writeFileSync(file, JSON.stringify(counts));
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // A suite passes or fails with its tests, which are counted themselves.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(failureOf(event.data));
    }
    writeFileSync(file, JSON.stringify(counts));
  }
  yield '';
}
