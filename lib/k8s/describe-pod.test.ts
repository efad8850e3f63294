import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describePod, podQosClass } from '@/lib/k8s/describe-pod';
import { describeProbe } from '@/lib/k8s/describe-pod-containers';
import { resolveResourceFieldRef } from '@/lib/k8s/describe-pod-env';
import { eventAge, describeEvents } from '@/lib/k8s/describe-pod-events';
import { annotationLines, formatRfc1123z, labelLines, tolerationLines } from '@/lib/k8s/describe-pod-format';
import type { DescribeRow } from '@/lib/k8s/describe-pod-model';
import type { CoreEvent, DescribablePod } from '@/lib/k8s/describe-pod-types';

const NOW = new Date('2024-05-01T10:10:00Z');

const pod: DescribablePod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'kubia-7d4b9c-x2x9z',
    namespace: 'default',
    uid: 'u1',
    labels: { tier: 'web', app: 'kubia' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'example.com/note': 'hello\n' },
    creationTimestamp: '2024-05-01T10:00:00Z',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia-7d4b9c', uid: 'rs', controller: true }],
  },
  spec: {
    nodeName: 'node-1',
    serviceAccountName: 'default',
    priority: 0,
    containers: [
      {
        name: 'kubia',
        image: 'luksa/kubia',
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { memory: '64Mi', cpu: '100m' }, limits: { memory: '128Mi' } },
        env: [
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'GREETING', value: 'hi' },
        ],
        volumeMounts: [
          { name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          { name: 'data', mountPath: '/data', subPath: 'x' },
        ],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10 },
      },
    ],
    volumes: [
      { name: 'data', emptyDir: {} },
      {
        name: 'kube-api-access-abcde',
        projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] },
      },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.5',
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    startTime: '2024-05-01T10:00:00Z',
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: '2024-05-01T10:05:00Z' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'kubia',
        ready: true,
        restartCount: 2,
        image: 'luksa/kubia:latest',
        imageID: 'docker.io/luksa/kubia@sha256:abc',
        containerID: 'containerd://123',
        state: { running: { startedAt: '2024-05-01T10:04:00Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2024-05-01T10:01:00Z', finishedAt: '2024-05-01T10:03:59Z' } },
      },
    ],
  },
};

const row = (rows: DescribeRow[], label: string) => rows.find((r) => r.label === label);

describe('describePod header (describePod in kubectl describe.go)', () => {
  const d = describePod({ pod, now: NOW });
  const cases: [string, DescribeRow['value']][] = [
    ['Name', 'kubia-7d4b9c-x2x9z'],
    ['Namespace', 'default'],
    ['Priority', '0'],
    ['Service Account', 'default'],
    ['Node', 'node-1/10.0.0.5'],
    ['Start Time', 'Wed, 01 May 2024 10:00:00 +0000'],
    ['Labels', ['app=kubia', 'tier=web']],
    ['Annotations', ['example.com/note: hello']],
    ['Status', 'Running'],
    ['IP', '10.244.1.7'],
    ['Controlled By', 'ReplicaSet/kubia-7d4b9c'],
  ];
  for (const [label, value] of cases) {
    it(label, () => assert.deepEqual(row(d.header, label)?.value, value));
  }
  it('lists labels in kubectl order', () => assert.deepEqual(d.header.map((r) => r.label).slice(0, 9), ['Name', 'Namespace', 'Priority', 'Service Account', 'Node', 'Start Time', 'Labels', 'Annotations', 'Status']));
  it('IPs nests one IP row per address', () => assert.deepEqual(row(d.header, 'IPs')?.children, [{ label: 'IP', value: '10.244.1.7' }]));
  it('an unscheduled pod has Node <none> and IPs <none>', () => {
    const pending = describePod({ pod: { metadata: { name: 'p' }, spec: {}, status: { phase: 'Pending' } }, now: NOW });
    assert.equal(row(pending.header, 'Node')?.value, '<none>');
    assert.equal(row(pending.header, 'IPs')?.value, '<none>');
    assert.deepEqual(row(pending.header, 'Labels')?.value, ['<none>']);
  });
  it('a deleting pod reads Terminating (lasts …) with its grace period', () => {
    const deleting = describePod({
      pod: { metadata: { name: 'p', deletionTimestamp: '2024-05-01T10:09:30Z', deletionGracePeriodSeconds: 30 }, status: { phase: 'Running' } },
      now: NOW,
    });
    assert.equal(row(deleting.header, 'Status')?.value, 'Terminating (lasts 30s)');
    assert.equal(row(deleting.header, 'Termination Grace Period')?.value, '30s');
  });
});

