import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext } from './manifest-completion';

/** The context at the `|` of a text. */
const at = (text: string) => {
  const offset = text.indexOf('|');
  return cursorContext(text.replace('|', ''), offset);
};

const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';
const cases: [string, string, Partial<ReturnType<typeof cursorContext>>][] = [
  ['a root key', `${head}sp|`, { path: [], at: 'key' }],
  ['under spec', `${head}spec:\n  nodeS|`, { path: ['spec'], at: 'key' }],
  ['a new list item', `${head}spec:\n  containers:\n  - na|`, { path: ['spec', 'containers'], at: 'key' }],
  ['a sibling in a list item', `${head}spec:\n  containers:\n  - name: a\n    ima|`, { path: ['spec', 'containers'], at: 'key' }],
  ['nested lists', `${head}spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n      proto|`, { path: ['spec', 'containers', 'ports'], at: 'key' }],
  ['back out of a list', `${head}spec:\n  containers:\n  - name: a\n    image: b\n  restart|`, { path: ['spec'], at: 'key' }],
  ['a value', `${head}spec:\n  restartPolicy: Nev|`, { path: ['spec'], at: 'value', key: 'restartPolicy' }],
  ['apiVersion in the second document', `${head}---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  |`, { path: ['spec'], apiVersion: 'apps/v1', kind: 'Deployment' }],
];
for (const [title, text, want] of cases) {
  test(`cursorContext: ${title}`, () => {
    const got = at(text);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, k);
  });
}

test('cursorContext: the word being typed starts at `from`', () => {
  const text = `${head}spec:\n  nodeS`;
  assert.equal(cursorContext(text, text.length).from, text.length - 'nodeS'.length);
});
