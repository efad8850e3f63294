import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { CoreV1Api, KubeConfig, Log, Watch } from '@kubernetes/client-node';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { workerNode } from './seeds/nodes';
import { createKubectl, kubectlBinary, manifestPath, type Kubectl } from './testing/kubectl';
import { parseTable } from './testing/kubectl-table';

// The living cluster through the real kubectl: scheduler, kubelets, logs, the pod proxy, deletion.
// Test mode shrinks every wait a hundredfold; what kubectl prints is the same as in real time.
const NODE_NAMES = ['node-1', 'node-2', 'node-3'];
// The AGE of an event in `kubectl describe`: `5s`, or `0s (x2 over 3s)` once it repeated (the scheduler
// retries, and a busy machine gives it time to), exactly as against a real cluster.
const AGE = String.raw`\S+(?: \(x\d+ over \S+\))?`;
const event = (type: string, reason: string, source: string, message: RegExp) =>
  new RegExp(String.raw`${type}\s+${reason}\s+${AGE}\s+${source}\s+` + message.source);

describe('kubectl against the living embedded cluster', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  let core: CoreV1Api;
  let kc: KubeConfig;

  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, clock: { mode: 'test' } });
    kubectl = await createKubectl(cluster);
    const registeredAt = new Date(Date.now() - 3_600_000);
    const nodes = NODE_NAMES.map((name, index) => workerNode({ name, index, zone: 'europe-west1-b', registeredAt }));
    // One at a time: kubectl validates a `List` against OpenAPI v2 protobuf, which is not served.
    for (const node of nodes) await kubectl.ok(['create', '-f', '-'], { stdin: JSON.stringify(node) });
    kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    core = kc.makeApiClient(CoreV1Api);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  /** Polls `kubectl get pods` until `test` accepts the row of `name` (or fails after `ms`). */
  async function waitForPod(name: string, test: (row: Record<string, string>) => boolean, options: { ms?: number; args?: string[] } = {}) {
    const deadline = Date.now() + (options.ms ?? 30_000);
    let last: Record<string, string> | undefined;
    while (Date.now() < deadline) {
      const out = await kubectl.ok(['get', 'pods', ...(options.args ?? [])]);
      last = parseTable(out.stdout).rows.find((r) => r.NAME === name);
      if (last && test(last)) return last;
      await sleep(50);
    }
    assert.fail(`pod ${name} never matched; last row: ${JSON.stringify(last)}`);
  }

  it('runs kubia-manual: 1/1 Running soon after kubectl create', async () => {
    const created = await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml')]);
    assert.equal(created.stdout, 'pod/kubia-manual created\n');
    const row = await waitForPod('kubia-manual', (r) => r.STATUS === 'Running');
    assert.equal(row.READY, '1/1');
    assert.equal(row.RESTARTS, '0');
    const pod = await core.readNamespacedPod({ name: 'kubia-manual', namespace: 'default' });
    assert.match(pod.status?.podIP ?? '', /^10\.244\.[0-2]\.\d+$/);
    assert.deepEqual(pod.status?.podIPs?.map((p) => p.ip), [pod.status?.podIP]);
    assert.match(pod.status?.hostIP ?? '', /^10\.132\.0\.[2-4]$/);
    assert.equal(pod.status?.qosClass, 'BestEffort');
    assert.deepEqual(
      pod.status?.conditions?.map((c) => `${c.type}=${c.status}`),
      ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
    );
    const [status] = pod.status?.containerStatuses ?? [];
    assert.equal(status?.image, 'docker.io/luksa/kubia:latest');
    assert.match(status?.imageID ?? '', /^docker\.io\/luksa\/kubia@sha256:[0-9a-f]{64}$/);
    assert.match(status?.containerID ?? '', /^containerd:\/\/[0-9a-f]{64}$/);
    assert.equal(status?.started, true);
    assert.ok(status?.state?.running?.startedAt);
  });

  it('prints the container log with kubectl logs, with and without -c', async () => {
    assert.equal((await kubectl.ok(['logs', 'kubia-manual'])).stdout, 'Kubia server starting...\n');
    assert.equal((await kubectl.ok(['logs', 'kubia-manual', '-c', 'kubia'])).stdout, 'Kubia server starting...\n');
    const stamped = (await kubectl.ok(['logs', 'kubia-manual', '--timestamps'])).stdout;
    assert.match(stamped, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z Kubia server starting\.\.\.\n$/);
    const unknown = await kubectl.run(['logs', 'kubia-manual', '-c', 'nope']);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, 'error: container nope is not valid for pod kubia-manual\n');
    const previous = await kubectl.run(['logs', 'kubia-manual', '--previous']);
    assert.equal(previous.stderr, 'Error from server (BadRequest): previous terminated container "kubia" in pod "kubia-manual" not found\n');
  });

  it('answers through the pod proxy and logs the request', async () => {
    const raw = await kubectl.ok(['get', '--raw', '/api/v1/namespaces/default/pods/kubia-manual:8080/proxy/']);
    assert.equal(raw.stdout, "You've hit kubia-manual\n");
    const noPort = await kubectl.ok(['get', '--raw', '/api/v1/namespaces/default/pods/kubia-manual/proxy/anything?x=1']);
    assert.equal(noPort.stdout, "You've hit kubia-manual\n");
    const lines = (await kubectl.ok(['logs', 'kubia-manual'])).stdout.split('\n');
    assert.equal(lines[0], 'Kubia server starting...');
    assert.match(lines[1] ?? '', /^Received request from ::ffff:10\.244\.\d+\.1$/);
    const refused = await kubectl.run(['get', '--raw', '/api/v1/namespaces/default/pods/kubia-manual:9999/proxy/']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^Error from server \(ServiceUnavailable\): error trying to reach service: dial tcp 10\.244\.\d+\.\d+:9999: connect: connection refused\n$/);
  });

  it('streams with kubectl logs -f: a proxied request shows up while it follows', async () => {
    const follower = spawn(kubectlBinary(), ['--kubeconfig', kubectl.kubeconfigPath, 'logs', '-f', 'kubia-manual', '--tail=1'], {
      env: { ...process.env, HOME: dirname(kubectl.kubeconfigPath), KUBECACHEDIR: join(dirname(kubectl.kubeconfigPath), '.kube', 'cache') },
    });
    let output = '';
    follower.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await until(() => output.includes('Received request'), 20_000);
      const before = output.split('\n').length;
      await kubectl.ok(['get', '--raw', '/api/v1/namespaces/default/pods/kubia-manual:8080/proxy/']);
      await until(() => output.split('\n').length > before, 20_000);
      assert.match(output.split('\n')[before - 1] ?? '', /^Received request from ::ffff:10\.244\.\d+\.1$/);
      assert.equal(follower.exitCode, null, 'kubectl logs -f is still following');
    } finally {
      follower.kill();
    }
  });

  it('shows the kubelet and scheduler events in kubectl describe', async () => {
    const out = (await kubectl.ok(['describe', 'pod', 'kubia-manual'])).stdout;
    assert.match(out, /Status:\s+Running/);
    assert.match(out, event('Normal', 'Scheduled', 'default-scheduler', /Successfully assigned default\/kubia-manual to node-\d/));
    assert.match(out, event('Normal', 'Pulling', 'kubelet', /Pulling image "luksa\/kubia"/));
    assert.match(out, event('Normal', 'Pulled', 'kubelet', /Successfully pulled image "luksa\/kubia" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 254246484 bytes\./));
    assert.match(out, event('Normal', 'Created', 'kubelet', /Created container kubia/));
    assert.match(out, event('Normal', 'Started', 'kubelet', /Started container kubia/));
    const events = parseTable((await kubectl.ok(['get', 'events'])).stdout).rows.filter((r) => r.OBJECT === 'pod/kubia-manual');
    assert.deepEqual(events.map((r) => r.REASON), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('keeps kubia-gpu Pending with FailedScheduling until a node is labelled gpu=true', async () => {
    await kubectl.ok(['create', '-f', manifestPath('kubia-gpu.yaml')]);
    await waitForPod('kubia-gpu', (r) => r.STATUS === 'Pending');
    const describe = async () => (await kubectl.ok(['describe', 'pod', 'kubia-gpu'])).stdout;
    // Waits for the scheduler's retry (an unschedulable pod is retried after at most 5 minutes, 3s here), so
    // the event has repeated and its AGE reads `0s (x2 over 3s)`, the form a busy machine printed.
    await until(async () => /FailedScheduling\s+\S+ \(x\d+ over \S+\)/.test(await describe()), 20_000);
    const text = await describe();
    assert.match(
      text,
      event('Warning', 'FailedScheduling', 'default-scheduler', /0\/3 nodes are available: 3 node\(s\) didn't match Pod's node affinity\/selector\. preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\.\./),
    );
    assert.match(text, /PodScheduled\s+False/);
    assert.equal((await kubectl.ok(['get', 'nodes', '-l', 'gpu=true'])).stderr, 'No resources found\n');

    assert.equal((await kubectl.ok(['label', 'node', 'node-2', 'gpu=true'])).stdout, 'node/node-2 labeled\n');
    const gpuNodes = parseTable((await kubectl.ok(['get', 'nodes', '-l', 'gpu=true'])).stdout).rows;
    assert.deepEqual(gpuNodes.map((r) => [r.NAME, r.STATUS]), [['node-2', 'Ready']]);
    const row = await waitForPod('kubia-gpu', (r) => r.STATUS === 'Running', { args: ['-o', 'wide'] });
    assert.equal(row.NODE, 'node-2');
    assert.match(row.IP ?? '', /^10\.244\.1\.\d+$/);
  });

  it('shows ErrImagePull / ImagePullBackOff for a tag that does not exist', async () => {
    await kubectl.ok(['run', 'missing', '--image=luksa/kubia:does-not-exist']);
    const row = await waitForPod('missing', (r) => r.STATUS === 'ErrImagePull' || r.STATUS === 'ImagePullBackOff');
    assert.equal(row.READY, '0/1');
    await waitForPod('missing', (r) => r.STATUS === 'ImagePullBackOff');
    const logs = await kubectl.run(['logs', 'missing']);
    assert.match(logs.stderr, /^Error from server \(BadRequest\): container "missing" in pod "missing" is waiting to start: (trying and failing to pull image|image can't be pulled)\n$/);
    const describe = (await kubectl.ok(['describe', 'pod', 'missing'])).stdout;
    assert.match(
      describe,
      /Warning\s+Failed\s+.*kubelet\s+Failed to pull image "luksa\/kubia:does-not-exist": rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/luksa\/kubia:does-not-exist": failed to resolve reference "docker\.io\/luksa\/kubia:does-not-exist": docker\.io\/luksa\/kubia:does-not-exist: not found/,
    );
    assert.match(describe, /Warning\s+Failed\s+.*kubelet\s+Error: ErrImagePull/);
    assert.match(describe, /Normal\s+BackOff\s+.*kubelet\s+Back-off pulling image "luksa\/kubia:does-not-exist"/);
  });

  it('shows CrashLoopBackOff with growing restarts and the previous log for a crashing image', async () => {
    await kubectl.ok(['run', 'crash', '--image=pilothouse/crash']);
    const row = await waitForPod('crash', (r) => r.STATUS === 'CrashLoopBackOff' && Number.parseInt(r.RESTARTS ?? '0', 10) >= 2, { ms: 20_000 });
    assert.equal(row.READY, '0/1');
    const previous = (await kubectl.ok(['logs', 'crash', '--previous'])).stdout;
    assert.match(previous, /crash: fatal error, exiting with code 1\n$/);
    const pod = await core.readNamespacedPod({ name: 'crash', namespace: 'default' });
    const status = pod.status?.containerStatuses?.[0];
    assert.equal(status?.lastState?.terminated?.exitCode, 1);
    assert.equal(status?.lastState?.terminated?.reason, 'Error');
    // Between restarts the container waits in CrashLoopBackOff; it may also be caught running or just exited.
    if (status?.state?.waiting) {
      assert.match(status.state.waiting.message ?? '', /^back-off \d+\S* restarting failed container=crash pod=crash_default\(.+\)$/);
    } else assert.ok(status?.state?.running || status?.state?.terminated?.reason === 'Error');
    const describe = (await kubectl.ok(['describe', 'pod', 'crash'])).stdout;
    assert.match(describe, /Warning\s+BackOff\s+.*kubelet\s+Back-off restarting failed container crash in pod crash_default\(/);
  });

  it('deletes gracefully: Terminating for the grace period, --now shortens it, --force removes at once', async () => {
    await kubectl.ok(['run', 'slow', '--image=luksa/kubia']);
    await waitForPod('slow', (r) => r.STATUS === 'Running');
    // kubia ignores SIGTERM, so the pod stays Terminating for its grace period (6000s, 60s scaled: long
    // enough for the steps below on a busy machine).
    const deleted = await kubectl.ok(['delete', 'pod', 'slow', '--grace-period=6000', '--wait=false']);
    assert.equal(deleted.stdout, 'pod "slow" deleted\n');
    await waitForPod('slow', (r) => r.STATUS === 'Terminating');
    const pod = await core.readNamespacedPod({ name: 'slow', namespace: 'default' });
    assert.equal(pod.metadata?.deletionGracePeriodSeconds, 6000);
    const describe = (await kubectl.ok(['describe', 'pod', 'slow'])).stdout;
    assert.match(describe, /Normal\s+Killing\s+.*kubelet\s+Stopping container slow/);
    const started = Date.now();
    await kubectl.ok(['delete', 'pod', 'slow', '--now']);
    assert.ok(Date.now() - started < 30_000, 'gone long before the 60s grace period ended');
    assert.equal((await kubectl.run(['get', 'pod', 'slow'])).stderr, 'Error from server (NotFound): pods "slow" not found\n');

    await kubectl.ok(['run', 'forced', '--image=luksa/kubia']);
    await waitForPod('forced', (r) => r.STATUS === 'Running');
    const forced = await kubectl.ok(['delete', 'pod', 'forced', '--force', '--grace-period=0']);
    assert.match(forced.stderr, /^Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated/);
    assert.equal(forced.stdout, 'pod "forced" force deleted\n');
    assert.equal((await kubectl.run(['get', 'pod', 'forced'])).code, 1);
  });

  it('client-node: a watch sees Pending -> Running, and Log follows the container', async () => {
    const phases: string[] = [];
    const watch = await new Watch(kc).watch(
      '/api/v1/namespaces/default/pods',
      { fieldSelector: 'metadata.name=watched' },
      (type, pod: { status?: { phase?: string; containerStatuses?: { state?: { waiting?: { reason?: string }; running?: object } }[] } }) => {
        const state = pod.status?.containerStatuses?.[0]?.state;
        const line = `${type} ${pod.status?.phase} ${state?.waiting?.reason ?? (state?.running ? 'running' : '-')}`;
        if (phases[phases.length - 1] !== line) phases.push(line);
      },
      () => undefined,
    );
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'watched' }, spec: { containers: [{ name: 'app', image: 'luksa/kubia' }] } } });
    await until(() => phases.some((p) => p.endsWith('Running running')), 20_000);
    watch.abort();
    assert.deepEqual(phases.slice(0, 2), ['ADDED Pending -', 'MODIFIED Pending -']);
    assert.ok(phases.includes('MODIFIED Pending ContainerCreating'));
    assert.equal(phases[phases.length - 1], 'MODIFIED Running running');

    assert.equal(await core.readNamespacedPodLog({ name: 'watched', namespace: 'default' }), 'Kubia server starting...\n');
    const stream = new PassThrough();
    let followed = '';
    stream.on('data', (chunk: Buffer) => (followed += chunk.toString()));
    const request = await new Log(kc).log('default', 'watched', 'app', stream, { follow: true, timestamps: true });
    await until(() => followed.includes('Kubia server starting...'), 20_000);
    await kubectl.ok(['get', '--raw', '/api/v1/namespaces/default/pods/watched:8080/proxy/']);
    await until(() => followed.includes('Received request from'), 20_000);
    assert.match(followed, /^\d{4}-\d{2}-\d{2}T[\d:]{8}\.\d{9}Z Kubia server starting\.\.\.\n\S+ Received request from ::ffff:10\.244\.\d+\.1\n$/);
    // Deleting the pod ends the stream once the container is gone.
    const ended = new Promise<void>((resolve) => stream.on('end', resolve));
    await kubectl.ok(['delete', 'pod', 'watched', '--now']);
    await Promise.race([ended, sleep(20_000).then(() => assert.fail('the follow stream did not end'))]);
    request.abort();
  });

  it('client-node: a pod for another scheduler waits until a pods/binding places it, then runs there', async () => {
    await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { name: 'custom' }, spec: { schedulerName: 'my-scheduler', containers: [{ name: 'app', image: 'luksa/kubia' }] } },
    });
    await sleep(100);
    assert.equal((await core.readNamespacedPod({ name: 'custom', namespace: 'default' })).spec?.nodeName, undefined);
    await core.createNamespacedPodBinding({
      name: 'custom',
      namespace: 'default',
      body: { metadata: { name: 'custom' }, target: { apiVersion: 'v1', kind: 'Node', name: 'node-3' } },
    });
    const row = await waitForPod('custom', (r) => r.STATUS === 'Running', { args: ['-o', 'wide'] });
    assert.equal(row.NODE, 'node-3');
    const pod = await core.readNamespacedPod({ name: 'custom', namespace: 'default' });
    assert.equal(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status, 'True');
    const again = await core
      .createNamespacedPodBinding({ name: 'custom', namespace: 'default', body: { metadata: { name: 'custom' }, target: { kind: 'Node', name: 'node-1' } } })
      .then(() => assert.fail('a second binding must fail'), (err: { code?: number; body?: string }) => err);
    assert.equal(again.code, 409);
    assert.match(String(again.body), /pod custom is already assigned to node \\"node-3\\"/);
    await kubectl.ok(['delete', 'pod', 'custom', '--now']);
  });

  it('deletes every pod with delete po --all', async () => {
    const out = await kubectl.ok(['delete', 'po', '--all'], { timeoutMs: 30_000 });
    assert.deepEqual(out.stdout.trim().split('\n').sort(), ['pod "crash" deleted', 'pod "kubia-gpu" deleted', 'pod "kubia-manual" deleted', 'pod "missing" deleted']);
    assert.equal((await kubectl.ok(['get', 'pods'])).stderr, 'No resources found in default namespace.\n');
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(test: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test()) return;
    await sleep(25);
  }
  assert.fail('condition not met in time');
}
