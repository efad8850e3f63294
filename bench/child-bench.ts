import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { TargetRow } from './targets';

/** Where a bench run as a child writes its target rows (a JSON array), when `runBenchInChild` started it. */
const TARGETS_FILE = 'BENCH_TARGETS_FILE';

/**
 * Runs a bench file in a Node process of its own and resolves with the target rows it wrote. For benches whose
 * figures are the process's own (the BFF's RSS holding a scope) or that want a quiet process (the fan-out's
 * clients), which the full run's process, after Chromium and four clusters, is not. Its report goes to this
 * process's stdout, its progress to stderr.
 */
export async function runBenchInChild(file: string, env: Record<string, string> = {}): Promise<TargetRow[]> {
  const targetsFile = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-targets-')), 'targets.json');
  const child = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env, [TARGETS_FILE]: targetsFile }, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${file} exited with ${code}`);
  return JSON.parse(readFileSync(targetsFile, 'utf8')) as TargetRow[];
}

/** In a bench's own main: hands its rows to `runBenchInChild` when that started it. */
export function reportTargetsToParent(rows: readonly TargetRow[]): void {
  const file = process.env[TARGETS_FILE];
  if (file) writeFileSync(file, JSON.stringify(rows));
}
