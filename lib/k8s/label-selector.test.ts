import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labelSelectorToString, parseLabelSelector, type Requirement } from '@/lib/k8s/label-selector';

// Facts from apimachinery's labels/selector_test.go (TestSelectorParse, TestSetSelectorParser,
// TestToString) and from how the API server answers `?labelSelector=`: input -> canonical String().
describe('parseLabelSelector accepts what labels.Parse accepts', () => {
  const cases: [string, string][] = [
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['', ''],
    ['   ', ''],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=', 'x='],
    ['x= ', 'x='],
    ['x=,z= ', 'x=,z='],
    ['x= ,z= ', 'x=,z='],
    ['!x', '!x'],
    ['x>1', 'x>1'],
    ['x>1,z<5', 'x>1,z<5'],
    ['x<7', 'x<7'],
    ['x==a', 'x==a'],
    ['x = a', 'x=a'],
    ['x=a,a=x', 'a=x,x=a'],
    ['a=x,x=a', 'a=x,x=a'],
    ['\rx', 'x'],
    ['a ', 'a'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', 'this-is-another-dns.domain.com/key-with-dash in (so,what)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x  notin\t\t\t(abc,def)', 'x notin (abc,def)'],
    ['x in (def,abc)', 'x in (abc,def)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in ()', 'x in ()'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['x in (a,a,b)', 'x in (a,b)'],
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['x=a,y!=b,z in (h,i,j)', 'x=a,y!=b,z in (h,i,j)'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['notin=in', 'notin=in'],
    ['in in (in)', 'in in (in)'],
    ['app.kubernetes.io/name=kubia', 'app.kubernetes.io/name=kubia'],
    ['creation_method=manual,env!=debug', 'creation_method=manual,env!=debug'],
    ['env in (prod,devel)', 'env in (devel,prod)'],
    ['!env', '!env'],
    ["x>007", 'x>007'],
    ['x=a\0ignored garbage', 'x=a'],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(want)}`, () => {
      const got = parseLabelSelector(input);
      assert.ok(got.ok, JSON.stringify(got));
      assert.equal(labelSelectorToString(got.selector), want);
    });
  }

  it('keeps requirements as data: sorted by key, values sorted and unique', () => {
    const got = parseLabelSelector('z in (b,a,b),app=kubia,!gpu');
    assert.ok(got.ok);
    const want: Requirement[] = [
      { key: 'app', operator: '=', values: ['kubia'] },
      { key: 'gpu', operator: '!', values: [] },
      { key: 'z', operator: 'in', values: ['a', 'b'] },
    ];
    assert.deepEqual(got.selector, want);
  });

  it('reads > and < as gt and lt', () => {
    const got = parseLabelSelector('a>1,b<2');
    assert.ok(got.ok);
    assert.deepEqual(
      got.selector.map((r) => r.operator),
      ['gt', 'lt'],
    );
  });
});

const KEY_NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const GT_INTEGER = "for 'Gt', 'Lt' operators, the value must be an integer";
const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

// input -> [the API server's 400 message, position, length of the underlined span].
describe('parseLabelSelector rejects what the API server rejects, with its message and the span', () => {
  const cases: [string, string, number, number][] = [
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE}`, 2, 4],
    ['x==a==b', "found '==', expected: ',' or 'end of string'", 4, 2],
    ['!x=a', "found '=', expected: ',' or 'end of string'", 2, 1],
    ['!x in (a)', "found 'in', expected: ',' or 'end of string'", 3, 2],
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": ${GT_INTEGER}`, 2, 1],
    ['x>', `unable to parse requirement: values[0]: Invalid value: "": ${GT_INTEGER}`, 2, 0],
    ['x,,y', "found ',', expected: identifier after ','", 2, 1],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'", 0, 1],
    ['x nott in (y)', `unable to parse requirement: found 'nott', expected: ${OPERATORS}`, 2, 4],
    ['a in (xyz),', "found '', expected: identifier after ','", 11, 0],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'", 10, 1],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'", 10, 3],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier", 8, 0],
    ['a (', `unable to parse requirement: found '(', expected: ${OPERATORS}`, 2, 1],
    ['(', "found '(', expected: !, identifier, or 'end of string'", 0, 1],
    ['!', "unable to parse requirement: found '', expected: identifier", 1, 0],
    ['!!x', "unable to parse requirement: found '!', expected: identifier", 1, 1],
    ['x notin', "unable to parse requirement: found '' expected: '('", 7, 0],
    ['x in a', "unable to parse requirement: found 'a' expected: '('", 5, 1],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'", 7, 0],
    ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier", 6, 1],
    ['x in (a,=)', "unable to parse requirement: found '=', expected: ',', or identifier", 8, 1],
    ['x=(a)', "unable to parse requirement: found '(', expected: identifier", 2, 1],
    ['x=a,', "found '', expected: identifier after ','", 4, 0],
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`, 2, 1],
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${KEY_NAME_PART}`, 0, 12],
    ['*bar', `unable to parse requirement: <nil>: Invalid value: "*bar": ${KEY_NAME_PART}`, 0, 4],
    [
      'app.kubernetes_io/name=vault',
      'unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part ' +
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      0,
      22,
    ],
    [
      'a/b/c ?=? def',
      'unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ' +
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      0,
      5,
    ],
    ['/x', 'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty', 0, 2],
    [
      `${'k'.repeat(64)}`,
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
      0,
      64,
    ],
    ['app=demo-{nginx}', `unable to parse requirement: values[0][app]: Invalid value: "demo-{nginx}": ${LABEL_VALUE}`, 4, 12],
    ['model=ns/smoke', `unable to parse requirement: values[0][model]: Invalid value: "ns/smoke": ${LABEL_VALUE}`, 6, 8],
    ['x in (b,-a)', `unable to parse requirement: values[0][x]: Invalid value: "-a": ${LABEL_VALUE}`, 8, 2],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${LABEL_VALUE}`, 2, 2],
    [
      'x>-a',
      `unable to parse requirement: [values[0]: Invalid value: "-a": ${GT_INTEGER}, values[0][x]: Invalid value: "-a": ${LABEL_VALUE}]`,
      2,
      2,
    ],
    [
      `x=${'v'.repeat(64)}`,
      `unable to parse requirement: values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
      2,
      64,
    ],
  ];
  for (const [input, apiMessage, position, length] of cases) {
    it(JSON.stringify(input), () => {
      const got = parseLabelSelector(input);
      assert.equal(got.ok, false);
      if (got.ok) return;
      assert.equal(got.apiMessage, apiMessage);
      assert.deepEqual([got.error.position, got.error.length], [position, length]);
      assert.ok(got.error.message.length > 0);
    });
  }

  it('explains errors in its own words for the filter bar', () => {
    const got = parseLabelSelector('app:monolith');
    assert.ok(!got.ok);
    assert.match(got.error.message, /^Invalid label key "app:monolith": name part must consist/);
    const op = parseLabelSelector('a b');
    assert.ok(!op.ok);
    assert.equal(op.error.message, "Expected an operator (=, ==, !=, in, notin, >, <) after the key but found 'b'");
  });
});

