import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '@/lib/k8s/field-errors';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  utf8Length,
  validateAnnotations,
  validateLabels,
  validateObjectMetaName,
} from '@/lib/k8s/validation';

const a = (n: number) => 'a'.repeat(n);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

// Valid and invalid inputs from apimachinery's util/validation/validation_test.go.
const table: [string, (v: string) => string[], string[], string[]][] = [
  [
    'IsDNS1123Label',
    isDNS1123Label,
    ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)],
    ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
      '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', a(64)],
  ],
  [
    'IsDNS1123Subdomain',
    isDNS1123Subdomain,
    ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a', 'abc.a',
      'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', '0.a', '01.a', '1--a--b--2', a(253), 'kubia-manual'],
    ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '.', 'a.', '.a',
      'a..b', 'a.-b', 'a-.b', ' ', 'a b', 'Kubia', a(254)],
  ],
  [
    'IsDNS1035Label',
    isDNS1035Label,
    ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)],
    ['0', '01', '012', '1a', '1-a', '', 'A', '-', 'a-', 'a.b', a(64)],
  ],
  [
    'IsQualifiedName',
    isQualifiedName,
    ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
      'now-with-dashes/now-with-dashes', 'now.with.dots/now-with-dashes', 'now-with.dots/now-with-dashes',
      'now.with.dots/now.with.dots', 'now-with.dots/now.with.dots', 'UpperCaseAreOK123', 'bitnami.com/sealed-secrets',
      a(63), `${a(253)}/${'b'.repeat(63)}`, 'app.kubernetes.io/name'],
    ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc',
      'example_com/abc', 'example.com/', '/simple', a(64), `${a(254)}/abc`, ''],
  ],
  [
    'IsValidLabelValue',
    isValidLabelValue,
    ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), '', 'Running'],
    ['nospecialchars%^=@', 'Tama-nui-te-rā.is_Māori.loanword', '-cantstartwithadash', 'cantendwithadash-',
      'only/one/slash', a(64)],
  ],
];

for (const [name, check, good, bad] of table) {
  describe(name, () => {
    for (const v of good) it(`accepts ${JSON.stringify(v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v)}`, () => assert.deepEqual(check(v), []));
    for (const v of bad) it(`rejects ${JSON.stringify(v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v)}`, () => assert.notDeepEqual(check(v), []));
  });
}

describe('exact messages', () => {
  const cases: [string, string[], string[]][] = [
    ['subdomain with uppercase', isDNS1123Subdomain('Foo'), [SUBDOMAIN_MSG]],
    ['subdomain too long', isDNS1123Subdomain(a(254)), ['must be no more than 253 characters']],
    ['label with a dot', isDNS1123Label('a.b'), [LABEL_MSG]],
    ['label too long and bad', isDNS1123Label(`${a(63)}-`), ['must be no more than 63 characters', LABEL_MSG]],
    ['qualified name with a colon', isQualifiedName('app:monolith'), [NAME_PART_MSG]],
    ['qualified name, empty prefix', isQualifiedName('/simple'), ['prefix part must be non-empty']],
    ['qualified name, empty name', isQualifiedName('example.com/'), ['name part must be non-empty', NAME_PART_MSG]],
    ['qualified name, bad prefix', isQualifiedName('Example.com/abc'), [`prefix part ${SUBDOMAIN_MSG}`]],
    ['qualified name, long name part', isQualifiedName(a(64)), ['name part must be no more than 63 characters']],
    ['label value too long', isValidLabelValue(a(64)), ['must be no more than 63 characters']],
    ['label value with a slash', isValidLabelValue('ns/smoke'), [VALUE_MSG]],
    // Limits count UTF-8 bytes like Go's len(): 30 Hangul syllables are 90 bytes.
    ['label value of Hangul', isValidLabelValue('가'.repeat(30)), ['must be no more than 63 characters', VALUE_MSG]],
  ];
  for (const [name, got, want] of cases) it(name, () => assert.deepEqual(got, want));

  it('utf8Length counts bytes', () => {
    assert.deepEqual([utf8Length('a'), utf8Length('ā'), utf8Length('가'), utf8Length('😀')], [1, 2, 3, 4]);
  });
});

describe('ObjectMeta rules', () => {
  const messages = (errs: ReturnType<typeof validateLabels>) => errs.map(fieldErrorMessage);

  it('metadata.name is required', () => {
    assert.deepEqual(messages(validateObjectMetaName('', 'subdomain')), [
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
  it('pod names are DNS-1123 subdomains', () => {
    assert.deepEqual(messages(validateObjectMetaName('Kubia_Manual', 'subdomain')), [
      `metadata.name: Invalid value: "Kubia_Manual": ${SUBDOMAIN_MSG}`,
    ]);
    assert.deepEqual(validateObjectMetaName('kubia.manual', 'subdomain'), []);
  });
  it('namespace names are DNS-1123 labels', () => {
    assert.deepEqual(messages(validateObjectMetaName('custom.namespace', 'label')), [
      `metadata.name: Invalid value: "custom.namespace": ${LABEL_MSG}`,
    ]);
  });
  it('labels are reported on the labels path with the offending key or value', () => {
    assert.deepEqual(messages(validateLabels({ 'app:x': 'ok', env: 'a b' }, 'metadata.labels')), [
      `metadata.labels: Invalid value: "app:x": ${NAME_PART_MSG}`,
      `metadata.labels: Invalid value: "a b": ${VALUE_MSG}`,
    ]);
    assert.deepEqual(validateLabels({ 'app.kubernetes.io/name': 'kubia', creation_method: 'manual' }, 'metadata.labels'), []);
    assert.deepEqual(validateLabels(undefined, 'metadata.labels'), []);
  });
  it('annotation keys are checked case-insensitively, values are free', () => {
    assert.deepEqual(validateAnnotations({ 'Example.COM/Owner': 'Anyone, anything: 한국어' }, 'metadata.annotations'), []);
    assert.deepEqual(messages(validateAnnotations({ 'a b': '' }, 'metadata.annotations')), [
      `metadata.annotations: Invalid value: "a b": ${NAME_PART_MSG}`,
    ]);
  });
  it('annotations may total 256 KiB of keys and values', () => {
    assert.deepEqual(validateAnnotations({ k: 'v'.repeat(256 * 1024 - 1) }, 'metadata.annotations'), []);
    assert.deepEqual(messages(validateAnnotations({ k: 'v'.repeat(256 * 1024) }, 'metadata.annotations')), [
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });
});
