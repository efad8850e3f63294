import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployments, pods } from './resources';
import { withTypeMeta } from './type-meta';

describe('withTypeMeta', () => {
  const cases = [
    { name: 'a pod from a list (no TypeMeta)', descriptor: pods, object: { metadata: { name: 'kubia-zxzij' } }, apiVersion: 'v1', kind: 'Pod' },
    { name: 'a pod from a watch event', descriptor: pods, object: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x' } }, apiVersion: 'v1', kind: 'Pod' },
    { name: 'a deployment (named group)', descriptor: deployments, object: { metadata: { name: 'd' } }, apiVersion: 'apps/v1', kind: 'Deployment' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const typed = withTypeMeta(c.descriptor, c.object);
      assert.deepEqual(Object.keys(typed).slice(0, 2), ['apiVersion', 'kind'], 'first, as kubectl prints them');
      assert.deepEqual([typed.apiVersion, typed.kind], [c.apiVersion, c.kind]);
      assert.deepEqual(typed.metadata, c.object.metadata);
    });
  }
  it('does not change the object it was given (it may be a cached list item)', () => {
    const object = { metadata: { name: 'a' } };
    withTypeMeta(pods, object);
    assert.deepEqual(object, { metadata: { name: 'a' } });
  });
});
