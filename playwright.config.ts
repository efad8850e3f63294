import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);

/**
 * Browser tests drive the production build in the system's Chromium (Debian's `chromium` package):
 * Playwright's own browser downloads cannot work on these machines.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // scripts/test.mjs finds (or installs) it and says where; Debian puts it here.
      executablePath: process.env.PILOTHOUSE_CHROMIUM ?? '/usr/bin/chromium',
      // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // The tests drive the embedded cluster only, whatever kubeconfig the machine has.
      KUBECONFIG: '/nonexistent/pilothouse-e2e-kubeconfig',
      PILOTHOUSE_EMBEDDED_SEED: 'demo',
      PILOTHOUSE_EMBEDDED_VIEWER: 'true',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    // stdout carries an audit line for every write the tests make, which would bury the report; errors come on stderr.
    stdout: 'ignore',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
