import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeFieldValue,
  fieldSelectorToString,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from '@/lib/k8s/field-selector';

// Facts from apimachinery's fields/selector_test.go (TestSelectorParse, TestSplitTerm, TestEscapeValue,
// TestSelectorMatches) and the field selectors the Pods chapter and kubectl use.
describe('parseFieldSelector accepts what fields.ParseSelector accepts', () => {
  const cases: [string, string][] = [
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['', ''],
    [',', ''],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=a||y\\=b', 'x=a||y\\=b'],
    ['x=a\\=\\=b', 'x=a\\=\\=b'],
    ['x=a,a=x', 'a=x,x=a'],
    ['a==b', 'a=b'],
    ['k=\\,,k2=v2', 'k2=v2,k=\\,'],
    ['k=\\\\', 'k=\\\\'],
    ['함=수,목=록', '목=록,함=수'],
    ['status.phase=Running,spec.nodeName!=', 'spec.nodeName!=,status.phase=Running'],
    ['metadata.name=kubia-manual', 'metadata.name=kubia-manual'],
    ['a=', 'a='],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(want)}`, () => {
      const got = parseFieldSelector(input);
      assert.ok(got.ok, JSON.stringify(got));
      assert.equal(fieldSelectorToString(got.selector), want);
    });
  }

  it('keeps whitespace: `a = b` is field "a " and value " b"', () => {
    assert.deepEqual(parseFieldSelector('a = b'), { ok: true, selector: [{ field: 'a ', operator: '=', value: ' b' }] });
  });

  it('unescapes values', () => {
    assert.deepEqual(parseFieldSelector('complex=\\=value\\\\\\,\\\\'), {
      ok: true,
      selector: [{ field: 'complex', operator: '=', value: '=value\\,\\' }],
    });
  });
});

// input -> [the API server's 400 message, position, length].
describe('parseFieldSelector rejects like the API server', () => {
  const cases: [string, string, number, number][] = [
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61', 0, 8],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61', 0, 7],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'", 4, 1],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'", 0, 8],
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'", 8, 1],
    ['x', "invalid selector: 'x'; can't understand 'x'", 0, 1],
    ['k=\\', 'invalid field selector: invalid escape sequence: \\', 0, 3],
    ['k=\\a', 'invalid field selector: invalid escape sequence: \\a', 0, 4],
    ['z,y', "invalid selector: 'z,y'; can't understand 'y'", 2, 1],
  ];
  for (const [input, message, position, length] of cases) {
    it(JSON.stringify(input), () => {
      assert.deepEqual(parseFieldSelector(input), { ok: false, message, position, length });
    });
  }
});

describe('matchesFields', () => {
  const fieldset = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
  const cases: [string, Record<string, string>, boolean][] = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', fieldset, true],
    ['baz=blah', fieldset, true],
    ['foo=bar,baz=blah', fieldset, true],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fieldset, true],
    ['foo=blah', fieldset, false],
    ['baz=bar', fieldset, false],
    ['foo=bar,foobar=bar,baz=blah', fieldset, false],
    ['spec.nodeName=', { 'spec.nodeName': '' }, true],
    ['spec.nodeName=', {}, true],
    ['spec.nodeName!=', { 'spec.nodeName': 'node-1' }, true],
    ['status.phase!=Running', {}, true],
  ];
  for (const [input, fields, want] of cases) {
    it(`${JSON.stringify(input)} on ${JSON.stringify(fields)} -> ${want}`, () => {
      const parsed = parseFieldSelector(input);
      assert.ok(parsed.ok);
      assert.equal(matchesFields(parsed.selector, fields), want);
    });
  }
});

describe('escapeFieldValue / unescapeFieldValue (EscapeValue / UnescapeValue)', () => {
  const pairs: [string, string][] = [
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ];
  for (const [raw, escaped] of pairs) {
    it(`${JSON.stringify(raw)} <-> ${JSON.stringify(escaped)}`, () => {
      assert.equal(escapeFieldValue(raw), escaped);
      assert.deepEqual(unescapeFieldValue(escaped), { ok: true, value: raw });
    });
  }
  for (const bad of ['\\', '\\\\\\', '\\a']) {
    it(`${JSON.stringify(bad)} is an invalid escape sequence`, () => {
      const got = unescapeFieldValue(bad);
      assert.ok(!got.ok);
      assert.match(got.message, /^invalid field selector: invalid escape sequence: /);
    });
  }
});
