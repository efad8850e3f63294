/**
 * The log benchmarks alone (`node --import tsx bench/log-main.ts`), on the demo seed: the same figures
 * `npm run bench` prints in its logs section, for a change to the log path without a full run. Needs the
 * production build (`.next`), like `npm run bench`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '../server/embedded-cluster';
import { startConsole } from '../server/testing/console-process';
import { directClient } from './direct-client';
import { benchLogs } from './log-suite';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' }, logRate: 0 });
  const config = structuredClone(cluster.kubeconfig) as { contexts: { name: string }[]; 'current-context': string };
  config.contexts[0].name = 'bench';
  config['current-context'] = 'bench';
  const kubeconfigPath = join(mkdtempSync(join(os.tmpdir(), 'pilothouse-bench-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(config));
  const direct = directClient(cluster.kubeconfigYaml);
  const consoleProcess = await startConsole({ KUBECONFIG: kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  try {
    process.stdout.write(`${(await benchLogs({ consoleUrl: consoleProcess.url, context: 'bench', direct, log })).report}\n`);
  } finally {
    await consoleProcess.stop('SIGKILL');
    direct.close();
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
