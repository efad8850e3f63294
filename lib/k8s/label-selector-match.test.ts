import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromLabelSelectorObject,
  labelSelectorToString,
  matchesLabels,
  parseLabelSelector,
  selectorMatcher,
  type LabelSelectorObject,
} from '@/lib/k8s/label-selector';

// Facts from apimachinery's TestSelectorMatches and TestRequirementSelectorMatching, plus the
// Pods chapter's own selectors (creation_method, env, app).
describe('matchesLabels (labels.Selector.Matches)', () => {
  const foobar = { foo: 'bar', baz: 'blah' };
  const cases: [string, Record<string, string> | null | undefined, boolean][] = [
    ['', { x: 'y' }, true],
    ['', null, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', foobar, true],
    ['baz=blah', foobar, true],
    ['foo=bar,baz=blah', foobar, true],
    ['foo=blah', foobar, false],
    ['baz=bar', foobar, false],
    ['foo=bar,foobar=bar,baz=blah', foobar, false],
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
    ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['x in ()', { x: '' }, true],
    ['z>1', { z: '2' }, true],
    ['z>1', { z: 'v2' }, false],
    ['z>1', {}, false],
    ['z<10', { z: '-3' }, true],
    ['z>9223372036854775806', { z: '9223372036854775807' }, true],
    ['z<1', { z: '9223372036854775808' }, false],
    ['x=', {}, false],
    ['x=', { x: '' }, true],
    ['x!=a', {}, true],
    ['x notin (a)', {}, true],
    ['x in (a,b)', {}, false],
    ['x in (a,b)', { x: 'b' }, true],
    ['creation_method=manual', { creation_method: 'manual', env: 'prod' }, true],
    ['creation_method!=manual', { app: 'kubia' }, true],
    ['env in (prod,devel)', { env: 'debug' }, false],
    ['env notin (prod,devel)', { env: 'debug' }, true],
    ['!env', { app: 'kubia' }, true],
    ['app=pc,rel=beta', { app: 'pc', rel: 'beta' }, true],
  ];
  for (const [input, labels, want] of cases) {
    it(`${JSON.stringify(input)} on ${JSON.stringify(labels)} -> ${want}`, () => {
      const parsed = parseLabelSelector(input);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(matchesLabels(parsed.selector, labels), want);
    });
  }

  it('does not see inherited properties as labels', () => {
    const parsed = parseLabelSelector('toString');
    assert.ok(parsed.ok);
    assert.equal(matchesLabels(parsed.selector, {}), false);
  });

  it('selectorMatcher matches nothing when the selector is invalid', () => {
    assert.equal(selectorMatcher('app=kubia')({ app: 'kubia' }), true);
    assert.equal(selectorMatcher('app=(')({ app: 'kubia' }), false);
  });
});

const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

// metav1.LabelSelectorAsSelector: the object -> canonical string, or the error text.
describe('fromLabelSelectorObject (metav1.LabelSelectorAsSelector)', () => {
  const good: [string, LabelSelectorObject, string][] = [
    ['empty selects everything', {}, ''],
    ['matchLabels sorted by key', { matchLabels: { rel: 'beta', app: 'pc' } }, 'app=pc,rel=beta'],
    ['In sorts its values on output', { matchExpressions: [{ key: 'x', operator: 'In', values: ['b', 'a'] }] }, 'x in (a,b)'],
    ['NotIn', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['debug'] }] }, 'env notin (debug)'],
    ['Exists and DoesNotExist', {
      matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }, { key: 'app', operator: 'Exists', values: [] }],
    }, 'app,!gpu'],
    ['labels and expressions together', {
      matchLabels: { app: 'kubia' },
      matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }],
    }, 'app=kubia,app in (kubia)'],
  ];
  for (const [name, obj, want] of good) {
    it(name, () => {
      const got = fromLabelSelectorObject(obj);
      assert.ok(got.ok, JSON.stringify(got));
      assert.equal(labelSelectorToString(got.selector), want);
      assert.equal(got.matchesNothing, undefined);
    });
  }

  it('null selects nothing', () => {
    const got = fromLabelSelectorObject(null);
    assert.ok(got.ok);
    assert.equal(got.matchesNothing, true);
  });

  const bad: [string, LabelSelectorObject, string][] = [
    ['unknown operator', { matchExpressions: [{ key: 'x', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    ['In without values', { matchExpressions: [{ key: 'x', operator: 'In' }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['Exists with values', { matchExpressions: [{ key: 'x', operator: 'Exists', values: ['a'] }] },
      'values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist'],
    ['bad key', { matchLabels: { 'a b': 'c' } },
      `key: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`],
    ['bad value', { matchLabels: { app: 'demo-{nginx}' } }, `values[0][app]: Invalid value: "demo-{nginx}": ${VALUE_MSG}`],
  ];
  for (const [name, obj, message] of bad) {
    it(name, () => assert.deepEqual(fromLabelSelectorObject(obj), { ok: false, message }));
  }
});
