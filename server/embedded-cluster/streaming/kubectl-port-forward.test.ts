import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from '../index';
import { workerNode } from '../seeds/nodes';
import { createKubectl, manifestPath, type Kubectl } from '../testing/kubectl';
import { startKubectl, type KubectlProcess } from '../testing/kubectl-process';
import { rawRequest } from '../testing/raw-request';

/** One HTTP GET on a connection of its own. */
function httpGet(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

// The two ways kubectl 1.32 forwards: SPDY tunnelled in a WebSocket (its default) and the legacy
// SPDY upgrade (KUBECTL_PORT_FORWARD_WEBSOCKETS=false).
const PATHS: Array<{ name: string; env: Record<string, string> }> = [
  { name: 'WebSocket tunnel (SPDY/3.1+portforward.k8s.io)', env: {} },
  { name: 'legacy SPDY upgrade', env: { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' } },
];

describe('kubectl port-forward against the embedded cluster', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' }, seed: { name: 'empty' } });
    kubectl = await createKubectl(cluster);
    const node = workerNode({ name: 'node-1', index: 0, zone: 'europe-west1-b', registeredAt: new Date(Date.now() - 3_600_000) });
    await kubectl.ok(['create', '-f', '-'], { stdin: JSON.stringify(node) });
    await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml')]);
    await kubectl.ok(['wait', '--for=condition=Ready', 'pod/kubia-manual', '--timeout=60s']);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  const metrics = async () => (await rawRequest(cluster, { path: '/metrics', token: cluster.tokens.admin })).body;
  const connects = (text: string) => Number(/apiserver_longrunning_requests\{[^}]*subresource="portforward",verb="CONNECT"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  const streams = (text: string) => Number(/embedded_spdy_streams\{subresource="portforward"\} (\d+)/.exec(text)?.[1] ?? 0);
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function forward(env: Record<string, string>, target: string): Promise<{ pf: KubectlProcess; port: number }> {
    const pf = startKubectl(kubectl, ['port-forward', 'kubia-manual', `:${target}`], { env });
    const match = await pf.waitFor(new RegExp(`Forwarding from 127\\.0\\.0\\.1:(\\d+) -> ${target}\\n`));
    return { pf, port: Number(match[1]) };
  }

  for (const path of PATHS) {
    it(`reaches the app through the ${path.name}, two connections at once, and closes cleanly`, async () => {
      const { pf, port } = await forward(path.env, '8080');
      try {
        const before = (await kubectl.ok(['logs', 'kubia-manual'])).stdout.split('\n').filter((l) => l.includes('Received request')).length;
        assert.deepEqual(await httpGet(port), { status: 200, body: "You've hit kubia-manual\n" });
        const both = await Promise.all([httpGet(port), httpGet(port)]);
        assert.deepEqual(both.map((r) => r.body), ["You've hit kubia-manual\n", "You've hit kubia-manual\n"]);
        await pf.waitFor(/(Handling connection for \d+\n[^]*){3}/);
        const logs = (await kubectl.ok(['logs', 'kubia-manual'])).stdout.split('\n').filter((l) => l.includes('Received request'));
        assert.equal(logs.length, before + 3);
        assert.equal(logs.at(-1), 'Received request from ::ffff:127.0.0.1');
        assert.equal(connects(await metrics()), 1);
        // Every forwarded connection's pair of streams is closed once the connection is over.
        await until(async () => streams(await metrics()) === 0, 'no SPDY stream is open');
      } finally {
        await pf.stop();
      }
      await until(async () => connects(await metrics()) === 0, 'the forward is closed on the server');
    });
  }

  it("writes containerd's refusal for a port nobody listens on, which kubectl prints", async () => {
    const { pf, port } = await forward({}, '9999');
    try {
      await assert.rejects(httpGet(port));
      await pf.waitFor(
        /an error occurred forwarding \d+ -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:9999 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:9999: connect: connection refused IPv6 dial tcp6 \[::1\]:9999: connect: connection refused /,
        { stream: 'stderr' },
      );
      // kubectl 1.32 closes the whole forward after an error on the error stream, as against a real cluster.
      await pf.waitFor(/error: lost connection to pod\n$/, { stream: 'stderr' });
    } finally {
      await pf.stop();
    }
  });

  it('ends the forward when the pod is deleted', async () => {
    const { pf, port } = await forward({}, '8080');
    try {
      assert.equal((await httpGet(port)).body, "You've hit kubia-manual\n");
      await kubectl.ok(['delete', 'pod', 'kubia-manual', '--wait=false']);
      await pf.waitFor(/error: lost connection to pod\n$/, { stream: 'stderr' });
      assert.equal(await pf.exited, 1);
    } finally {
      await pf.stop();
    }
    await until(async () => connects(await metrics()) === 0 && streams(await metrics()) === 0, 'nothing is left open');
  });
});
