import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toTable } from './index';

const now = new Date('2024-05-01T12:00:00Z');
const created = '2024-05-01T11:58:00Z';
const meta = (name: string, more: object = {}) => ({ name, namespace: 'default', creationTimestamp: created, resourceVersion: '42', ...more });

interface Table {
  kind: string;
  apiVersion: string;
  metadata: Record<string, unknown>;
  columnDefinitions: { name: string; priority: number; format: string; description: string }[];
  rows: { cells: unknown[]; object?: Record<string, unknown>; conditions?: unknown[] }[];
}
const table = (resource: string, objects: object[], includeObject: 'None' | 'Metadata' | 'Object' = 'None', listMeta?: object) =>
  toTable({ resource, objects, includeObject, now, listMeta }) as Table;

const cases: { resource: string; obj: object; columns: string; wide: string[]; cells: unknown[] }[] = [
  {
    resource: 'pods',
    obj: {
      metadata: meta('kubia-manual'),
      spec: { nodeName: 'node-1', containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
      status: { phase: 'Running', podIP: '10.244.0.5', containerStatuses: [{ name: 'kubia', ready: true, restartCount: 0, state: { running: {} } }] },
    },
    columns: 'Name Ready Status Restarts Age IP Node Nominated Node Readiness Gates',
    wide: ['IP', 'Node', 'Nominated Node', 'Readiness Gates'],
    cells: ['kubia-manual', '1/1', 'Running', '0', '2m', '10.244.0.5', 'node-1', '<none>', '<none>'],
  },
  {
    resource: 'namespaces',
    obj: { metadata: meta('custom-namespace'), status: { phase: 'Active' } },
    columns: 'Name Status Age',
    wide: [],
    cells: ['custom-namespace', 'Active', '2m'],
  },
  {
    resource: 'nodes',
    obj: {
      metadata: meta('node-1', { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } }),
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '192.168.0.2' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian', kernelVersion: '6.1', containerRuntimeVersion: 'containerd://1.7' },
      },
    },
    columns: 'Name Status Roles Age Version Internal-IP External-IP OS-Image Kernel-Version Container-Runtime',
    wide: ['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
    cells: ['node-1', 'Ready,SchedulingDisabled', 'control-plane,worker', '2m', 'v1.32.0', '192.168.0.2', '<none>', 'Debian', '6.1', 'containerd://1.7'],
  },
  {
    resource: 'services',
    obj: {
      metadata: meta('kubia'),
      spec: { type: 'NodePort', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, nodePort: 30123, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }], selector: { b: '2', a: '1' } },
    },
    columns: 'Name Type Cluster-IP External-IP Port(s) Age Selector',
    wide: ['Selector'],
    cells: ['kubia', 'NodePort', '10.96.0.10', '<none>', '80:30123/TCP,443/TCP', '2m', 'a=1,b=2'],
  },
  {
    resource: 'events',
    obj: {
      metadata: meta('kubia.17a'),
      involvedObject: { kind: 'Pod', name: 'kubia-manual', fieldPath: 'spec.containers{kubia}' },
      reason: 'Pulled',
      type: 'Normal',
      message: 'Container image pulled \n',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2024-05-01T11:50:00Z',
      lastTimestamp: created,
    },
    columns: 'Last Seen Type Reason Object Subobject Source Message First Seen Count Name',
    wide: ['Subobject', 'Source', 'First Seen', 'Count', 'Name'],
    cells: ['2m', 'Normal', 'Pulled', 'pod/kubia-manual', 'spec.containers{kubia}', 'kubelet, node-1', 'Container image pulled', '10m', 1, 'kubia.17a'],
  },
  {
    resource: 'configmaps',
    obj: { metadata: meta('cfg'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } },
    columns: 'Name Data Age',
    wide: [],
    cells: ['cfg', 3, '2m'],
  },
  {
    resource: 'serviceaccounts',
    obj: { metadata: meta('default') },
    columns: 'Name Secrets Age',
    wide: [],
    cells: ['default', 0, '2m'],
  },
  {
    resource: 'deployments',
    obj: {
      metadata: meta('kubia'),
      spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }, { name: 'side', image: 'busybox' }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    },
    columns: 'Name Ready Up-to-date Available Age Containers Images Selector',
    wide: ['Containers', 'Images', 'Selector'],
    cells: ['kubia', '2/3', 3, 2, '2m', 'nodejs,side', 'luksa/kubia:v1,busybox', 'app=kubia'],
  },
  {
    resource: 'replicasets',
    obj: {
      metadata: meta('kubia-abc'),
      spec: { replicas: 2, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia' }] } } },
      status: { replicas: 2, readyReplicas: 1 },
    },
    columns: 'Name Desired Current Ready Age Containers Images Selector',
    wide: ['Containers', 'Images', 'Selector'],
    cells: ['kubia-abc', 2, 2, 1, '2m', 'nodejs', 'luksa/kubia', 'app in (kubia)'],
  },
];

for (const { resource, obj, columns, wide, cells } of cases) {
  test(`${resource}: columns, wide columns and cells`, () => {
    const t = table(resource, [obj]);
    assert.equal(t.columnDefinitions.map((c) => c.name).join(' '), columns);
    assert.deepEqual(t.columnDefinitions.filter((c) => c.priority === 1).map((c) => c.name), wide);
    assert.equal(t.columnDefinitions.find((c) => c.name === 'Name')?.format, 'name');
    assert.ok(t.columnDefinitions.every((c) => c.description.length > 0), 'every column is documented');
    assert.deepEqual(t.rows[0].cells, cells);
  });
}

test('includeObject: None omits, Metadata wraps in PartialObjectMetadata, Object embeds the object', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: meta('a', { labels: { app: 'kubia' } }), spec: { containers: [] } };
  assert.equal(table('pods', [pod], 'None').rows[0].object, undefined);
  assert.deepEqual(table('pods', [pod], 'Metadata').rows[0].object, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
  assert.deepEqual(table('pods', [pod], 'Object').rows[0].object, pod);
});

test('Table metadata comes from the list, or from the single object', () => {
  const t = table('pods', [], 'None', { resourceVersion: '99', continue: 'abc' });
  assert.deepEqual([t.kind, t.apiVersion, t.metadata, t.rows], ['Table', 'meta.k8s.io/v1', { resourceVersion: '99', continue: 'abc' }, []]);
  assert.deepEqual(table('namespaces', [{ metadata: meta('x') }]).metadata, { resourceVersion: '42' });
});

test('finished pods carry a Completed row condition', () => {
  const done = { metadata: meta('job'), spec: { containers: [{ name: 'c' }] }, status: { phase: 'Succeeded' } };
  assert.deepEqual(table('pods', [done]).rows[0].conditions, [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
});

test('nodes without a Ready condition are Unknown; events without counts count once', () => {
  assert.equal(table('nodes', [{ metadata: meta('n') }]).rows[0].cells[1], 'Unknown');
  assert.equal(table('nodes', [{ metadata: meta('n'), status: { conditions: [{ type: 'Ready', status: 'False' }] } }]).rows[0].cells[1], 'NotReady');
  assert.equal(table('events', [{ metadata: meta('e'), involvedObject: { kind: 'Node' } }]).rows[0].cells[8], 1);
});

test('a resource without a printer gets the default NAME / CREATED AT table', () => {
  const t = table('widgets', [{ metadata: meta('w') }]);
  assert.deepEqual(t.columnDefinitions.map((c) => c.name), ['Name', 'Created At']);
  assert.deepEqual(t.rows[0].cells, ['w', created]);
});
