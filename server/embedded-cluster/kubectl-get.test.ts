import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { createKubectl, manifestPath, type Kubectl } from './testing/kubectl';
import { names, parseTable, type PrintedTable } from './testing/kubectl-table';

// The real kubectl is the referee: these assert what it prints against the embedded server, which
// must be what it prints against a real 1.32 API server. Pods may stay Pending or be run by a kubelet,
// so pod STATUS and READY are matched loosely.
const POD_STATUS = /^(Pending|ContainerCreating|Running)$/;
const POD_READY = /^[01]\/1$/;

function assertPodRows(table: PrintedTable, expected: string[]): void {
  assert.deepEqual(names(table), expected);
  for (const row of table.rows) {
    assert.match(row.READY ?? '', POD_READY);
    assert.match(row.STATUS ?? '', POD_STATUS);
    assert.equal(row.RESTARTS, '0');
    assert.match(row.AGE ?? '', /^\d+s$/);
  }
}

describe('kubectl against the embedded cluster: create and get (chapter 3)', () => {
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

  it('says there are no pods in a fresh default namespace', async () => {
    const out = await kubectl.ok(['get', 'po']);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, 'No resources found in default namespace.\n');
  });

  it('creates every manifest of the chapter with create -f', async () => {
    const expected: Record<string, string> = {
      'kubia-manual.yaml': 'pod/kubia-manual created\n',
      'kubia-manual-with-labels.yaml': 'pod/kubia-manual-v2 created\n',
      'kubia-gpu.yaml': 'pod/kubia-gpu created\n',
      'custom-namespace.yaml': 'namespace/custom-namespace created\n',
    };
    for (const [file, line] of Object.entries(expected)) {
      const out = await kubectl.ok(['create', '-f', manifestPath(file)]);
      assert.equal(out.stdout, line);
    }
  });

  it('answers AlreadyExists for a second create -f', async () => {
    const out = await kubectl.run(['create', '-f', manifestPath('kubia-manual.yaml')]);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      `Error from server (AlreadyExists): error when creating "${manifestPath('kubia-manual.yaml')}": pods "kubia-manual" already exists\n`,
    );
  });

  it('lists pods with the server-side table columns', async () => {
    const out = await kubectl.ok(['get', 'po']);
    const table = parseTable(out.stdout);
    assert.deepEqual(table.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    assertPodRows(table, ['kubia-gpu', 'kubia-manual', 'kubia-manual-v2']);
  });

  it('adds the wide columns with -o wide', async () => {
    const table = parseTable((await kubectl.ok(['get', 'po', '-o', 'wide'])).stdout);
    assert.deepEqual(table.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    const gpu = table.rows.find((row) => row.NAME === 'kubia-gpu');
    // No node has gpu=true, so this pod is never scheduled, whoever runs the scheduler.
    assert.equal(gpu?.NODE, '<none>');
    assert.equal(gpu?.IP, '<none>');
    for (const row of table.rows) {
      assert.equal(row['NOMINATED NODE'], '<none>');
      assert.equal(row['READINESS GATES'], '<none>');
    }
  });

  it('shows labels with --show-labels and label columns with -L', async () => {
    const shown = parseTable((await kubectl.ok(['get', 'po', '--show-labels'])).stdout);
    assert.deepEqual(shown.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    assert.deepEqual(
      shown.rows.map((row) => [row.NAME, row.LABELS]),
      [
        ['kubia-gpu', '<none>'],
        ['kubia-manual', '<none>'],
        ['kubia-manual-v2', 'creation_method=manual,env=prod'],
      ],
    );
    const columns = parseTable((await kubectl.ok(['get', 'po', '-L', 'creation_method,env'])).stdout);
    assert.deepEqual(columns.headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'CREATION_METHOD', 'ENV']);
    // Today's kubectl prints an empty cell for a missing label (the book's <none> is older output).
    assert.deepEqual(
      columns.rows.map((row) => [row.NAME, row.CREATION_METHOD, row.ENV]),
      [
        ['kubia-gpu', '', ''],
        ['kubia-manual', '', ''],
        ['kubia-manual-v2', 'manual', 'prod'],
      ],
    );
  });

  const selectors: [string, string[]][] = [
    ['creation_method=manual', ['kubia-manual-v2']],
    ['env', ['kubia-manual-v2']],
    ['!env', ['kubia-gpu', 'kubia-manual']],
    ['creation_method!=manual', ['kubia-gpu', 'kubia-manual']],
    ['env in (prod,devel)', ['kubia-manual-v2']],
    ['env notin (prod,devel)', ['kubia-gpu', 'kubia-manual']],
  ];
  for (const [selector, expected] of selectors) {
    it(`selects exactly ${expected.join(', ')} with -l '${selector}'`, async () => {
      const out = await kubectl.ok(['get', 'po', '-l', selector]);
      assertPodRows(parseTable(out.stdout), expected);
      assert.equal(out.stderr, '');
    });
  }

  it('finds nothing for -l app=pc,rel=beta', async () => {
    const out = await kubectl.ok(['get', 'po', '-l', 'app=pc,rel=beta']);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, 'No resources found in default namespace.\n');
  });

  it("passes on the server's BadRequest for a selector it cannot parse", async () => {
    const out = await kubectl.run(['get', 'po', '-l', 'a in (']);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (", ' +
        `field selector "": unable to parse requirement: found '', expected: ',', ')' or identifier\n`,
    );
  });

  it('prints the pod with -o yaml and -o json, with the server defaults', async () => {
    const yaml = (await kubectl.ok(['get', 'po', 'kubia-manual', '-o', 'yaml'])).stdout;
    assert.match(yaml, /^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    assert.match(yaml, /\n {2}name: kubia-manual\n {2}namespace: default\n/);
    assert.match(yaml, /\n {4}terminationMessagePath: \/dev\/termination-log\n/);
    const pod = JSON.parse((await kubectl.ok(['get', 'po', 'kubia-manual', '-o', 'json'])).stdout);
    assert.equal(pod.kind, 'Pod');
    assert.match(pod.metadata.uid, /^[0-9a-f-]{36}$/);
    assert.match(pod.metadata.resourceVersion, /^\d+$/);
    assert.match(pod.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(pod.spec.restartPolicy, 'Always');
    assert.equal(pod.spec.dnsPolicy, 'ClusterFirst');
    assert.equal(pod.spec.terminationGracePeriodSeconds, 30);
    assert.equal(pod.spec.serviceAccountName, 'default');
    assert.equal(pod.spec.schedulerName, 'default-scheduler');
    const [container] = pod.spec.containers;
    // An image without a tag means :latest, which defaults imagePullPolicy to Always.
    assert.equal(container.imagePullPolicy, 'Always');
    assert.deepEqual(container.ports, [{ containerPort: 8080, protocol: 'TCP' }]);
    assert.equal(container.terminationMessagePolicy, 'File');
    assert.match(container.volumeMounts[0].name, /^kube-api-access-[a-z0-9]{5}$/);
    assert.equal(container.volumeMounts[0].mountPath, '/var/run/secrets/kubernetes.io/serviceaccount');
    assert.match(pod.status.phase, /^(Pending|Running)$/);
    assert.equal(pod.status.qosClass, 'BestEffort');
  });

  it('reads namespaces: get ns, -n and --all-namespaces', async () => {
    const ns = parseTable((await kubectl.ok(['get', 'ns'])).stdout);
    assert.deepEqual(ns.headers, ['NAME', 'STATUS', 'AGE']);
    for (const name of ['custom-namespace', 'default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      assert.equal(ns.rows.find((row) => row.NAME === name)?.STATUS, 'Active', name);
    }
    const empty = await kubectl.ok(['get', 'po', '-n', 'custom-namespace']);
    assert.equal(empty.stderr, 'No resources found in custom-namespace namespace.\n');
    const created = await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml'), '-n', 'custom-namespace']);
    assert.equal(created.stdout, 'pod/kubia-manual created\n');
    assertPodRows(parseTable((await kubectl.ok(['get', 'po', '--namespace', 'custom-namespace'])).stdout), ['kubia-manual']);
    const all = parseTable((await kubectl.ok(['get', 'po', '--all-namespaces'])).stdout);
    assert.deepEqual(all.headers, ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    const ours = all.rows.filter((row) => row.NAMESPACE === 'default' || row.NAMESPACE === 'custom-namespace');
    assert.deepEqual(
      ours.map((row) => `${row.NAMESPACE}/${row.NAME}`),
      ['custom-namespace/kubia-manual', 'default/kubia-gpu', 'default/kubia-manual', 'default/kubia-manual-v2'],
    );
  });

  it("refuses a manifest whose namespace differs from -n (kubectl's own check)", async () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\n  namespace: default\nspec:\n  containers:\n  - name: c\n    image: luksa/kubia\n';
    const out = await kubectl.run(['create', '-f', '-', '-n', 'custom-namespace'], { stdin: manifest });
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      `error: the namespace from the provided object "default" does not match the namespace "custom-namespace". You must pass '--namespace=default' to perform this operation.\n`,
    );
  });

  it('rejects an unknown field with the strict decoding error', async () => {
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-bad\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n      bogusField: 1\n';
    const out = await kubectl.run(['create', '-f', '-'], { stdin: manifest });
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: ' +
        'strict decoding error: unknown field "spec.containers[0].ports[0].bogusField"\n',
    );
  });

  it('creates a namespace with create namespace (sent as protobuf)', async () => {
    const out = await kubectl.ok(['create', 'namespace', 'second-namespace']);
    assert.equal(out.stdout, 'namespace/second-namespace created\n');
    const ns = JSON.parse((await kubectl.ok(['get', 'ns', 'second-namespace', '-o', 'json'])).stdout);
    assert.equal(ns.status.phase, 'Active');
    assert.equal(ns.metadata.labels['kubernetes.io/metadata.name'], 'second-namespace');
  });

  it('answers NotFound for a pod that does not exist', async () => {
    const out = await kubectl.run(['get', 'po', 'nothere']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'Error from server (NotFound): pods "nothere" not found\n');
  });
});
