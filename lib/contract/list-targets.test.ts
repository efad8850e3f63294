import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageListTargets, resourceListTarget } from './list-targets';
import { nodes, pods } from '@/lib/k8s/resources';

const paths = (pathname: string, query: string) =>
  pageListTargets(pathname, new URLSearchParams(query)).map((t) => `${t.resource}@${t.namespace ?? '*'}:${t.view ?? 'objects'}`);

describe('resourceListTarget', () => {
  it('lists one namespace, or every one for `_all`', () => {
    assert.equal(resourceListTarget({ type: pods, context: 'c', namespace: 'team-a' }).namespace, 'team-a');
    assert.equal(resourceListTarget({ type: pods, context: 'c', namespace: '_all' }).namespace, undefined);
  });

  it('gives a cluster-scoped kind no namespace, whatever the page is in', () => {
    assert.equal(resourceListTarget({ type: nodes, context: 'c', namespace: 'team-a' }).namespace, undefined);
  });

  it('leaves out an empty field selector and a default view', () => {
    const target = resourceListTarget({ type: pods, context: 'c', namespace: 'default', fieldSelector: '' });
    assert.deepEqual(target, { context: 'c', group: '', version: 'v1', resource: 'pods', namespace: 'default', fieldSelector: undefined });
  });
});

describe('pageListTargets', () => {
  it('warms what each list page opens from its URL', () => {
    assert.deepEqual(paths('/pods', 'context=c&namespace=_all'), ['pods@*:rows', 'namespaces@*:rows']);
    assert.deepEqual(paths('/pods', 'context=c&namespace=team-a&labelSelector=app%3Dx'), ['pods@team-a:rows', 'namespaces@*:rows']);
    assert.deepEqual(paths('/nodes', 'context=c'), ['nodes@*:rows', 'pods@*:rows', 'namespaces@*:rows']);
    assert.deepEqual(paths('/namespaces', 'context=c&namespace=team-a'), ['namespaces@*:rows', 'pods@*:rows']);
  });

  it('warms nothing the URL does not decide', () => {
    // Without a context the page waits for the default one; the Pods page without a namespace, for the context's.
    assert.deepEqual(paths('/pods', 'namespace=_all'), []);
    assert.deepEqual(paths('/pods', 'context=c'), ['namespaces@*:rows']);
    assert.deepEqual(paths('/pods/default/web', 'context=c'), []);
    assert.deepEqual(paths('/scheduling', 'context=c'), []);
  });

  it('names the context from the URL', () => {
    assert.deepEqual(new Set(pageListTargets('/nodes', new URLSearchParams('context=prod-eu')).map((t) => t.context)), new Set(['prod-eu']));
  });
});
