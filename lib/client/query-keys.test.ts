import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPodRowsTarget, namespaceRowsTarget, resourceListTarget } from '@/lib/contract/list-targets';
import { namespaces, pods } from '@/lib/k8s/resources';
import { watchedKey } from './query-keys';

describe('watchedKey', () => {
  it('is one key for the header picker and the Namespaces page, and for the Pods page and the pod tallies across namespaces: one watch each in the tab', () => {
    const namespacesPage = resourceListTarget({ type: namespaces, context: 'c', namespace: 'default', view: 'rows' });
    assert.deepEqual(watchedKey(namespacesPage), watchedKey(namespaceRowsTarget('c')));
    const allPods = resourceListTarget({ type: pods, context: 'c', namespace: '_all', fieldSelector: '', view: 'rows' });
    assert.deepEqual(watchedKey(allPods), watchedKey(allPodRowsTarget('c')));
  });

  it('tells apart what lists differently: namespace, selectors, view', () => {
    const base = { type: pods, context: 'c', namespace: 'default' } as const;
    const keys = [
      resourceListTarget(base),
      resourceListTarget({ ...base, namespace: 'team-a' }),
      resourceListTarget({ ...base, fieldSelector: 'status.phase=Running' }),
      resourceListTarget({ ...base, view: 'rows' }),
    ].map((target) => JSON.stringify(watchedKey(target)));
    assert.equal(new Set(keys).size, keys.length);
  });
});
