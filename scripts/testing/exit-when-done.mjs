// Preloaded into every test file's process by scripts/run-node-tests.mjs, in place of `--test-force-exit`.
// That flag makes Node's runner exit before the report streams of the files' processes are drained, and it
// silently drops verdicts, failures included (nodejs/node#64833): our runs counted 1,599 or 1,617 tests of the
// same suite. Instead, once the last test of a file is done, its process may exit by itself, and is ended once
// its report has gone quiet, so a test that leaves a timer or a server running still cannot hold the run.
//
// "Quiet" is measured, not assumed: a fixed grace after the last test lost the last verdicts of a 2,001-test
// file on a machine at load 17, whose report was still being written when the grace ran out.
import { after } from 'node:test';

const QUIET_MS = 2_000;
// A timer this late means the process was starved of CPU, so the report may not have had its turn either.
const STARVED_MS = 250;

// Only in a file's own process (the runner marks it); the runner's process must drain its children.
if (process.env.NODE_TEST_CONTEXT) {
  // The file's report reaches the runner through stdout; its last write says when the report last moved.
  let lastWrite = Date.now();
  const write = process.stdout.write;
  process.stdout.write = function (...args) {
    lastWrite = Date.now();
    return write.apply(this, args);
  };
  const endWhenQuiet = () => {
    const due = Date.now() + QUIET_MS;
    // Unref'd: a process with nothing left running exits at once, as it would without this.
    setTimeout(() => {
      const starved = Date.now() - due > STARVED_MS;
      if (starved || Date.now() - lastWrite < QUIET_MS) endWhenQuiet();
      else process.exit();
    }, QUIET_MS).unref();
  };
  after(endWhenQuiet);
}
