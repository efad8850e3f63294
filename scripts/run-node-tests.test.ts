import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** Runs scripts/run-node-tests.mjs on one fixture as `npm test` does; resolves with its exit, output and counts. */
async function runFixture(fixture: string, timeoutMs: number) {
  const counts = join(mkdtempSync(join(tmpdir(), 'pilothouse-runner-')), 'counts.json');
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_TEST_REPORTERS: `spec:stdout,counts:${counts}`, PILOTHOUSE_TEST_TIMEOUT_MS: String(timeoutMs) };
  // This file runs inside Node's test runner, whose marker would make the inner run report to us instead.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['scripts/run-node-tests.mjs', `scripts/testing/fixtures/${fixture}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // Far longer than anything below should take: reaching it means the run hung.
  const hung = setTimeout(() => child.kill('SIGKILL'), 120_000);
  try {
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    return { code, signal, output, ms: Date.now() - started, counts: JSON.parse(readFileSync(counts, 'utf8')) };
  } finally {
    clearTimeout(hung);
    child.kill('SIGKILL');
  }
}

test('a failing test that leaves a timer running ends the run with a failure at once', async () => {
  const run = await runFixture('timer-left-running.fixture.ts', 100_000);
  assert.equal(run.signal, null, 'the run hung and had to be killed');
  assert.equal(run.code, 1, run.output);
  assert.ok(run.ms < 60_000, `the run waited ${run.ms} ms for the timer instead of ending`);
  assert.match(run.output, /✖ fails while the timer it started still runs/);
  assert.match(run.output, /✔ passes/);
  // What `npm test` adds up (scripts/test.mjs reads this file), and what it repeats at the end of its output.
  const { failures, ...counts } = run.counts;
  assert.deepEqual(counts, { passed: 1, failed: 1, skipped: 0 });
  assert.equal(failures.length, 1);
  assert.equal(failures[0].file, 'scripts/testing/fixtures/timer-left-running.fixture.ts');
  assert.equal(failures[0].name, 'fails while the timer it started still runs');
  assert.match(failures[0].message, /^AssertionError.*deliberate failure/);
});

test('a test that waits forever is ended by the timeout and counted as failed', async () => {
  const run = await runFixture('waits-forever.fixture.ts', 10_000);
  assert.equal(run.signal, null, 'the run hung and had to be killed');
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /timed out after 10000ms/);
  // Node calls a timed-out test "cancelled"; for `npm test` it is a failure, and its message says why.
  const { failures, ...counts } = run.counts;
  assert.deepEqual(counts, { passed: 0, failed: 1, skipped: 0 });
  assert.match(failures[0].message, /timed out after 10000ms/);
});

test('every verdict of a file is counted, the last failure included', async () => {
  const run = await runFixture('many-verdicts.fixture.ts', 100_000);
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /✖ the last one fails/);
  const { failures, ...counts } = run.counts;
  assert.deepEqual(counts, { passed: 2_000, failed: 1, skipped: 0 });
  assert.deepEqual(failures.map((f: { name: string }) => f.name), ['the last one fails']);
});
