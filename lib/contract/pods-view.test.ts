import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { parsePodsView, podsViewCommand, podsViewSearch } from './pods-view';

test('an empty URL is the default view', () => {
  assert.deepEqual(parsePodsView(new URLSearchParams()), {
    context: undefined,
    namespace: undefined,
    labelSelector: '',
    fieldSelector: '',
    labelColumns: [],
    showLabels: false,
    sort: { key: 'name', descending: false },
  });
  assert.equal(podsViewSearch(parsePodsView({})), '');
});

test('a view survives the round trip through its URL', () => {
  const search = '?context=embedded&namespace=_all&labelSelector=env+in+%28prod%2Cdevel%29&fieldSelector=status.phase%3DRunning&labelColumns=creation_method%2Cenv&showLabels=1&sort=-age';
  const view = parsePodsView(new URLSearchParams(search));
  assert.equal(view.labelSelector, 'env in (prod,devel)');
  assert.deepEqual(view.labelColumns, ['creation_method', 'env']);
  assert.deepEqual(view.sort, { key: 'age', descending: true });
  assert.equal(podsViewSearch(view), search);
});

test('unknown sort keys fall back to name', () => {
  assert.deepEqual(parsePodsView({ sort: '-bogus' }).sort, { key: 'name', descending: false });
});

test('Next.js searchParams objects with repeated keys take the first', () => {
  assert.equal(parsePodsView({ labelSelector: ['a=b', 'c=d'] }).labelSelector, 'a=b');
});

test('the view renders as the matching kubectl command', () => {
  const view = parsePodsView({ labelSelector: 'env in (prod,devel)', labelColumns: 'creation_method,env' });
  assert.equal(kubectlCommand(podsViewCommand(view, 'default')), "kubectl get pods -n default -l 'env in (prod,devel)' -L creation_method,env");
  assert.equal(kubectlCommand(podsViewCommand(parsePodsView({ showLabels: '1' }), '_all')), 'kubectl get pods --all-namespaces --show-labels');
});
