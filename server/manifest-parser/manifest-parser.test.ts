import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { test } from 'node:test';
import { isBffError } from '@/lib/server/errors';
import { createManifestParser } from './manifest-parser';

/** A ConfigMap of about 3 MiB, the largest manifest the console accepts; the yaml package needs seconds for it. */
const largest = () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${Array.from({ length: 75_000 }, (_, i) => `  key-${i}: value-${'x'.repeat(24)}`).join('\n')}\n`;

const refusedWith = (pattern: RegExp) => (error: unknown) => isBffError(error) && error.code === 'InvalidInput' && pattern.test(error.message);

test('a manifest is read in a worker thread: the event loop keeps turning meanwhile', async () => {
  const parse = createManifestParser();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const [doc] = await parse(largest());
  const elapsed = performance.now() - started;
  delay.disable();
  assert.equal(Object.keys(doc.object?.data as object).length, 75_000);
  // Parsed on this thread, the loop would stop for the whole parse. On an idle machine the longest delay is
  // a few ms; a busy one delays every thread, hence a bound relative to the parse.
  const worst = delay.max / 1e6;
  assert.ok(worst < 100 || worst < elapsed / 10, `the event loop stopped for up to ${worst.toFixed(0)} ms of a ${elapsed.toFixed(0)} ms parse`);
});

test('limits found in the worker come back as the same refusal', async () => {
  const parse = createManifestParser();
  await assert.rejects(parse(Array.from({ length: 1001 }, () => '--- 1').join('\n')), refusedWith(/more than 1000 objects/));
});

test('a parse that runs over its time is stopped and refused', async () => {
  const parse = createManifestParser({ timeoutMs: 50 });
  await assert.rejects(parse(largest()), refusedWith(/took longer than 0.05 s/));
});

test('a parse that runs out of its memory is stopped and refused, and the process lives on', async () => {
  const parse = createManifestParser({ heapMb: 8 });
  await assert.rejects(parse(largest()), refusedWith(/needed more than 8 MiB of memory/));
  assert.equal((await createManifestParser()('apiVersion: v1\nkind: ConfigMap\n')).length, 1);
});
