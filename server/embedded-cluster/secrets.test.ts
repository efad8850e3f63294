import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { base64ErrorOffset } from './defaults/secret';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { DEMO_SECRET } from './seeds/demo';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { parseTable } from './testing/kubectl-table';
import { rawRequest } from './testing/raw-request';

const METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const METADATA = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('Secrets, through kubectl and the raw API', () => {
  let cluster: EmbeddedCluster;
  let kubectl: Kubectl;
  const api = (method: string, path: string, options: { body?: unknown; accept?: string; contentType?: string } = {}) =>
    rawRequest(cluster, {
      method,
      path,
      token: cluster.tokens.admin,
      headers: { ...(options.accept ? { accept: options.accept } : {}), ...(options.body ? { 'content-type': options.contentType ?? 'application/json' } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });

  before(async () => {
    cluster = await startEmbeddedCluster({ port: 0, seed: { name: 'demo' } });
    kubectl = await createKubectl(cluster);
  });
  after(async () => {
    await kubectl.dispose();
    await cluster.stop();
  });

  it('kubectl create secret generic stores base64 data; get prints NAME TYPE DATA AGE; describe prints sizes only', async () => {
    const created = await kubectl.ok(['create', 'secret', 'generic', 'db', '--from-literal=user=admin', '--from-literal=password=hunter2']);
    assert.equal(created.stdout, 'secret/db created\n');
    const secret = (await api('GET', '/api/v1/namespaces/default/secrets/db')).json<{ type: string; data: Record<string, string> }>();
    assert.equal(secret.type, 'Opaque');
    assert.deepEqual(secret.data, { password: b64('hunter2'), user: b64('admin') });

    const table = parseTable((await kubectl.ok(['get', 'secrets'])).stdout);
    assert.deepEqual(table.headers, ['NAME', 'TYPE', 'DATA', 'AGE']);
    const row = table.rows.find((r) => r.NAME === 'db');
    assert.deepEqual([row?.TYPE, row?.DATA], ['Opaque', '2']);
    assert.match(row?.AGE ?? '', /^\d+s$/);

    const described = (await kubectl.ok(['describe', 'secret', 'db'])).stdout;
    assert.match(described, /^Name:\s+db\nNamespace:\s+default\n/);
    // kubectl prints the keys in Go's map order, which is random from run to run.
    const data = /Type:\s+Opaque\n\nData\n====\n((?:\S+:\s+\d+ bytes\n)+)/.exec(described)?.[1] ?? '';
    assert.deepEqual(data.trim().split('\n').map((line) => line.replace(/\s+/g, ' ')).sort(), ['password: 7 bytes', 'user: 5 bytes']);
    assert.doesNotMatch(described, /hunter2|admin\n/);
  });

  it('folds stringData into data as the API server does, and never stores stringData', async () => {
    const res = await api('POST', '/api/v1/namespaces/default/secrets', {
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'mixed' }, data: { a: b64('from-data'), b: b64('old') }, stringData: { b: 'new', c: 'plain' } },
    });
    assert.equal(res.status, 201, res.body);
    const stored = res.json<Record<string, unknown>>();
    assert.deepEqual(stored.data, { a: b64('from-data'), b: b64('new'), c: b64('plain') });
    assert.equal(stored.stringData, undefined);
    assert.equal(stored.type, 'Opaque');
  });

  it('refuses what the real API server refuses, with its messages', async () => {
    const create = (body: Record<string, unknown>) => api('POST', '/api/v1/namespaces/default/secrets', { body: { apiVersion: 'v1', kind: 'Secret', ...body } });
    const notBase64 = await create({ metadata: { name: 'bad64' }, data: { k: 'not base64!' } });
    assert.equal(notBase64.status, 400);
    assert.equal(notBase64.json<{ message: string }>().message, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
    const badKey = await create({ metadata: { name: 'badkey' }, stringData: { 'a/b': 'x' } });
    assert.equal(badKey.status, 422);
    assert.match(badKey.json<{ message: string }>().message, /^Secret "badkey" is invalid: data\[a\/b\]: Invalid value: "a\/b": a valid config key must consist of alphanumeric characters/);
    const tls = await create({ metadata: { name: 'tls' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } });
    assert.equal(tls.status, 422);
    assert.equal(tls.json<{ message: string }>().message, 'Secret "tls" is invalid: data[tls.key]: Required value');
    const retype = await api('PATCH', `/api/v1/namespaces/default/secrets/${DEMO_SECRET.name}`, {
      body: { type: 'kubernetes.io/basic-auth' },
      contentType: 'application/merge-patch+json',
    });
    assert.equal(retype.status, 422);
    assert.equal(retype.json<{ message: string }>().message, `Secret "${DEMO_SECRET.name}" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable`);
  });

  it('lists and watches as PartialObjectMetadata carry no data', async () => {
    const list = await api('GET', '/api/v1/namespaces/default/secrets', { accept: METADATA_LIST });
    assert.equal(list.status, 200);
    const body = list.json<{ kind: string; apiVersion: string; items: Record<string, unknown>[] }>();
    assert.deepEqual([body.kind, body.apiVersion], ['PartialObjectMetadataList', 'meta.k8s.io/v1']);
    assert.ok(body.items.some((i) => (i.metadata as { name: string }).name === DEMO_SECRET.name));
    for (const item of body.items) assert.deepEqual(Object.keys(item).sort(), ['apiVersion', 'kind', 'metadata']);
    assert.ok(!list.body.includes(b64(DEMO_SECRET.data.password)));

    const watch = await rawRequest(cluster, {
      path: `/api/v1/namespaces/default/secrets?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3D${DEMO_SECRET.name}`,
      token: cluster.tokens.admin,
      headers: { accept: METADATA },
    });
    const events = watch.body.trim().split('\n').map((line) => JSON.parse(line) as { type: string; object: Record<string, unknown> });
    assert.deepEqual(events.map((e) => [e.type, e.object.kind]), [['ADDED', 'PartialObjectMetadata']]);
    assert.ok(!watch.body.includes(b64(DEMO_SECRET.data.password)));
  });

  it('computes the offset of a bad base64 value as Go does', () => {
    for (const [text, offset] of [['', -1], ['YWJj', -1], ['YWI=', -1], ['YQ==', -1], ['YQ\n==', -1], ['abc', 0], ['YQ=', 3], ['Y===', 1], ['not base64!', 3], ['YWJjZA', 4], ['YQ==YQ==', 4]] as const) {
      assert.equal(base64ErrorOffset(text), offset, JSON.stringify(text));
    }
  });
});
