import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectlCommand, type KubectlAction } from './kubectl-command';
import { shellQuote } from './shell-quote';

const cases: [string, KubectlAction, string][] = [
  ['plain get', { verb: 'get', resource: 'pods' }, 'kubectl get pods'],
  [
    'the issue example: selector with spaces is quoted, -L joins keys',
    { verb: 'get', resource: 'pods', scope: { namespace: 'default' }, labelSelector: 'env in (prod,devel)', labelColumns: ['creation_method', 'env'] },
    "kubectl get pods -n default -l 'env in (prod,devel)' -L creation_method,env",
  ],
  ['a bare equality selector needs no quotes', { verb: 'get', resource: 'po', labelSelector: 'creation_method=manual' }, 'kubectl get po -l creation_method=manual'],
  ['! is special to shells', { verb: 'get', resource: 'po', labelSelector: '!env' }, "kubectl get po -l '!env'"],
  ['all namespaces and show labels', { verb: 'get', resource: 'pods', scope: { allNamespaces: true }, showLabels: true }, 'kubectl get pods --all-namespaces --show-labels'],
  ['field selector and output', { verb: 'get', resource: 'pods', fieldSelector: 'spec.nodeName=node-1', output: 'wide' }, 'kubectl get pods --field-selector spec.nodeName=node-1 -o wide'],
  ['get one as yaml', { verb: 'get', resource: 'po', names: ['kubia-manual'], output: 'yaml' }, 'kubectl get po kubia-manual -o yaml'],
  ['describe', { verb: 'describe', resource: 'pod', name: 'kubia-manual', scope: { namespace: 'default' } }, 'kubectl describe pod kubia-manual -n default'],
  ['logs with container', { verb: 'logs', pod: 'kubia-manual', container: 'kubia' }, 'kubectl logs kubia-manual -c kubia'],
  [
    'logs with every option',
    { verb: 'logs', pod: 'p', namespace: 'ns', follow: true, tailLines: 100, sinceSeconds: 60, timestamps: true, previous: true },
    'kubectl logs p -n ns -f --tail=100 --since=60s --timestamps --previous',
  ],
  ['cordon nodes', { verb: 'cordon', names: ['n1', 'n2'] }, 'kubectl cordon n1 n2'],
  ['uncordon', { verb: 'uncordon', names: ['n1'] }, 'kubectl uncordon n1'],
  ['taint a node', { verb: 'taint', names: ['n1'], taint: { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } }, 'kubectl taint nodes n1 dedicated=gpu:NoSchedule'],
  ['replace a taint', { verb: 'taint', names: ['n1'], taint: { key: 'maint', effect: 'NoExecute' }, overwrite: true }, 'kubectl taint nodes n1 maint:NoExecute --overwrite'],
  ['remove a taint', { verb: 'taint', names: ['n1'], taint: { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, remove: true }, 'kubectl taint nodes n1 dedicated:NoSchedule-'],
  ['get nodes by label, -L', { verb: 'get', resource: 'nodes', labelSelector: 'gpu=true', labelColumns: ['gpu'] }, 'kubectl get nodes -l gpu=true -L gpu'],
  ['label a pod', { verb: 'label', resource: 'po', names: ['kubia-manual'], set: { creation_method: 'manual' } }, 'kubectl label po kubia-manual creation_method=manual'],
  ['overwrite a label', { verb: 'label', resource: 'po', names: ['kubia-manual-v2'], set: { env: 'debug' }, overwrite: true }, 'kubectl label po kubia-manual-v2 env=debug --overwrite'],
  ['remove a label', { verb: 'label', resource: 'pod', names: ['a', 'b'], namespace: 'default', remove: ['env'] }, 'kubectl label pod a b -n default env-'],
  ['label by selector', { verb: 'label', resource: 'pods', labelSelector: 'app=x', set: { tier: 'web' } }, 'kubectl label pods -l app=x tier=web'],
  [
    'annotation values with spaces are quoted',
    { verb: 'annotate', resource: 'pod', names: ['kubia-manual'], set: { 'mycompany.com/someannotation': 'foo bar' } },
    "kubectl annotate pod kubia-manual 'mycompany.com/someannotation=foo bar'",
  ],
  ['guarded by resourceVersion', { verb: 'label', resource: 'pod', names: ['p'], set: { a: 'b' }, resourceVersion: '42' }, 'kubectl label pod p a=b --resource-version=42'],
  ['delete by name', { verb: 'delete', resource: 'po', names: ['kubia-gpu'] }, 'kubectl delete po kubia-gpu'],
  ['delete by selector', { verb: 'delete', resource: 'po', labelSelector: 'creation_method=manual' }, 'kubectl delete po -l creation_method=manual'],
  ['delete everything in a namespace', { verb: 'delete', resource: 'po', all: true, scope: { namespace: 'custom-namespace' } }, 'kubectl delete po --all -n custom-namespace'],
  ['force delete', { verb: 'delete', resource: 'pod', names: ['p'], force: true, gracePeriodSeconds: 0 }, 'kubectl delete pod p --force --grace-period=0'],
  ['server dry run', { verb: 'delete', resource: 'pods', all: true, dryRun: true }, 'kubectl delete pods --all --dry-run=server'],
  ['delete a namespace', { verb: 'delete', resource: 'ns', names: ['custom-namespace'] }, 'kubectl delete ns custom-namespace'],
  ['create from a file in a namespace', { verb: 'create', file: 'kubia-manual.yaml', namespace: 'custom-namespace' }, 'kubectl create -f kubia-manual.yaml -n custom-namespace'],
  ['create a namespace', { verb: 'create', namespaceName: 'custom-namespace' }, 'kubectl create namespace custom-namespace'],
  ['port-forward', { verb: 'port-forward', pod: 'kubia-manual', localPort: 8888, podPort: 8080 }, 'kubectl port-forward kubia-manual 8888:8080'],
  ['exec -it', { verb: 'exec', pod: 'kubia-manual', namespace: 'dev', container: 'kubia', interactive: true, command: ['sh'] }, 'kubectl exec -it kubia-manual -n dev -c kubia -- sh'],
  ['exec with a quoted command', { verb: 'exec', pod: 'kubia-manual', command: ['sh', '-c', 'exit 3'] }, "kubectl exec kubia-manual -- sh -c 'exit 3'"],
  ['explain', { verb: 'explain', path: 'pod.spec' }, 'kubectl explain pod.spec'],
];

for (const [name, action, expected] of cases) {
  test(`kubectlCommand: ${name}`, () => assert.equal(kubectlCommand(action), expected));
}

test('shellQuote escapes single quotes inside values', () => {
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote(''), "''");
  assert.equal(shellQuote('$(rm -rf /)'), "'$(rm -rf /)'");
});