describe('describePod containers (describeContainers)', () => {
  const [c] = describePod({ pod, now: NOW }).containers;
  it('summarizes state for the badge', () => assert.deepEqual([c.name, c.state, c.ready, c.restartCount], ['kubia', 'Running', true, 2]));
  it('prints identity and ports', () => {
    assert.equal(row(c.rows, 'Container ID')?.value, 'containerd://123');
    assert.equal(row(c.rows, 'Image')?.value, 'luksa/kubia');
    assert.equal(row(c.rows, 'Image ID')?.value, 'docker.io/luksa/kubia@sha256:abc');
    assert.equal(row(c.rows, 'Port')?.value, '8080/TCP');
    assert.equal(row(c.rows, 'Host Port')?.value, '0/TCP');
  });
  it('State Running with Started; Last State Terminated with reason and exit code', () => {
    assert.deepEqual(row(c.rows, 'State'), { label: 'State', value: 'Running', children: [{ label: 'Started', value: 'Wed, 01 May 2024 10:04:00 +0000' }] });
    const last = row(c.rows, 'Last State');
    assert.equal(last?.value, 'Terminated');
    assert.deepEqual(last?.children?.map((r) => `${r.label}: ${r.value}`), [
      'Reason: OOMKilled',
      'Exit Code: 137',
      'Started: Wed, 01 May 2024 10:01:00 +0000',
      'Finished: Wed, 01 May 2024 10:03:59 +0000',
    ]);
    assert.equal(row(c.rows, 'Ready')?.value, 'True');
    assert.equal(row(c.rows, 'Restart Count')?.value, '2');
  });
  it('Limits then Requests, names sorted', () => {
    assert.deepEqual(row(c.rows, 'Limits')?.children, [{ label: 'memory', value: '128Mi' }]);
    assert.deepEqual(row(c.rows, 'Requests')?.children, [{ label: 'cpu', value: '100m' }, { label: 'memory', value: '64Mi' }]);
  });
  it('probes', () => assert.equal(row(c.rows, 'Liveness')?.value, 'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3'));
  it('environment with downward API values and secret references', () => {
    assert.deepEqual(row(c.rows, 'Environment')?.children?.map((r) => `${r.label}: ${r.value}`), [
      'POD_NAME: kubia-7d4b9c-x2x9z (v1:metadata.name)',
      'MEM: 128 (limits.memory)',
      'CPU_LIMIT: node allocatable (limits.cpu)',
      "PASSWORD: <set to the key 'password' in secret 'db'>  Optional: false",
      'GREETING: hi',
    ]);
  });
  it('mounts sorted by path with ro/rw and subPath', () => {
    assert.deepEqual(row(c.rows, 'Mounts')?.value, ['/data from data (rw,path="x")', '/var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)']);
  });
  it('a container without status prints no state rows', () => {
    const [pending] = describePod({ pod: { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }] } }, now: NOW }).containers;
    assert.equal(pending.state, undefined);
    assert.equal(row(pending.rows, 'State'), undefined);
    assert.equal(row(pending.rows, 'Ports')?.value, '80/TCP, 53/UDP');
    assert.equal(row(pending.rows, 'Environment')?.value, '<none>');
    assert.equal(row(pending.rows, 'Mounts')?.value, '<none>');
  });
  it('a waiting container carries its reason', () => {
    const [waiting] = describePod({
      pod: { spec: { containers: [{ name: 'a' }] }, status: { containerStatuses: [{ name: 'a', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } },
      now: NOW,
    }).containers;
    assert.deepEqual([waiting.state, waiting.reason], ['Waiting', 'CrashLoopBackOff']);
    assert.deepEqual(row(waiting.rows, 'State'), { label: 'State', value: 'Waiting', children: [{ label: 'Reason', value: 'CrashLoopBackOff' }] });
  });
});

describe('describePod conditions, volumes, footer', () => {
  const d = describePod({ pod, now: NOW });
  it('conditions keep server order with detail', () => {
    assert.deepEqual(d.conditions, [{ type: 'Ready', status: 'True', lastTransition: '5m' }, { type: 'PodScheduled', status: 'True' }]);
  });
  it('volumes', () => {
    assert.deepEqual(d.volumes[0].rows.map((r) => `${r.label}: ${r.value}`), [
      "Type: EmptyDir (a temporary directory that shares a pod's lifetime)",
      'Medium: ',
      'SizeLimit: <unset>',
    ]);
    assert.deepEqual(d.volumes[1].rows.map((r) => `${r.label}: ${r.value}`), [
      'Type: Projected (a volume that contains injected data from multiple sources)',
      'TokenExpirationSeconds: 3607',
      'ConfigMapName: kube-root-ca.crt',
      'Optional: false',
      'DownwardAPI: true',
    ]);
  });
  it('QoS, Node-Selectors, Tolerations', () => {
    assert.deepEqual(d.footer, [
      { label: 'QoS Class', value: 'Burstable' },
      { label: 'Node-Selectors', value: ['<none>'] },
      { label: 'Tolerations', value: ['node.kubernetes.io/not-ready:NoExecute op=Exists for 300s', 'node.kubernetes.io/unreachable:NoExecute op=Exists for 300s'] },
    ]);
  });
});

