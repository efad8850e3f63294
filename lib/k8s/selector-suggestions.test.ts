import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexLabels, suggestSelector } from './selector-suggestions';

const index = indexLabels([
  { env: 'prod', creation_method: 'manual' },
  { env: 'devel' },
  { run: 'kubia' },
  undefined,
]);

const labels = (input: string, caret = input.length) => suggestSelector(input, caret, index).options.map((o) => o.label);

test('indexLabels collects keys and their values, sorted', () => {
  assert.deepEqual(index.keys(), ['creation_method', 'env', 'run']);
  assert.deepEqual(index.values('env'), ['devel', 'prod']);
  assert.deepEqual(index.values('tier'), []);
});

test('LabelCounts: a value stays while any object has it; keys and values go with the last one', () => {
  const counts = indexLabels([{ app: 'web', tier: 'front' }, { app: 'web' }]);
  assert.deepEqual(counts.values('app'), ['web']);
  const before = counts.version;
  counts.remove({ app: 'web' });
  assert.deepEqual(counts.values('app'), ['web'], 'another object still has app=web');
  assert.equal(counts.version, before, 'a count alone changed');
  counts.add({ app: 'api' });
  assert.deepEqual(counts.values('app'), ['api', 'web']);
  counts.remove({ app: 'web', tier: 'front' });
  assert.deepEqual(counts.values('app'), ['api']);
  assert.deepEqual(counts.keys(), ['app']);
  assert.equal(counts.has('tier'), false);
  assert.ok(counts.version > before);
  // Taking away labels that were never counted changes nothing.
  counts.remove({ app: 'nope', zone: 'a' });
  assert.deepEqual(counts.values('app'), ['api']);
});

const cases: [string, string, string[]][] = [
  ['empty input offers every key', '', ['creation_method', 'env', 'run']],
  ['a key prefix narrows the keys', 'e', ['env']],
  ['a complete key offers has, lacks and the operators', 'env', ['env', '!env', 'env=', 'env!=', 'env in (', 'env notin (']],
  ['negation offers negated keys', '!r', ['!run']],
  ['after = come the values', 'env=', ['devel', 'prod']],
  ['a value prefix narrows them', 'env=p', ['prod']],
  ['!= works like =', 'env!=d', ['devel']],
  ['a complete value offers nothing more', 'env=prod', []],
  ['in ( offers values', 'env in (', ['devel', 'prod']],
  ['values already in the set are not offered again', 'env in (prod,', ['devel']],
  ['a later clause starts after the comma', 'env=prod, ru', ['run']],
  ['a comma inside parentheses does not start a clause', 'env notin (devel, ', ['prod']],
  ['an unknown key has no values', 'tier=', []],
];

for (const [name, input, expected] of cases) {
  test(`suggestSelector: ${name}`, () => assert.deepEqual(labels(input), expected));
}

test('suggestions replace just the partial token', () => {
  const { from, to, options } = suggestSelector('env=prod,env in (pr', 19, index);
  assert.equal('env=prod,env in (pr'.slice(from, to), 'pr');
  assert.equal(options[0].insert, 'prod');
});

test('the caret position, not the end of the input, picks the clause', () => {
  assert.deepEqual(labels('e,run=kubia', 1), ['env']);
});

test('the existence forms say what they mean', () => {
  const options = suggestSelector('env', 3, index).options;
  assert.deepEqual(options.slice(0, 2), [
    { label: 'env', insert: 'env', hint: 'has the label' },
    { label: '!env', insert: '!env', hint: 'lacks the label' },
  ]);
  assert.equal(suggestSelector('!e', 2, index).options[0].hint, 'lacks the label');
});

test('the lacks form replaces the whole key', () => {
  const { from, to, options } = suggestSelector('run=kubia, env', 14, index);
  const lacks = options.find((o) => o.label === '!env')!;
  assert.equal('run=kubia, env'.slice(0, from) + lacks.insert + 'run=kubia, env'.slice(to), 'run=kubia, !env');
});
