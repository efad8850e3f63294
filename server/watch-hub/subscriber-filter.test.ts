import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeObjectFilter, viewEvents, type SourceEvent } from './subscriber-filter';

const pod = (name: string, labels: Record<string, string>, phase = 'Running') => ({
  metadata: { uid: name, name, namespace: 'default', labels },
  spec: { nodeName: 'node-1' },
  status: { phase },
});

const filterOf = (options: { labelSelector?: string; fieldSelector?: string; resource?: string }) => {
  const made = makeObjectFilter({ resource: 'pods', ...options });
  assert.ok(made.ok);
  return made.filter;
};

test('no selectors: every event passes as it came', () => {
  const events: SourceEvent[] = [{ type: 'ADDED', object: pod('a', {}) }];
  assert.deepEqual(viewEvents(events, filterOf({})), [{ type: 'ADDED', object: events[0].object }]);
});

const cases: [string, SourceEvent, string | null][] = [
  ['an ADDED that matches', { type: 'ADDED', object: pod('a', { app: 'web' }) }, 'ADDED'],
  ['an ADDED that does not', { type: 'ADDED', object: pod('a', { app: 'db' }) }, null],
  ['a MODIFIED that stays in view', { type: 'MODIFIED', object: pod('a', { app: 'web', v: '2' }), previous: pod('a', { app: 'web' }) }, 'MODIFIED'],
  ['a MODIFIED into view is ADDED', { type: 'MODIFIED', object: pod('a', { app: 'web' }), previous: pod('a', { app: 'db' }) }, 'ADDED'],
  ['a MODIFIED out of view is DELETED', { type: 'MODIFIED', object: pod('a', { app: 'db' }), previous: pod('a', { app: 'web' }) }, 'DELETED'],
  ['a MODIFIED never in view', { type: 'MODIFIED', object: pod('a', { app: 'db' }), previous: pod('a', { app: 'db2' }) }, null],
  ['a DELETED of a matching object', { type: 'DELETED', object: pod('a', { app: 'web' }), previous: pod('a', { app: 'web' }) }, 'DELETED'],
  ['a DELETED judged by the last state seen', { type: 'DELETED', object: pod('a', { app: 'db' }), previous: pod('a', { app: 'web' }) }, 'DELETED'],
  ['a DELETED of another object', { type: 'DELETED', object: pod('a', { app: 'db' }) }, null],
];
for (const [title, event, want] of cases) {
  test(`app=web view: ${title}`, () => {
    const out = viewEvents([event], filterOf({ labelSelector: 'app=web' }));
    assert.deepEqual(out.map((e) => e.type), want ? [want] : []);
  });
}

test('field selectors use the kind\'s selectable fields', () => {
  const filter = filterOf({ fieldSelector: 'status.phase=Running,spec.nodeName=node-1' });
  assert.equal(filter(pod('a', {}, 'Running')), true);
  assert.equal(filter(pod('a', {}, 'Pending')), false);
  assert.equal(filterOf({ fieldSelector: 'metadata.name!=a' })(pod('a', {})), false);
});

test('bad selectors are the API server\'s 400 Status', () => {
  const label = makeObjectFilter({ resource: 'pods', labelSelector: 'app in (' });
  assert.equal(label.ok, false);
  assert.equal(!label.ok && label.status.code, 400);
  const field = makeObjectFilter({ resource: 'pods', fieldSelector: 'spec.foo=bar' });
  assert.deepEqual(!field.ok && [field.status.code, field.status.message], [400, 'field label not supported: spec.foo']);
  const configmaps = makeObjectFilter({ resource: 'configmaps', fieldSelector: 'status.phase=Running' });
  assert.equal(configmaps.ok, false);
  assert.equal(makeObjectFilter({ resource: 'configmaps', fieldSelector: 'metadata.name=x' }).ok, true);
});
