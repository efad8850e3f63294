import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { eventually } from './embedded-cluster/testing/eventually';
import { startConsole, type ConsoleProcess } from './testing/console-process';
import { startTestCluster, type TestCluster } from './watch-hub/test-cluster';

/** A raw GET, so a test can name the Host header as a kubelet probing the pod's IP does. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
}

describe('/readyz follows the context\'s API server, in a team mode, without a session', () => {
  let cluster: TestCluster;
  let console_: ConsoleProcess;

  before(async () => {
    cluster = await startTestCluster();
    console_ = await startConsole({
      KUBECONFIG: cluster.kubeconfigPath,
      PILOTHOUSE_EMBEDDED: 'false',
      PILOTHOUSE_AUTH: 'token',
      PILOTHOUSE_SESSION_SECRET: 'readiness-test-secret-0123456789abcdef',
    });
  });

  after(async () => {
    await console_?.stop('SIGKILL');
    await cluster?.stop();
  });

  test('ready while the API server answers, addressed by any host', async () => {
    const ready = await get(console_.url, '/readyz', { host: '10.1.2.3:3000' });
    assert.equal(ready.status, 200, ready.text);
    assert.equal(ready.text, '[+]context "relayed" ok\nreadyz check passed\n');
  });

  test('not ready, with the reason, while the API server is down; ready again when it is back', async () => {
    await cluster.relay.stop();
    try {
      const down = await eventually(async () => {
        const res = await get(console_.url, '/readyz');
        return res.status === 503 ? res : undefined;
      }, '/readyz to fail');
      assert.equal(down.text, '[-]context "relayed" failed: the API server cannot be reached\nreadyz check failed\n');
      // Liveness is not readiness: restarting the console would not bring the cluster back.
      assert.equal((await get(console_.url, '/healthz')).status, 200);
      assert.match(console_.output(), /readyz: context "relayed" failed: the API server cannot be reached \(cannot reach the API server at 127\.0\.0\.1:\d+/);
    } finally {
      await cluster.relay.start();
    }
    await eventually(async () => (await get(console_.url, '/readyz')).status === 200, '/readyz to pass again');
  });

  test('not ready when the API server holds its answer past the probe timeout', async () => {
    await eventually(async () => (await get(console_.url, '/readyz')).status === 200, '/readyz to pass');
    cluster.relay.freeze();
    try {
      const silent = await eventually(async () => {
        const res = await get(console_.url, '/readyz');
        return res.status === 503 ? res : undefined;
      }, '/readyz to time out', 15_000);
      assert.match(silent.text, /^\[-\]context "relayed" failed: the API server did not answer within 2s\n/);
    } finally {
      cluster.relay.cut();
    }
  });
});

test('the embedded cluster is probed (and started) like any context; while draining after SIGTERM /readyz is 503 and the console still serves', async (t) => {
  const own = await startConsole({ PILOTHOUSE_SHUTDOWN_DELAY_MS: '4000' });
  t.after(() => own.stop('SIGKILL'));
  const ready = await get(own.url, '/readyz');
  assert.equal(ready.status, 200, ready.text);
  assert.equal(ready.text, '[+]context "embedded" ok\nreadyz check passed\n');

  const exited = new Promise<number | null>((resolve) => own.child.once('exit', resolve));
  own.child.kill('SIGTERM');
  const draining = await eventually(async () => {
    const res = await get(own.url, '/readyz');
    return res.status === 503 ? res : undefined;
  }, '/readyz to fail while draining');
  assert.equal(draining.text, '[-]shutdown failed: the console is shutting down\nreadyz check failed\n');
  // New connections are still served during the delay, so none that a load balancer still sends fails.
  assert.equal((await get(own.url, '/healthz')).status, 200);
  assert.equal(own.child.exitCode, null);
  assert.equal(await exited, 0);
});
