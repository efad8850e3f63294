// Preloaded into every test file's process by scripts/run-node-tests.mjs, in place of `--test-force-exit`.
// That flag makes Node's runner exit before the report streams of the files' processes are drained, and it
// silently drops verdicts, failures included (nodejs/node#64833): our runs counted 1,599 or 1,617 tests of the
// same suite. Instead, once the last test of a file is done, its process gets a short grace to exit by itself
// and is then ended, so a test that leaves a timer or a server running still cannot hold the run.
import { after } from 'node:test';

const GRACE_MS = 2_000;

// Only in a file's own process (the runner marks it); the runner's process must drain its children.
if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    // Unref'd: a process with nothing left running exits at once, as it would without this.
    setTimeout(() => process.exit(), GRACE_MS).unref();
  });
}
