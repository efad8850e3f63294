import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { createKubectl, manifestPath, type Kubectl } from './testing/kubectl';

// label and annotate send merge patches; kubectl checks label values itself but leaves label keys to
// the server, whose 422 it prints with the causes.
describe('kubectl against the embedded cluster: label, annotate, describe', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0 });
    kubectl = await createKubectl(cluster);
    await kubectl.ok(['create', '-f', manifestPath('kubia-manual.yaml')]);
    await kubectl.ok(['create', '-f', manifestPath('kubia-manual-with-labels.yaml')]);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  const labelsOf = async (name: string) =>
    JSON.parse((await kubectl.ok(['get', 'po', name, '-o', 'json'])).stdout).metadata.labels as Record<string, string> | undefined;

  it('adds a new label', async () => {
    const out = await kubectl.ok(['label', 'po', 'kubia-manual', 'creation_method=manual']);
    assert.equal(out.stdout, 'pod/kubia-manual labeled\n');
    assert.deepEqual(await labelsOf('kubia-manual'), { creation_method: 'manual' });
    const yaml = (await kubectl.ok(['get', 'po', 'kubia-manual', '-o', 'yaml'])).stdout;
    assert.match(yaml, /\n {2}labels:\n {4}creation_method: manual\n/);
  });

  it('refuses to change an existing label without --overwrite', async () => {
    const out = await kubectl.run(['label', 'po', 'kubia-manual-v2', 'env=debug']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, "error: 'env' already has a value (prod), and --overwrite is false\n");
    assert.equal((await labelsOf('kubia-manual-v2'))?.env, 'prod');
  });

  it('changes it with --overwrite and removes it with key-', async () => {
    const changed = await kubectl.ok(['label', 'po', 'kubia-manual-v2', 'env=debug', '--overwrite']);
    assert.equal(changed.stdout, 'pod/kubia-manual-v2 labeled\n');
    assert.equal((await labelsOf('kubia-manual-v2'))?.env, 'debug');
    const removed = await kubectl.ok(['label', 'po', 'kubia-manual-v2', 'env-']);
    assert.equal(removed.stdout, 'pod/kubia-manual-v2 unlabeled\n');
    assert.deepEqual(await labelsOf('kubia-manual-v2'), { creation_method: 'manual' });
  });

  it("prints the server's 422 for an invalid label key", async () => {
    const out = await kubectl.run(['label', 'po', 'kubia-manual', 'bad key!=x']);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'The Pod "kubia-manual" is invalid: metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric ' +
        "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  " +
        "or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
    );
  });

  it("checks label values itself, before the server sees them", async () => {
    const out = await kubectl.run(['label', 'po', 'kubia-manual', 'ok=bad value']);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^error: invalid label value: "ok=bad value": /);
  });

  it('annotates, and describe shows the annotation', async () => {
    const out = await kubectl.ok(['annotate', 'pod', 'kubia-manual', 'mycompany.com/someannotation=foo bar']);
    assert.equal(out.stdout, 'pod/kubia-manual annotated\n');
    const described = (await kubectl.ok(['describe', 'pod', 'kubia-manual'])).stdout;
    assert.match(described, /^Annotations: {6}mycompany.com\/someannotation: foo bar$/m);
  });

  it('describes a pod: name, namespace, labels, status, containers and events', async () => {
    const out = await kubectl.ok(['describe', 'pod', 'kubia-manual']);
    const text = out.stdout;
    assert.match(text, /^Name: {13}kubia-manual$/m);
    assert.match(text, /^Namespace: {8}default$/m);
    assert.match(text, /^Service Account: {2}default$/m);
    assert.match(text, /^Labels: {11}creation_method=manual$/m);
    assert.match(text, /^Status: {11}(Pending|Running)$/m);
    assert.match(text, /^Containers:\n {2}kubia:\n/m);
    assert.match(text, /^ {4}Image: {8}luksa\/kubia$/m);
    assert.match(text, /^ {4}Port: {9}8080\/TCP$/m);
    assert.match(text, /^ {6}\/var\/run\/secrets\/kubernetes.io\/serviceaccount from kube-api-access-[a-z0-9]{5} \(ro\)$/m);
    assert.match(text, /^QoS Class: +BestEffort$/m);
    assert.match(text, /^Tolerations: +node.kubernetes.io\/not-ready:NoExecute op=Exists for 300s$/m);
    assert.match(text, /^Events:/m);
    assert.equal(out.stderr, '');
  });

  it('describes a namespace with its quotas and limit ranges', async () => {
    const out = await kubectl.ok(['describe', 'ns', 'default']);
    assert.equal(
      out.stdout,
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\n' +
        'No resource quota.\n\nNo LimitRange resource.\n',
    );
  });

  it('creates a quota (sent as protobuf) and lists it with the quota columns', async () => {
    const created = await kubectl.ok(['create', 'quota', 'q', '--hard=pods=2,limits.cpu=1']);
    assert.equal(created.stdout, 'resourcequota/q created\n');
    const quota = JSON.parse((await kubectl.ok(['get', 'quota', 'q', '-o', 'json'])).stdout);
    assert.deepEqual(quota.spec.hard, { 'limits.cpu': '1', pods: '2' });
    assert.deepEqual(quota.status, {});
    const table = (await kubectl.ok(['get', 'quota'])).stdout.split('\n')[0];
    assert.match(table ?? '', /^NAME +AGE +REQUEST +LIMIT$/);
    assert.equal((await kubectl.ok(['delete', 'quota', 'q'])).stdout, 'resourcequota "q" deleted\n');
  });

  it('explains pods from /openapi/v3', async () => {
    const out = await kubectl.ok(['explain', 'pods']);
    assert.match(out.stdout, /^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Pod is a collection of containers that can run on a host\./);
    assert.match(out.stdout, /\nFIELDS:\n {2}apiVersion\t<string>\n/);
    for (const field of ['kind\t<string>', 'metadata\t<ObjectMeta>', 'spec\t<PodSpec>', 'status\t<PodStatus>']) {
      assert.ok(out.stdout.includes(`\n  ${field}\n`), field);
    }
  });

  it('explains pod.spec with the required containers field', async () => {
    const out = await kubectl.ok(['explain', 'pod.spec']);
    assert.match(out.stdout, /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: spec <PodSpec>\n/);
    assert.match(out.stdout, /\n {4}PodSpec is a description of a pod\.\n/);
    assert.match(out.stdout, /\n {2}containers\t<\[\]Container> -required-\n {4}List of containers belonging to the pod\./);
  });

  it('names IntOrString and Quantity as kubectl does against a real server', async () => {
    const port = await kubectl.ok(['explain', 'pod.spec.containers.livenessProbe.httpGet.port']);
    assert.match(port.stdout, /\nFIELD: port <IntOrString>\n/);
    const resources = await kubectl.ok(['explain', 'pod.spec.containers.resources']);
    assert.match(resources.stdout, /\n {2}limits\t<map\[string\]Quantity>\n/);
    assert.match(resources.stdout, /\n {2}requests\t<map\[string\]Quantity>\n/);
  });

  it('explains a field that does not exist with kubectl’s error', async () => {
    const out = await kubectl.run(['explain', 'pod.spec.nope']);
    assert.equal(out.code, 1);
    assert.equal(out.stderr, 'error: field "nope" does not exist\n');
  });
});
