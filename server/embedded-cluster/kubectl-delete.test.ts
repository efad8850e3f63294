import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { createKubectl, manifestPath, type Kubectl } from './testing/kubectl';
import { names, parseTable, parseTables } from './testing/kubectl-table';

// kubectl delete waits for each object to go, with a list on fieldSelector=metadata.name= and a watch;
// every command here runs under the harness timeout, so a server that never reports the deletion fails.
describe('kubectl against the embedded cluster: delete, credentials, discovery', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0 });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  const createPods = async (...files: string[]) => {
    for (const file of files) await kubectl.ok(['create', '-f', manifestPath(file)]);
  };
  const podNames = async (namespace = 'default') => {
    const out = await kubectl.ok(['get', 'po', '-n', namespace, '-o', 'name']);
    return out.stdout.split('\n').filter(Boolean);
  };

  it('lists pods and short names in api-resources', async () => {
    const table = parseTable((await kubectl.ok(['api-resources'])).stdout);
    assert.deepEqual(table.headers, ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    const row = (name: string) => table.rows.find((r) => r.NAME === name);
    assert.deepEqual(row('pods'), { NAME: 'pods', SHORTNAMES: 'po', APIVERSION: 'v1', NAMESPACED: 'true', KIND: 'Pod' });
    assert.deepEqual(row('namespaces'), { NAME: 'namespaces', SHORTNAMES: 'ns', APIVERSION: 'v1', NAMESPACED: 'false', KIND: 'Namespace' });
    assert.equal(row('services')?.SHORTNAMES, 'svc');
    assert.equal(row('deployments')?.SHORTNAMES, 'deploy');
    assert.equal(row('deployments')?.APIVERSION, 'apps/v1');
    assert.equal(row('replicasets')?.SHORTNAMES, 'rs');
  });

  it('gets all: pods and the kubernetes service', async () => {
    await createPods('kubia-manual.yaml');
    const tables = parseTables((await kubectl.ok(['get', 'all'])).stdout);
    const pods = tables.find((t) => t.rows.some((r) => r.NAME?.startsWith('pod/')));
    const services = tables.find((t) => t.rows.some((r) => r.NAME?.startsWith('service/')));
    assert.deepEqual(names(pods ?? { headers: [], rows: [] }), ['pod/kubia-manual']);
    assert.deepEqual(services?.headers, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    assert.deepEqual(services?.rows.find((r) => r.NAME === 'service/kubernetes'), {
      NAME: 'service/kubernetes',
      TYPE: 'ClusterIP',
      'CLUSTER-IP': '10.96.0.1',
      'EXTERNAL-IP': '<none>',
      'PORT(S)': '443/TCP',
      AGE: services?.rows.find((r) => r.NAME === 'service/kubernetes')?.AGE,
    });
  });

  it("answers a viewer's delete with Forbidden", async () => {
    const out = await kubectl.run(['--token', cluster.tokens.viewer, 'delete', 'po', 'kubia-manual']);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'Error from server (Forbidden): pods "kubia-manual" is forbidden: User "viewer" cannot delete resource "pods" ' +
        'in API group "" in the namespace "default"\n',
    );
    assert.deepEqual(await podNames(), ['pod/kubia-manual']);
    const read = await kubectl.ok(['--token', cluster.tokens.viewer, 'get', 'po', '-o', 'name']);
    assert.equal(read.stdout, 'pod/kubia-manual\n');
  });

  it('answers an unknown token with Unauthorized', async () => {
    const out = await kubectl.run(['--token', 'not-a-token', 'get', 'po']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'error: You must be logged in to the server (Unauthorized)\n');
  });

  it('watches with get -w: the list, then MODIFIED and DELETED rows', async () => {
    let listed: () => void = () => {};
    const ready = new Promise<void>((resolve) => (listed = resolve));
    // kubectl watches until it is stopped: stop it at the DELETED row (or at the timeout, and fail).
    const watch = kubectl.run(['get', 'po', '-w', '--output-watch-events'], {
      timeoutMs: 15_000,
      onStdout: (out) => out.includes('kubia-manual') && listed(),
      until: (out) => out.includes('DELETED'),
    });
    await ready;
    await kubectl.ok(['label', 'po', 'kubia-manual', 'watched=yes']);
    await kubectl.ok(['delete', 'po', 'kubia-manual']);
    const out = await watch;
    const table = parseTable(out.stdout);
    assert.deepEqual(table.headers, ['EVENT', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    assert.deepEqual(
      table.rows.map((r) => `${r.EVENT} ${r.NAME}`),
      ['ADDED kubia-manual', 'MODIFIED kubia-manual', 'DELETED kubia-manual'],
    );
    await createPods('kubia-manual.yaml');
  });

  it('deletes a pod by name', async () => {
    await createPods('kubia-gpu.yaml');
    const out = await kubectl.ok(['delete', 'po', 'kubia-gpu']);
    assert.equal(out.stdout, 'pod "kubia-gpu" deleted\n');
    assert.deepEqual(await podNames(), ['pod/kubia-manual']);
  });

  it('answers NotFound for a pod that is not there', async () => {
    const out = await kubectl.run(['delete', 'po', 'kubia-gpu']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'Error from server (NotFound): pods "kubia-gpu" not found\n');
  });

  it('deletes several pods by name', async () => {
    await createPods('kubia-gpu.yaml');
    const out = await kubectl.ok(['delete', 'po', 'kubia-gpu', 'kubia-manual']);
    assert.equal(out.stdout, 'pod "kubia-gpu" deleted\npod "kubia-manual" deleted\n');
    assert.deepEqual(await podNames(), []);
  });

  it('deletes the pods a label selector matches', async () => {
    await createPods('kubia-manual.yaml', 'kubia-manual-with-labels.yaml');
    const out = await kubectl.ok(['delete', 'po', '-l', 'creation_method=manual']);
    assert.equal(out.stdout, 'pod "kubia-manual-v2" deleted\n');
    assert.deepEqual(await podNames(), ['pod/kubia-manual']);
  });

  it('deletes every pod with --all', async () => {
    await createPods('kubia-gpu.yaml', 'kubia-manual-with-labels.yaml');
    const out = await kubectl.ok(['delete', 'po', '--all']);
    assert.equal(out.stdout, 'pod "kubia-gpu" deleted\npod "kubia-manual" deleted\npod "kubia-manual-v2" deleted\n');
    assert.deepEqual(await podNames(), []);
  });

  it('deletes a namespace and what is in it', async () => {
    await kubectl.ok(['create', '-f', manifestPath('custom-namespace.yaml')]);
    await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml'), '-n', 'custom-namespace']);
    const out = await kubectl.ok(['delete', 'ns', 'custom-namespace']);
    assert.equal(out.stdout, 'namespace "custom-namespace" deleted\n');
    // The namespace controller empties it and removes it; it may still be Terminating for a moment.
    const after = await kubectl.run(['get', 'ns', 'custom-namespace', '-o', 'jsonpath={.status.phase}']);
    if (after.code === 0) assert.equal(after.stdout, 'Terminating');
    else assert.equal(after.stderr, 'Error from server (NotFound): namespaces "custom-namespace" not found\n');
  });

  it('deletes all --all: pods and services', async () => {
    await createPods('kubia-manual.yaml', 'kubia-gpu.yaml');
    await kubectl.ok(['create', 'service', 'clusterip', 'kubia', '--tcp=80:8080']);
    const out = await kubectl.ok(['delete', 'all', '--all']);
    const lines = out.stdout.split('\n').filter(Boolean);
    for (const line of ['pod "kubia-gpu" deleted', 'pod "kubia-manual" deleted', 'service "kubia" deleted', 'service "kubernetes" deleted']) {
      assert.ok(lines.includes(line), `${line} in\n${out.stdout}`);
    }
    assert.deepEqual(await podNames(), []);
  });
});
