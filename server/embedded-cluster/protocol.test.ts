import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { podBody, startTestCluster, statusOf, type TestCluster } from './test-helpers';
import { rawRequest } from './testing/raw-request';

// A minimal protobuf writer for building the `k8s\0` envelope kubectl sends.
function field(number: number, payload: Buffer | string): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}
function varint(value: number): Buffer {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

describe('embedded cluster: auth, protocol and encodings', () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster();
  });
  after(() => t.cluster.stop());

  it('answers 401 Unauthorized without a token or with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await t.request('/api/v1/namespaces', { token });
      assert.equal(res.status, 401);
      assert.deepEqual(res.json(), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('lets the viewer read and forbids it to write, in the RBAC wording', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(t.cluster.kubeconfigYaml);
    kc.users[0] = { name: 'embedded', token: t.cluster.tokens.viewer };
    const viewer = kc.makeApiClient(CoreV1Api);
    await t.core.createNamespacedPod({ namespace: 'default', body: podBody('x') });
    assert.equal((await viewer.readNamespacedPod({ name: 'x', namespace: 'default' })).metadata?.name, 'x');
    const denied = await statusOf(viewer.deleteNamespacedPod({ name: 'x', namespace: 'default' }));
    assert.equal(denied.code, 403);
    assert.equal(denied.reason, 'Forbidden');
    assert.equal(
      denied.message,
      'pods "x" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
    const create = await statusOf(viewer.createNamespace({ body: { metadata: { name: 'nope' } } }));
    assert.equal(create.message, 'namespaces is forbidden: User "viewer" cannot create resource "namespaces" in API group "" at the cluster scope');
  });

  it('reports version 1.32, health and discovery', async () => {
    const version = (await t.request('/version')).json<{ major: string; minor: string; gitVersion: string }>();
    assert.equal(version.major, '1');
    assert.equal(version.minor, '32');
    assert.match(version.gitVersion, /^v1\.32\./);
    assert.equal((await t.request('/healthz', { token: null })).body, 'ok');
    const v1 = (await t.request('/api/v1')).json<{ resources: { name: string; shortNames?: string[]; categories?: string[] }[] }>();
    const pods = v1.resources.find((r) => r.name === 'pods');
    assert.deepEqual(pods?.shortNames, ['po']);
    assert.deepEqual(pods?.categories, ['all']);
    assert.ok(v1.resources.some((r) => r.name === 'pods/status'));
    assert.ok(v1.resources.some((r) => r.name === 'namespaces/finalize'));
    const apps = (await t.request('/apis/apps/v1')).json<{ resources: { name: string }[] }>();
    assert.ok(apps.resources.some((r) => r.name === 'deployments/scale'));
    const groups = (await t.request('/apis', {
      headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' },
    }));
    assert.equal(groups.json<{ kind: string }>().kind, 'APIGroupList');
  });

  it('creates a namespace from a protobuf body (kubectl create namespace)', async () => {
    const labels = field(11, Buffer.concat([field(1, 'team'), field(2, 'blue')]));
    const meta = Buffer.concat([field(1, 'from-proto'), labels]);
    const namespace = field(1, meta);
    const typeMeta = Buffer.concat([field(1, 'v1'), field(2, 'Namespace')]);
    const body = Buffer.concat([Buffer.from('k8s\0', 'binary'), field(1, typeMeta), field(2, namespace), field(4, 'application/vnd.kubernetes.protobuf')]);
    const res = await t.request('/api/v1/namespaces', {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/vnd.kubernetes.protobuf,application/json' },
      body,
    });
    assert.equal(res.status, 201);
    const created = res.json<{ metadata: { name: string; labels: Record<string, string> } }>();
    assert.equal(created.metadata.name, 'from-proto');
    assert.deepEqual(created.metadata.labels, { team: 'blue', 'kubernetes.io/metadata.name': 'from-proto' });
  });

  it('rejects bodies over 3 MiB with 413', async () => {
    const res = await t.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'big' }, data: { blob: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    assert.equal(res.status, 413);
    assert.equal(res.json<{ message: string }>().message, 'Request entity too large: limit is 3145728');
  });

  it('validates fields: Strict fails, Warn warns, Ignore drops silently', async () => {
    const body = '{"metadata":{"name":"fv","name":"fv"},"spec":{"foo":1,"containers":[{"name":"c","image":"i"}]}}';
    const post = (mode: string) =>
      t.request(`/api/v1/namespaces/default/pods?fieldValidation=${mode}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body.replace(/"fv"/g, `"fv-${mode.toLowerCase()}"`),
      });
    const strict = await post('Strict');
    assert.equal(strict.status, 400);
    assert.equal(
      strict.json<{ message: string }>().message,
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name", unknown field "spec.foo"',
    );
    const warn = await post('Warn');
    assert.equal(warn.status, 201);
    // Node joins repeated Warning headers with ", ".
    assert.equal(warn.headers.warning, '299 - "duplicate field \\"metadata.name\\"", 299 - "unknown field \\"spec.foo\\""');
    assert.equal((warn.json<{ spec: Record<string, unknown> }>().spec.foo), undefined);
    const ignore = await post('Ignore');
    assert.equal(ignore.status, 201);
    assert.equal(ignore.headers.warning, undefined);
  });

  it('answers 406 when no acceptable representation is asked for', async () => {
    const res = await t.request('/api/v1/namespaces', { headers: { Accept: 'text/html' } });
    assert.equal(res.status, 406);
    assert.equal(res.json<{ reason: string }>().reason, 'NotAcceptable');
  });

  it('serves server-side tables with object metadata for kubectl get', async () => {
    const res = await t.request('/api/v1/namespaces?includeObject=Metadata', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = res.json<{ kind: string; rows: { object: { kind: string; metadata: { name: string } } }[] }>();
    assert.equal(table.kind, 'Table');
    assert.equal(table.rows[0]?.object.kind, 'PartialObjectMetadata');
  });

  it('deletes a collection by label selector', async () => {
    for (const name of ['dc-1', 'dc-2']) {
      await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels: { batch: 'x' } } } });
    }
    await t.core.deleteCollectionNamespacedConfigMap({ namespace: 'default', labelSelector: 'batch=x' });
    assert.equal((await t.core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'batch=x' })).items.length, 0);
  });

  it('checks delete preconditions', async () => {
    await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'pre' } } });
    const status = await statusOf(
      t.core.deleteNamespacedConfigMap({ name: 'pre', namespace: 'default', body: { preconditions: { uid: 'other' } } }),
    );
    assert.equal(status.code, 409);
    assert.match(status.message, /^Operation cannot be fulfilled on configmaps "pre": Precondition failed: UID in precondition: other, UID in object meta: /);
  });

  it('answers 200 for a delete still pending, and 202 only with orphanDependents=false, as DeleteResource does', async () => {
    const held = { metadata: { name: 'held', finalizers: ['example.com/hold'] } };
    const del = (body: object) =>
      rawRequest(t.cluster, { method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/held', token: t.cluster.tokens.admin, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await t.core.createNamespacedConfigMap({ namespace: 'default', body: held });
    const pending = await del({});
    assert.equal(pending.status, 200, pending.body);
    assert.ok(pending.json<{ metadata: { deletionTimestamp?: string } }>().metadata.deletionTimestamp);
    assert.equal((await del({ orphanDependents: false })).status, 202);
  });

  it('rejects a bad label selector with the parser message', async () => {
    const status = await statusOf(t.core.listNamespacedPod({ namespace: 'default', labelSelector: 'a b' }));
    assert.equal(status.code, 400);
    assert.match(status.message, /unable to parse requirement/);
  });
});