describe('labelSelectorToString (Requirement.String)', () => {
  const cases: [string, Requirement[], string][] = [
    ['set-based and exists', [
      { key: 'x', operator: 'in', values: ['abc', 'def'] },
      { key: 'y', operator: 'notin', values: ['jkl'] },
      { key: 'z', operator: 'exists', values: [] },
    ], 'x in (abc,def),y notin (jkl),z'],
    ['negations', [
      { key: 'x', operator: 'notin', values: ['def', 'abc'] },
      { key: 'y', operator: '!=', values: ['jkl'] },
      { key: 'z', operator: '!', values: [] },
    ], 'x notin (abc,def),y!=jkl,!z'],
    ['empty value sets', [
      { key: 'x', operator: 'notin', values: ['abc'] },
      { key: 'y', operator: 'in', values: ['jkl', 'mno'] },
      { key: 'z', operator: 'notin', values: [''] },
    ], 'x notin (abc),y in (jkl,mno),z notin ()'],
    ['equality spellings kept', [
      { key: 'x', operator: '=', values: ['abc'] },
      { key: 'y', operator: '==', values: ['jkl'] },
      { key: 'z', operator: '!=', values: ['a'] },
      { key: 'z', operator: 'exists', values: [] },
    ], 'x=abc,y==jkl,z!=a,z'],
    ['gt and lt', [
      { key: 'x', operator: 'gt', values: ['2'] },
      { key: 'y', operator: 'lt', values: ['8'] },
      { key: 'z', operator: 'exists', values: [] },
    ], 'x>2,y<8,z'],
  ];
  for (const [name, selector, want] of cases) {
    it(name, () => assert.equal(labelSelectorToString(selector), want));
  }

  it('does not reorder the caller\'s values while sorting them for output', () => {
    const values = ['b', 'a'];
    labelSelectorToString([{ key: 'x', operator: 'in', values }]);
    assert.deepEqual(values, ['b', 'a']);
  });
});
