import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from '../index';
import { workerNode } from '../seeds/nodes';
import { createKubectl, manifestPath, type Kubectl } from '../testing/kubectl';
import { startKubectl } from '../testing/kubectl-process';
import { rawRequest } from '../testing/raw-request';

// kubectl 1.32 execs over WebSocket v5.channel.k8s.io; what it prints must be what it prints against a
// real cluster on containerd.
describe('kubectl exec against the embedded cluster', () => {
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

  it('runs hostname: the pod name', async () => {
    const out = await kubectl.run(['exec', 'kubia-manual', '--', 'hostname']);
    assert.deepEqual(out, { code: 0, stdout: 'kubia-manual\n', stderr: '' });
  });

  it("carries the exit status on the error channel: command terminated with exit code 3", async () => {
    const out = await kubectl.run(['exec', 'kubia-manual', '--', 'sh', '-c', 'exit 3']);
    assert.deepEqual(out, { code: 3, stdout: '', stderr: 'command terminated with exit code 3\n' });
  });

  it('fails an unknown command as runc on containerd does', async () => {
    const out = await kubectl.run(['exec', 'kubia-manual', '--', 'foo']);
    assert.equal(out.code, 1);
    assert.match(
      out.stderr,
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it("runs sh -c scripts: files, environment, and curl to the container's own app", async () => {
    const script = 'cat /etc/hostname; echo "home=$HOME"; ls /var/run/secrets/kubernetes.io/serviceaccount; curl -s http://localhost:8080/; nope';
    const out = await kubectl.run(['exec', 'kubia-manual', '--', 'sh', '-c', script]);
    assert.equal(out.stdout, "kubia-manual\nhome=/root\nnamespace\ntoken\nYou've hit kubia-manual\n");
    assert.equal(out.stderr, 'sh: 1: nope: not found\ncommand terminated with exit code 127\n');
    assert.equal(out.code, 127);
    const logs = await kubectl.ok(['logs', 'kubia-manual']);
    assert.match(logs.stdout, /Received request from ::ffff:127\.0\.0\.1\n$/);
  });

  it('picks the container with -c, and refuses one the pod does not have', async () => {
    assert.equal((await kubectl.ok(['exec', 'kubia-manual', '-c', 'kubia', '--', 'cat', '/app.js'])).stdout.split('\n')[0], "const http = require('http');");
    const out = await kubectl.run(['exec', 'kubia-manual', '-c', 'nope', '--', 'hostname']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'Error from server (BadRequest): container nope is not valid for pod kubia-manual\n');
  });

  it('feeds stdin to sh with -i', async () => {
    const out = await kubectl.run(['exec', '-i', 'kubia-manual', '--', 'sh'], { stdin: 'echo hi\npwd\nexit 5\n' });
    assert.deepEqual(out, { code: 5, stdout: 'hi\n/\n', stderr: 'command terminated with exit code 5\n' });
  });

  it('runs an interactive shell with -it: prompt, echo, terminal size, exit status', async () => {
    const session = startKubectl(kubectl, ['exec', '-it', 'kubia-manual', '--', 'sh'], { tty: true });
    try {
      await session.waitFor(/# $/);
      session.child.stdin.write('hostname\r');
      await session.waitFor(/hostname\r\nkubia-manual\r\n# $/);
      // kubectl sends the terminal's size on the resize channel; `script` gave it 30 rows, 100 columns.
      session.child.stdin.write('stty size\r');
      await session.waitFor(/stty size\r\n30 100\r\n# $/);
      session.child.stdin.write('exit 4\r');
      assert.equal(await session.exited, 4);
      assert.match(session.stdout(), /command terminated with exit code 4\r\n$/);
    } finally {
      await session.stop();
    }
  });

  it('leaves no exec session open on the server', async () => {
    const metrics = await rawRequest(cluster, { path: '/metrics', token: cluster.tokens.admin });
    assert.match(metrics.body, /apiserver_longrunning_requests\{[^}]*subresource="exec",verb="CONNECT"[^}]*\} 0\n/);
  });

  it('answers a plain request to pods/exec as the API server does', async () => {
    const out = await rawRequest(cluster, { method: 'POST', path: '/api/v1/namespaces/default/pods/kubia-manual/exec?command=ls&stdout=true', token: cluster.tokens.admin });
    assert.equal(out.status, 400);
    assert.equal(out.json<{ message: string }>().message, 'Upgrade request required');
  });
});
