import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceListTarget } from './list-targets';
import { nodes, pods } from '@/lib/k8s/resources';

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
