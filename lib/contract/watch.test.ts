import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetListPath } from './watch';

describe('targetListPath', () => {
  it('lists a namespace, every namespace, or another group’s kind', () => {
    assert.equal(targetListPath({ context: 'c', version: 'v1', resource: 'pods', namespace: 'team-a' }), '/api/v1/namespaces/team-a/pods');
    assert.equal(targetListPath({ context: 'c', version: 'v1', resource: 'pods' }), '/api/v1/pods');
    assert.equal(targetListPath({ context: 'c', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }), '/apis/apps/v1/namespaces/default/deployments');
  });

  it('leaves the selectors to the shared watch, and sends them for a one-off list', () => {
    const target = { context: 'c', version: 'v1', resource: 'pods', namespace: 'default', labelSelector: 'app in (a,b)', fieldSelector: 'status.phase=Running' };
    assert.equal(targetListPath(target), '/api/v1/namespaces/default/pods');
    const url = new URL(targetListPath(target, { withSelectors: true }), 'https://cluster');
    assert.equal(url.pathname, '/api/v1/namespaces/default/pods');
    assert.equal(url.searchParams.get('labelSelector'), 'app in (a,b)');
    assert.equal(url.searchParams.get('fieldSelector'), 'status.phase=Running');
    assert.equal(targetListPath({ ...target, labelSelector: '', fieldSelector: '' }, { withSelectors: true }), '/api/v1/namespaces/default/pods');
  });
});
