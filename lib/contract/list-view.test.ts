import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { namespaces, nodes, pods } from '@/lib/k8s/resources';
import { listViewCommand, listViewSearch, namespacesViewSpec, nodesViewSpec, parseListView, podsViewSpec } from './list-view';

test('an empty URL is the default view', () => {
  assert.deepEqual(parseListView(podsViewSpec, new URLSearchParams()), {
    context: undefined,
    namespace: undefined,
    labelSelector: '',
    fieldSelector: '',
    labelColumns: [],
    showLabels: false,
    sort: { key: 'name', descending: false },
  });
  assert.equal(listViewSearch(podsViewSpec, parseListView(podsViewSpec, {})), '');
});

test('a view survives the round trip through its URL', () => {
  const search = 'context=embedded&namespace=_all&labelSelector=env+in+%28prod%2Cdevel%29&fieldSelector=status.phase%3DRunning&labelColumns=creation_method%2Cenv&showLabels=1&sort=-age';
  const view = parseListView(podsViewSpec, new URLSearchParams(search));
  assert.equal(view.labelSelector, 'env in (prod,devel)');
  assert.deepEqual(view.labelColumns, ['creation_method', 'env']);
  assert.deepEqual(view.sort, { key: 'age', descending: true });
  assert.equal(listViewSearch(podsViewSpec, view), search);
});

test('sort keys are the page\'s own; unknown ones fall back to the first', () => {
  assert.deepEqual(parseListView(podsViewSpec, { sort: '-bogus' }).sort, { key: 'name', descending: false });
  assert.deepEqual(parseListView(namespacesViewSpec, { sort: '-pods' }).sort, { key: 'pods', descending: true });
  assert.deepEqual(parseListView(namespacesViewSpec, { sort: 'restarts' }).sort, { key: 'name', descending: false });
});

test('Next.js searchParams objects with repeated keys take the first', () => {
  assert.equal(parseListView(podsViewSpec, { labelSelector: ['a=b', 'c=d'] }).labelSelector, 'a=b');
});

test('the view renders as the matching kubectl command', () => {
  const view = parseListView(podsViewSpec, { labelSelector: 'env in (prod,devel)', labelColumns: 'creation_method,env' });
  assert.equal(kubectlCommand(listViewCommand(pods, view, 'default')), "kubectl get pods -n default -l 'env in (prod,devel)' -L creation_method,env");
  assert.equal(kubectlCommand(listViewCommand(pods, parseListView(podsViewSpec, { showLabels: '1' }), '_all')), 'kubectl get pods --all-namespaces --show-labels');
  // A cluster-scoped kind has no namespace flag, whatever namespace the header has picked.
  assert.equal(kubectlCommand(listViewCommand(namespaces, parseListView(namespacesViewSpec, { labelSelector: 'team=a' }), 'default')), 'kubectl get namespaces -l team=a');
});

test('the nodes view keeps -o wide and the selection in its URL; the pods view does not keep a selection', () => {
  const search = 'labelSelector=gpu%3Dtrue&labelColumns=gpu&wide=1&selected=n1%2Cn2&sort=-cpu';
  const view = parseListView(nodesViewSpec, new URLSearchParams(search));
  assert.deepEqual(view.selected, ['n1', 'n2']);
  assert.equal(view.wide, true);
  assert.equal(listViewSearch(nodesViewSpec, view), search);
  assert.equal(kubectlCommand(listViewCommand(nodes, view, undefined)), 'kubectl get nodes -l gpu=true -L gpu -o wide');
  assert.equal(parseListView(podsViewSpec, { selected: 'a' }).selected, undefined);
});
