import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedCluster, type EmbeddedCluster } from './index';
import { eventually } from './testing/eventually';
import { createKubectl, type Kubectl } from './testing/kubectl';
import { parseTable, parseTables } from './testing/kubectl-table';

// policy/v1 PodDisruptionBudgets and networking.k8s.io/v1 Ingresses and IngressClasses, with the real
// kubectl as the referee: discovery, tables, strict field validation and kube-apiserver's validation.
const BUDGET = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: batch
spec:
  maxUnavailable: 25%
  selector:
    matchLabels: {app: batch}
`;

const INGRESSES = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
  parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  tls: [{hosts: [a.example.com], secretName: web-tls}]
  rules:
  - host: a.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: many
spec:
  rules:
  - {host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: a, port: {name: http}}}}]}}
  - {host: b.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: b, port: {name: http}}}}]}}
  - {host: c.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: c, port: {name: http}}}}]}}
  - {host: d.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: d, port: {name: http}}}}]}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: catch-all
spec:
  defaultBackend: {service: {name: web, port: {number: 8080}}}
`;

describe('kubectl against the embedded cluster: PodDisruptionBudgets and Ingresses', () => {
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

  it('lists the kinds in api-resources with their groups and short names', async () => {
    const table = parseTable((await kubectl.ok(['api-resources', '--api-group=policy'])).stdout);
    assert.deepEqual(table.rows, [{ NAME: 'poddisruptionbudgets', SHORTNAMES: 'pdb', APIVERSION: 'policy/v1', NAMESPACED: 'true', KIND: 'PodDisruptionBudget' }]);
    const networking = parseTable((await kubectl.ok(['api-resources', '--api-group=networking.k8s.io'])).stdout);
    assert.deepEqual(
      networking.rows.map((r) => [r.NAME, r.SHORTNAMES, r.NAMESPACED, r.KIND]),
      [
        ['ingressclasses', '', 'false', 'IngressClass'],
        ['ingresses', 'ing', 'true', 'Ingress'],
      ],
    );
  });

  it('applies budgets and ingresses and prints them as against a real server', async () => {
    assert.equal((await kubectl.ok(['apply', '-f', '-'], { stdin: BUDGET })).stdout, 'poddisruptionbudget.policy/web created\npoddisruptionbudget.policy/batch created\n');
    await kubectl.ok(['apply', '-f', '-'], { stdin: INGRESSES });
    const [budgets, ingresses] = parseTables((await kubectl.ok(['get', 'pdb,ingress'])).stdout);
    assert.deepEqual(budgets.headers, ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']);
    assert.deepEqual(
      budgets.rows.map(({ AGE: _age, ...row }) => row),
      [
        { NAME: 'poddisruptionbudget.policy/batch', 'MIN AVAILABLE': 'N/A', 'MAX UNAVAILABLE': '25%', 'ALLOWED DISRUPTIONS': '0' },
        { NAME: 'poddisruptionbudget.policy/web', 'MIN AVAILABLE': '1', 'MAX UNAVAILABLE': 'N/A', 'ALLOWED DISRUPTIONS': '0' },
      ],
    );
    assert.deepEqual(ingresses.headers, ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
    assert.deepEqual(
      ingresses.rows.map(({ AGE: _age, ...row }) => row),
      [
        { NAME: 'ingress.networking.k8s.io/catch-all', CLASS: '<none>', HOSTS: '*', ADDRESS: '', PORTS: '80' },
        { NAME: 'ingress.networking.k8s.io/many', CLASS: '<none>', HOSTS: 'a.example.com,b.example.com,c.example.com + 1 more...', ADDRESS: '', PORTS: '80' },
        { NAME: 'ingress.networking.k8s.io/web', CLASS: 'nginx', HOSTS: 'a.example.com', ADDRESS: '', PORTS: '80, 443' },
      ],
    );
    for (const row of [...budgets.rows, ...ingresses.rows]) assert.match(row.AGE ?? '', /^\d+s$/);
    const classes = parseTable((await kubectl.ok(['get', 'ingressclass'])).stdout);
    assert.deepEqual(classes.rows.map(({ AGE: _age, ...row }) => row), [{ NAME: 'nginx', CONTROLLER: 'k8s.io/ingress-nginx', PARAMETERS: 'IngressParameters.k8s.example.com/external-lb' }]);
  });

  it('creates with generation 1 and the empty statuses Go encodes, which the disruption controller then fills', async () => {
    const created = JSON.parse((await kubectl.ok(['create', '--dry-run=server', '-o', 'json', '-f', '-'], { stdin: BUDGET.split('---')[0].replace('name: web', 'name: fresh') })).stdout);
    assert.equal(created.metadata.generation, 1);
    assert.deepEqual(created.status, { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    // No pod matches `web` (this cluster has no nodes to run one): minAvailable 1 cannot be met.
    const status = await eventually(async () => {
      const pdb = JSON.parse((await kubectl.ok(['get', 'pdb', 'web', '-o', 'json'])).stdout);
      return pdb.status.observedGeneration === 1 ? pdb.status : undefined;
    }, 'the disruption controller writes the status');
    const { conditions, ...counts } = status;
    assert.deepEqual(counts, { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1, expectedPods: 0 });
    assert.deepEqual(conditions.map(({ lastTransitionTime: _t, ...c }: Record<string, unknown>) => c), [{ type: 'DisruptionAllowed', status: 'False', observedGeneration: 1, reason: 'InsufficientPods', message: '' }]);
    const ingress = JSON.parse((await kubectl.ok(['get', 'ingress', 'web', '-o', 'json'])).stdout);
    assert.equal(ingress.metadata.generation, 1);
    assert.deepEqual(ingress.status, { loadBalancer: {} });
  });

  it('refuses an unknown field with strict decoding, as kubectl apply asks for', async () => {
    const broken = BUDGET.split('---')[0].replace('minAvailable', 'minAvailabel').replace('name: web', 'name: typo');
    const out = await kubectl.run(['apply', '--dry-run=server', '-f', '-'], { stdin: broken });
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      'Error from server (BadRequest): error when creating "STDIN": PodDisruptionBudget in version "v1" cannot be handled as a PodDisruptionBudget: strict decoding error: unknown field "spec.minAvailabel"\n',
    );
  });

  it('refuses what kube-apiserver validation refuses', async () => {
    const both = BUDGET.split('---')[0].replace('name: web', 'name: both').replace('minAvailable: 1', 'minAvailable: 1\n  maxUnavailable: 150%');
    const budget = await kubectl.run(['create', '-f', '-'], { stdin: both });
    assert.equal(budget.code, 1);
    // kubectl create prints an Invalid Status's causes one per line.
    assert.match(budget.stderr, /^The PodDisruptionBudget "both" is invalid: \n\* spec: Invalid value: .*: minAvailable and maxUnavailable cannot be both set\n\* spec\.maxUnavailable: Invalid value: "150%": must not be greater than 100%\n$/);
    const noPathType = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bad}
spec:
  rules: [{http: {paths: [{path: /, backend: {service: {name: web}}}]}}]
`;
    const ingress = await kubectl.run(['create', '-f', '-'], { stdin: noPathType });
    assert.equal(ingress.code, 1);
    assert.equal(
      ingress.stderr,
      'The Ingress "bad" is invalid: \n* spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n* spec.rules[0].http.paths[0].backend: Required value: port name or number is required\n',
    );
    assert.equal((await kubectl.run(['get', 'pdb', 'both'])).code, 1);
  });

  it('creates them from kubectl create, which sends protobuf', async () => {
    assert.equal((await kubectl.ok(['create', 'pdb', 'half', '--selector=app=x', '--min-available=50%'])).stdout, 'poddisruptionbudget.policy/half created\n');
    await kubectl.ok(['create', 'pdb', 'none', '--selector=app=y', '--max-unavailable=0']);
    await kubectl.ok(['create', 'ingress', 'exact', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--class=nginx']);
    await kubectl.ok(['create', 'ingress', 'fallback', '--default-backend=web:http', '--rule=/*=svc2:web']);
    const spec = async (resource: string) => JSON.parse((await kubectl.ok(['get', resource, '-o', 'jsonpath={.spec}'])).stdout);
    assert.deepEqual(await spec('pdb/half'), { minAvailable: '50%', selector: { matchLabels: { app: 'x' } } });
    assert.deepEqual(await spec('pdb/none'), { maxUnavailable: 0, selector: { matchLabels: { app: 'y' } } });
    assert.deepEqual(await spec('ingress/exact'), {
      ingressClassName: 'nginx',
      rules: [{ host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact', backend: { service: { name: 'svc1', port: { number: 8080 } } } }] } }],
      tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }],
    });
    assert.deepEqual(await spec('ingress/fallback'), {
      defaultBackend: { service: { name: 'web', port: { name: 'http' } } },
      rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc2', port: { name: 'web' } } } }] } }],
    });
  });

  it('explains the kinds from their OpenAPI schemas', async () => {
    const out = await kubectl.ok(['explain', 'ingress.spec.rules.http.paths.pathType']);
    assert.match(out.stdout, /^GROUP:\s+networking\.k8s\.io\nKIND:\s+Ingress\nVERSION:\s+v1\n\nFIELD: pathType <string>/);
    const pdb = await kubectl.ok(['explain', 'pdb.spec.minAvailable']);
    assert.match(pdb.stdout, /FIELD: minAvailable <IntOrString>/);
  });
});
