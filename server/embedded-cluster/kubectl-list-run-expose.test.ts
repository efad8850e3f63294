import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { parseTable } from './testing/kubectl-table';

const list = (suffix: string) => ({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: `list-pod-${suffix}` }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: `list-svc-${suffix}` }, spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] } },
  ],
});

// kubectl validates a `kind: List` on the client against /openapi/v2 in protobuf (there is no server
// path for List to validate it), so these need the gnostic document to parse.
describe('kubectl create -f of a List, run and expose', () => {
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

  it('creates every item of a JSON List', async () => {
    const out = await kubectl.run(['create', '-f', '-'], { stdin: JSON.stringify(list('json')) });
    assert.deepEqual(out, { code: 0, stdout: 'pod/list-pod-json created\nservice/list-svc-json created\n', stderr: '' });
  });

  it('creates every item of a YAML List', async () => {
    const out = await kubectl.run(['create', '-f', '-'], { stdin: stringify(list('yaml')) });
    assert.deepEqual(out, { code: 0, stdout: 'pod/list-pod-yaml created\nservice/list-svc-yaml created\n', stderr: '' });
  });

  it('validates List items against the protobuf schema, as kubectl does against a real server', async () => {
    const bad = list('bad');
    (bad.items[0]?.spec as Record<string, unknown>).foo = 1;
    const out = await kubectl.run(['create', '-f', '-'], { stdin: JSON.stringify(bad) });
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'error: error validating "STDIN": error validating data: ValidationError(Pod.spec): unknown field "foo" in io.k8s.api.core.v1.PodSpec; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('keeps explain working, on OpenAPI v3 and v2', async () => {
    assert.match((await kubectl.ok(['explain', 'pod.spec.containers.ports'])).stdout, /^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: ports <\[\]ContainerPort>/);
    assert.match((await kubectl.ok(['explain', 'pod', '--output=plaintext-openapiv2'])).stdout, /^KIND:\s+Pod\nVERSION:\s+v1\n\nDESCRIPTION:\n\s+Pod is a collection of containers/);
  });

  it('runs kubia and exposes it through a LoadBalancer service, printing what a real cluster prints', async () => {
    assert.equal((await kubectl.ok(['run', 'kubia', '--image=luksa/kubia', '--port=8080'])).stdout, 'pod/kubia created\n');
    assert.equal((await kubectl.ok(['expose', 'pod', 'kubia', '--type=LoadBalancer', '--name', 'kubia-http'])).stdout, 'service/kubia-http exposed\n');
    const [row] = parseTable((await kubectl.ok(['get', 'svc', 'kubia-http'])).stdout).rows;
    assert.equal(row?.TYPE, 'LoadBalancer');
    assert.match(row?.['CLUSTER-IP'] ?? '', /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    assert.equal(row?.['EXTERNAL-IP'], '<pending>');
    // A LoadBalancer service gets a node port from 30000-32767.
    const port = /^8080:(\d+)\/TCP$/.exec(row?.['PORT(S)'] ?? '');
    assert.ok(port && Number(port[1]) >= 30000 && Number(port[1]) <= 32767, row?.['PORT(S)']);
  });
});