describe('podQosClass (qos.ComputePodQOS)', () => {
  const withResources = (...resources: { requests?: Record<string, string>; limits?: Record<string, string> }[]): DescribablePod => ({
    spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) },
  });
  const cases: [string, DescribablePod, string][] = [
    ['server value wins', { status: { qosClass: 'Guaranteed' } }, 'Guaranteed'],
    ['nothing set', withResources({}), 'BestEffort'],
    ['only ephemeral-storage', withResources({ requests: { 'ephemeral-storage': '1Gi' } }), 'BestEffort'],
    ['requests equal limits', withResources({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } }), 'Guaranteed'],
    ['requests below limits', withResources({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }), 'Burstable'],
    ['one container without limits', withResources({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, {}), 'Burstable'],
  ];
  for (const [name, p, expected] of cases) it(name, () => assert.equal(podQosClass(p), expected));
});

describe('events (DescribeEvents)', () => {
  const events: CoreEvent[] = [
    { metadata: { uid: 'b' }, type: 'Warning', reason: 'BackOff', message: ' Back-off restarting failed container ', count: 3, firstTimestamp: '2024-05-01T10:05:00Z', lastTimestamp: '2024-05-01T10:08:00Z', source: { component: 'kubelet', host: 'node-1' } },
    { metadata: { uid: 'a' }, type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/p to node-1', eventTime: '2024-05-01T10:00:00.000000Z', reportingComponent: 'default-scheduler' },
  ];
  it('sorts oldest first, ages repeats, trims messages, takes the reporting component', () => {
    assert.deepEqual(describeEvents(events, NOW), [
      { key: 'a', type: 'Normal', reason: 'Scheduled', age: '10m', from: 'default-scheduler', message: 'Successfully assigned default/p to node-1' },
      { key: 'b', type: 'Warning', reason: 'BackOff', age: '2m (x3 over 5m)', from: 'kubelet', message: 'Back-off restarting failed container' },
    ]);
  });
  it('series events', () => {
    assert.equal(eventAge({ eventTime: '2024-05-01T10:00:00Z', series: { count: 4, lastObservedTime: '2024-05-01T10:09:00Z' } }, NOW), '60s (x4 over 10m)');
  });
  it('missing times print <unknown>', () => assert.equal(eventAge({}, NOW), '<unknown>'));
});

describe('formatting helpers', () => {
  it('RFC1123Z in UTC and with an offset', () => {
    assert.equal(formatRfc1123z('2024-01-02T03:04:05Z'), 'Tue, 02 Jan 2024 03:04:05 +0000');
    assert.equal(formatRfc1123z('2024-01-02T03:04:05Z', { offsetMinutes: () => -330 }), 'Mon, 01 Jan 2024 21:34:05 -0530');
    assert.equal(formatRfc1123z(undefined), '<unset>');
  });
  it('labels sort by byte order', () => assert.deepEqual(labelLines({ b: '1', B: '2', a: '' }), ['B=2', 'a=', 'b=1']));
  it('annotations skip last-applied-configuration', () => assert.deepEqual(annotationLines({ 'kubectl.kubernetes.io/last-applied-configuration': 'x' }), ['<none>']));
  it('tolerations', () => {
    assert.deepEqual(tolerationLines([{ operator: 'Exists' }]), ['op=Exists']);
    assert.deepEqual(tolerationLines([{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }]), ['k=v:NoSchedule']);
    assert.deepEqual(tolerationLines([]), ['<none>']);
  });
  it('probes of every kind', () => {
    assert.equal(describeProbe({ exec: { command: ['cat', '/tmp/ok'] }, initialDelaySeconds: 5 }), 'exec [cat /tmp/ok] delay=5s timeout=1s period=10s #success=1 #failure=3');
    assert.equal(describeProbe({ tcpSocket: { port: 'http' } }), 'tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3');
  });
  it('resource field refs round up by the divisor', () => {
    const container = { name: 'c', resources: { limits: { cpu: '1500m', memory: '100Mi' } } };
    assert.equal(resolveResourceFieldRef(container, 'limits.cpu'), '2');
    assert.equal(resolveResourceFieldRef(container, 'limits.cpu', '1m'), '1500');
    assert.equal(resolveResourceFieldRef(container, 'limits.memory', '1Mi'), '100');
    assert.equal(resolveResourceFieldRef(container, 'requests.memory'), '0');
  });
});
